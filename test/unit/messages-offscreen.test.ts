/**
 * The background's offscreen client: creates the document on demand, and when
 * the document dies with a call in flight, recreates it and sends the call again.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { offscreenDetect, offscreenStatus } from '../../entrypoints/background/offscreen-client';

const post = { id: '1', text: 'gm $BTC' };
const detection = { id: '1', coins: [{ symbol: 'BTC', confidence: 0.9, unlisted: false }], spans: [], addresses: [], engine: 'lexicon' };

let alive = false;
let created = 0;
let sendMessage: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  alive = false;
  created = 0;
  const b = fakeBrowser as any;
  b.runtime.getContexts = vi.fn(async () => (alive ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []));
  b.offscreen = {
    createDocument: vi.fn(async (opts: { reasons: string[]; url: string }) => {
      expect(opts.reasons).toEqual(['WORKERS']);
      expect(opts.url).toBe('offscreen.html');
      created++;
      alive = true;
    }),
    closeDocument: vi.fn(async () => {
      alive = false;
    }),
  };
  sendMessage = vi.fn();
  b.runtime.sendMessage = sendMessage;
});

describe('offscreen client', () => {
  test('creates the document once and sends the batch to it', async () => {
    sendMessage.mockResolvedValue({ ok: true, detections: [detection], status: { backend: 'lexicon' } });
    const r = await offscreenDetect([post]);
    expect(r.detections).toEqual([detection]);
    expect(r.status.backend).toBe('lexicon');
    await offscreenDetect([post]);
    expect(created).toBe(1);
    expect(sendMessage.mock.calls[0]![0]).toEqual({ target: 'offscreen', type: 'offscreen-detect', posts: [post] });
  });

  test('document died with the call in flight: recreated and the same batch sent again', async () => {
    sendMessage
      .mockImplementationOnce(async () => {
        alive = false; // closed while handling: the port closes without an answer
        throw new Error('The message port closed before a response was received.');
      })
      .mockResolvedValueOnce({ ok: true, detections: [detection], status: { backend: 'lexicon' } });
    const r = await offscreenDetect([post]);
    expect(r.detections).toEqual([detection]);
    expect(created).toBe(2);
    expect(sendMessage.mock.calls.map((c) => c[0])).toEqual([
      { target: 'offscreen', type: 'offscreen-detect', posts: [post] },
      { target: 'offscreen', type: 'offscreen-detect', posts: [post] },
    ]);
  });

  test('an undefined answer (document reloaded) is retried too', async () => {
    sendMessage.mockResolvedValueOnce(undefined).mockResolvedValueOnce({ ok: true, status: { backend: 'wasm', modelVersion: 'm1' } });
    expect(await offscreenStatus()).toEqual({ backend: 'wasm', modelVersion: 'm1' });
  });

  test('gives up with a clear error when the document never answers', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(offscreenDetect([post])).rejects.toThrow(/offscreen document unreachable/);
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  test('a malformed reply is an error, not a retry', async () => {
    sendMessage.mockResolvedValue({ ok: true, detections: [{ id: 1 }] });
    await expect(offscreenDetect([post])).rejects.toThrow(/bad reply from offscreen document/);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  test('an engine error from the document is passed on', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'model failed' });
    await expect(offscreenDetect([post])).rejects.toThrow('model failed');
  });
});

describe('local engine with fallback (the model swap point)', async () => {
  const { withFallback, lexiconOnly } = await import('../../entrypoints/offscreen/engine');
  const det = (engine: 'local' | 'lexicon') => (posts: { id: string }[]) => Promise.resolve(posts.map((p) => ({ ...detection, id: p.id, engine })));

  test('uses the primary (model) while it works, the fallback when it throws, and reports it', async () => {
    let fail = false;
    const model = { name: 'local' as const, detect: (p: { id: string; text: string }[]) => (fail ? Promise.reject(new Error('ort crashed')) : det('local')(p)) };
    const lexicon = { name: 'lexicon' as const, detect: det('lexicon') };
    const engine = withFallback(model, lexicon, { backend: 'wasm', modelVersion: 'v1' }, 2);
    expect((await engine.detect([post]))[0]!.engine).toBe('local');
    expect(engine.status()).toEqual({ backend: 'wasm', modelVersion: 'v1' });
    fail = true;
    expect((await engine.detect([post]))[0]!.engine).toBe('lexicon');
    expect(engine.status()).toMatchObject({ backend: 'wasm', error: expect.stringMatching(/ort crashed/) });
    expect((await engine.detect([post]))[0]!.engine).toBe('lexicon');
    expect(engine.status()).toMatchObject({ backend: 'lexicon', error: expect.stringMatching(/disabled after 2 failures/) });
    fail = false; // disabled for good: no more model calls
    expect((await engine.detect([post]))[0]!.engine).toBe('lexicon');
  });

  test('lexicon only reports backend lexicon and why', async () => {
    const e = lexiconOnly({ name: 'lexicon', detect: det('lexicon') }, 'no model files');
    expect(e.status()).toEqual({ backend: 'lexicon', error: 'no model files' });
  });
});

import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Detection, Detector, PostInput } from '../../utils/detector';
import { RemoteDetector } from '../../utils/engines/remote';
import { LexiconDetector } from '../../utils/lexicon';
import { buildUserMessage } from '../../utils/remote/prompt';
import { createDetectServer, type DetectServer } from '../../utils/server/server';

/** Toy engine: every $TAG is a coin, with its span. */
class CashtagDetector implements Detector {
  readonly name = 'lexicon' as const;
  gate?: Promise<void>;
  calls = 0;
  async detect(posts: PostInput[]): Promise<Detection[]> {
    this.calls += 1;
    await this.gate;
    return posts.map((p) => {
      const hits = [...p.text.matchAll(/\$([A-Za-z]+)/g)];
      const symbols = [...new Set(hits.map((m) => m[1]!.toUpperCase()))];
      return {
        id: p.id,
        coins: symbols.map((symbol) => ({ symbol, confidence: 0.8, unlisted: false })),
        spans: hits.map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0], symbol: m[1]!.toUpperCase(), confidence: 0.8 })),
        addresses: [],
        engine: 'lexicon',
      };
    });
  }
}

class BrokenDetector implements Detector {
  readonly name = 'lexicon' as const;
  async detect(): Promise<Detection[]> {
    throw new Error('model file missing');
  }
}

const running: DetectServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close(100)));
});

async function start(
  detector: Detector = new CashtagDetector(),
  options: { maxBodyBytes?: number; maxBatch?: number; onError?: (e: unknown) => void; apiKey?: string } = {},
) {
  const server = createDetectServer({ detector, onError: (e) => expect.unreachable(String(e)), ...options });
  running.push(server);
  const url = await server.listen(0);
  return { server, url, detector };
}

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /v1/detect', () => {
  it('returns one Detection per post, in order', async () => {
    const { url } = await start();
    const res = await post(url, '/v1/detect', { posts: [{ id: 'a', text: 'long $sol' }, { id: 'b', text: 'nothing', lang: 'en' }] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results.map((d: Detection) => [d.id, d.coins.map((c) => c.symbol)])).toEqual([
      ['a', ['SOL']],
      ['b', []],
    ]);
    expect(body.results[0].spans[0]).toMatchObject({ start: 5, end: 9, text: '$sol' });
  });

  it('answers bad input with 400 and a message naming the problem', async () => {
    const { url, detector } = await start(new CashtagDetector(), { maxBatch: 2 });
    const cases: [unknown, RegExp][] = [
      ['{"posts": [', /not valid JSON/],
      ['', /empty/],
      [{ items: [] }, /posts/],
      [{ posts: [] }, /at least one post/],
      [{ posts: [{ text: 'no id' }] }, /id/],
      [{ posts: [{ id: 'x', text: 42 }] }, /text/],
      [{ posts: [1, 2, 3].map((i) => ({ id: `${i}`, text: '' })) }, /too many posts: 3 .* at most 2/],
    ];
    for (const [body, message] of cases) {
      const res = await post(url, '/v1/detect', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const json = await res.json();
      expect(json.error.message).toMatch(message);
      expect(json.error.type).toBe('invalid_request_error');
    }
    expect((detector as CashtagDetector).calls).toBe(0);
  });

  it('refuses bodies over the limit with 413, with or without Content-Length', async () => {
    const { url } = await start(new CashtagDetector(), { maxBodyBytes: 1000 });
    const big = JSON.stringify({ posts: [{ id: '1', text: 'x'.repeat(5000) }] });
    const declared = await post(url, '/v1/detect', big);
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('body_too_large');
    // A streamed body has no Content-Length: the limit is enforced while reading.
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = await fetch(`${url}/v1/detect`, { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    // The server still serves afterwards.
    expect((await post(url, '/v1/detect', { posts: [{ id: '1', text: '$eth' }] })).status).toBe(200);
  });

  it('refuses non-JSON content types with 415', async () => {
    const { url } = await start();
    const res = await post(url, '/v1/detect', 'posts=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('reports engine failures as 500 JSON', async () => {
    const errors: unknown[] = [];
    const { url } = await start(new BrokenDetector(), { onError: (e) => errors.push(e) });
    const res = await post(url, '/v1/detect', { posts: [{ id: '1', text: 'x' }] });
    expect(res.status).toBe(500);
    expect(errors).toHaveLength(1);
    expect((await res.json()).error).toMatchObject({ type: 'server_error', message: expect.stringMatching(/model file missing/) });
  });
});

describe('routing', () => {
  it('404 for unknown paths, 405 with Allow for wrong methods', async () => {
    const { url } = await start();
    const missing = await fetch(`${url}/v2/nothing`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const noV1 = await post(url, '/chat/completions', {});
    expect(noV1.status).toBe(404);
    expect((await noV1.json()).error.message).toMatch(/did you mean \/v1\/chat\/completions/);
    const wrong = await fetch(`${url}/v1/detect`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    const wrongPost = await post(url, '/health', {});
    expect(wrongPost.status).toBe(405);
    expect(wrongPost.headers.get('allow')).toBe('GET');
  });

  it('serves /health and /v1/models', async () => {
    const { url } = await start();
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', engine: 'lexicon', model: 'tickerlens-lexicon' });
    expect(await (await fetch(`${url}/v1/models`)).json()).toEqual({
      object: 'list',
      data: [{ id: 'tickerlens-lexicon', object: 'model', created: 0, owned_by: 'tickerlens' }],
    });
  });
});

describe('access', () => {
  it('requires the API key on /v1/* when one is configured, not on /health', async () => {
    const { url } = await start(new CashtagDetector(), { apiKey: 'serve-key' });
    const body = { posts: [{ id: '1', text: '$sol' }] };
    expect((await post(url, '/v1/detect', body)).status).toBe(401);
    const wrong = await post(url, '/v1/detect', body, { 'content-type': 'application/json', authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.type).toBe('authentication_error');
    expect((await fetch(`${url}/v1/models`)).status).toBe(401);
    expect((await post(url, '/v1/detect', body, { 'content-type': 'application/json', authorization: 'Bearer serve-key' })).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);

    const withKey = new RemoteDetector({ baseUrl: `${url}/v1`, model: 'm', apiKey: 'serve-key', findAddresses: () => [] });
    expect((await withKey.detectWithOutcome([{ id: 'x', text: '$eth' }])).fallbacks).toEqual([]);
    const withoutKey = new RemoteDetector({ baseUrl: `${url}/v1`, model: 'm', findAddresses: () => [], fallback: new CashtagDetector() });
    expect((await withoutKey.detectWithOutcome([{ id: 'x', text: '$eth' }])).fallbacks[0]).toMatchObject({ kind: 'http', reason: expect.stringMatching(/HTTP 401/) });
  });

  it('on loopback, answers only loopback Host headers (no DNS rebinding)', async () => {
    const { url } = await start();
    const { port } = new URL(url);
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/health', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await statusFor('evil.example:' + port)).toBe(403);
    expect(await statusFor('127.0.0.1:' + port)).toBe(200);
    expect(await statusFor('localhost:' + port)).toBe(200);
    expect(await statusFor('[::1]:' + port)).toBe(200);
  });

  it('allows cross-origin calls from extension origins only', async () => {
    const { url } = await start();
    const preflight = (origin: string) =>
      fetch(`${url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const ext = await preflight('chrome-extension://abcdefghijklmnop');
    expect(ext.status).toBe(204);
    expect(ext.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    expect(ext.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const page = await preflight('https://x.com');
    expect(page.status).toBe(204);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    const fromExt = await post(url, '/v1/detect', { posts: [{ id: '1', text: '$sol' }] }, { 'content-type': 'application/json', origin: 'moz-extension://1234-abcd' });
    expect(fromExt.headers.get('access-control-allow-origin')).toBe('moz-extension://1234-abcd');
  });
});

describe('POST /v1/chat/completions', () => {
  it('round-trips with RemoteDetector: same coins and spans as the engine itself', async () => {
    const engine = new CashtagDetector();
    const { url } = await start(engine);
    const remote = new RemoteDetector({ baseUrl: `${url}/v1`, model: 'tickerlens-lexicon', batchSize: 3, findAddresses: () => [] });
    const input = Array.from({ length: 7 }, (_, i) => ({ id: `post-${i}`, text: i % 2 ? `$btc and $Eth #${i}` : `plain ${i}` }));
    const viaServer = await remote.detectWithOutcome(input);
    expect(viaServer.fallbacks).toEqual([]);
    const direct = await new CashtagDetector().detect(input);
    expect(viaServer.detections.map((d) => ({ id: d.id, engine: d.engine, coins: d.coins.map((c) => c.symbol), spans: d.spans.map((s) => [s.start, s.end, s.symbol]) }))).toEqual(
      direct.map((d) => ({ id: d.id, engine: 'remote', coins: d.coins.map((c) => c.symbol), spans: d.spans.map((s) => [s.start, s.end, s.symbol]) })),
    );
    const stats = remote.stats();
    expect(stats).toMatchObject({ requests: 3, failures: 0, responseFormat: 'json_schema', repliesWithoutUsage: 0 });
    expect(stats.tokensIn).toBeGreaterThan(3 * 500); // the system prompt alone is well over 500 tokens
    expect(stats.tokensOut).toBeGreaterThan(0);
  });

  it('answers in the OpenAI shape with usage', async () => {
    const { url } = await start();
    const res = await post(url, '/v1/chat/completions', {
      model: 'anything',
      messages: [{ role: 'user', content: [{ type: 'text', text: buildUserMessage([{ id: '1', text: 'gm $doge' }]) }] }],
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ object: 'chat.completion', model: 'tickerlens-lexicon', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant' } }] });
    expect(JSON.parse(body.choices[0].message.content)).toEqual({ posts: [{ id: '1', coins: ['DOGE'], mentions: [['$doge', 'DOGE']] }] });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('rejects streaming, missing user messages, foreign prompts and oversized batches with 400', async () => {
    const { url } = await start(new CashtagDetector(), { maxBatch: 1 });
    const ours = buildUserMessage([{ id: '1', text: 'x' }]);
    const cases: [unknown, RegExp][] = [
      [{ model: 'm', messages: [{ role: 'user', content: ours }], stream: true }, /stream/],
      [{ model: 'm', messages: [{ role: 'system', content: 'hi' }] }, /user message/],
      [{ model: 'm', messages: [{ role: 'user', content: 'what is bitcoin?' }] }, /POSTS_JSON/],
      [{ messages: [{ role: 'user', content: ours }] }, /model/],
      [{ model: 'm', messages: [{ role: 'user', content: buildUserMessage([{ id: '1', text: 'a' }, { id: '2', text: 'b' }]) }] }, /too many posts/],
    ];
    for (const [body, message] of cases) {
      const res = await post(url, '/v1/chat/completions', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
  });
});

describe('with the lexicon engine', () => {
  it('a RemoteDetector pointed at the server gives what the lexicon gives directly', async () => {
    const lexicon = new LexiconDetector();
    const { url } = await start(lexicon);
    const remote = new RemoteDetector({ baseUrl: `${url}/v1`, model: 'tickerlens-lexicon', batchSize: 4 });
    const input = [
      { id: 'a', text: 'Loading up on $SOL and 以太坊 before the unlock' },
      { id: 'b', text: '大饼破十万了！' },
      { id: 'c', text: 'BTC/USDT long from 98k, stop 95k' },
      { id: 'd', text: 'CA: 0x6982508145454ce325ddbe47a25d4ec3d2311933 $PEPE send it' },
      { id: 'e', text: 'nothing about markets here, just lunch' },
      { id: 'f', text: 'Bought $TSLA and #Bitcoin today' },
    ];
    const viaServer = await remote.detectWithOutcome(input);
    expect(viaServer.fallbacks).toEqual([]);
    const direct = await lexicon.detect(input);
    const view = (d: Detection) => ({
      id: d.id,
      coins: d.coins.map((c) => c.symbol).sort(),
      spans: d.spans.map((s) => `${s.start}-${s.end}:${s.symbol}`).sort(),
      addresses: d.addresses,
    });
    expect(viaServer.detections.map(view)).toEqual(direct.map(view));
    expect(viaServer.detections.every((d) => d.engine === 'remote')).toBe(true);
    // Not vacuous: the fixture posts hold coins and an address.
    expect(direct.flatMap((d) => d.coins).length).toBeGreaterThan(4);
    expect(direct[3]!.addresses).toHaveLength(1);
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, finishes requests in flight, then resolves close()', async () => {
    const engine = new CashtagDetector();
    let open!: () => void;
    engine.gate = new Promise((r) => (open = r));
    const { server, url } = await start(engine);
    const pending = post(url, '/v1/detect', { posts: [{ id: '1', text: '$sol' }] });
    while (engine.calls === 0) await new Promise((r) => setTimeout(r, 5));
    expect(server.inFlight()).toBe(1);

    let closed = false;
    const closing = server.close(5_000).then(() => (closed = true));
    // New connections are refused once close() began.
    const { port } = new URL(url);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    expect(closed).toBe(false);

    open();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect((await res.json()).results[0].coins[0].symbol).toBe('SOL');
    await closing;
    expect(closed).toBe(true);
  });
});

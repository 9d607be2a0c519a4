/**
 * The 'local' engine end to end on the shipped model (public/model) with onnxruntime-node:
 * batching keeps input order, long posts run as windows with offsets intact, plain posts
 * skip the model, and status reports backend + version. Skips when no model is built.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalModelDetector, type LexiconFns } from '../../utils/engines/local-model';
import { Detection } from '../../utils/detector';

const MODEL = resolve(__dirname, '../../public/model');
const have = existsSync(resolve(MODEL, 'config.json')) && existsSync(resolve(MODEL, 'onnx/model_quantized.onnx'));
if (!have) console.warn('local-model test skipped: run `npm run train` to build public/model');

describe.skipIf(!have)('local model detector', () => {
  it('reports status and detects a plain cashtag coin, in input order, with exact offsets', async () => {
    const det = createLocalModelDetector({ assetBase: MODEL + '/' });
    expect(det.status().ready).toBe(false);
    const st = await det.ready();
    expect(st).toMatchObject({ ready: true, backend: 'node' });
    expect(st.modelVersion).toBeTruthy();
    const posts = [
      { id: 'a', text: 'just bought more $BTC and $ETH, sending it' },
      { id: 'b', text: 'lunch was great today' },
      { id: 'c', text: '大饼又跌了，还能抄底吗' },
    ];
    const out = await det.detect(posts);
    expect(out.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    for (const d of out) Detection.parse(d);
    expect(out[0]!.coins.map((c) => c.symbol).sort()).toEqual(['BTC', 'ETH']);
    expect(out[1]!.coins).toEqual([]);
    for (const d of out) for (const s of d.spans) expect(posts.find((p) => p.id === d.id)!.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('windows long posts: a coin far past the window size is still found at its offset', async () => {
    const det = createLocalModelDetector({ assetBase: MODEL + '/', windowSize: 128 });
    const filler = 'the weather is nice and the coffee is good. '.repeat(12);
    const text = filler + 'loading up on $SOL here';
    const [d] = await det.detect([{ id: 'long', text }]);
    const span = d!.spans.find((s) => s.symbol === 'SOL');
    expect(span).toBeDefined();
    expect(text.slice(span!.start, span!.end)).toBe('$SOL');
  });

  it('gives a post the same coins and confidences alone as in a padded batch', async () => {
    const det = createLocalModelDetector({ assetBase: MODEL + '/' });
    const posts = [
      { id: 's', text: 'near the top? $NEAR looks fine' },
      { id: 'm', text: '今天大饼和以太都在涨，SOL 也不错，我加仓了一点 $PEPE 看看' },
      { id: 'l', text: 'Long thread on why $ETH, $ARB and $OP matter for the L2 story. '.repeat(4) },
    ];
    const together = await det.detect(posts);
    for (const [k, p] of posts.entries()) {
      const [alone] = await det.detect([p]);
      expect(alone!.coins.map((c) => c.symbol)).toEqual(together[k]!.coins.map((c) => c.symbol));
      alone!.coins.forEach((c, j) => expect(c.confidence).toBeCloseTo(together[k]!.coins[j]!.confidence, 5));
    }
  });

  it('skips the model for posts with no candidate and no $/#/@ (injected lexicon)', async () => {
    let calls = 0;
    const lexicon: LexiconFns = {
      findCandidates: () => (calls++, []),
      findAddresses: () => [],
      resolveSurface: () => undefined,
    };
    const det = createLocalModelDetector({ assetBase: MODEL + '/', lexicon });
    const out = await det.detect([{ id: 'x', text: 'nothing coin-like here at all' }, { id: 'y', text: '' }]);
    expect(calls).toBe(2);
    expect(out.map((d) => d.coins.length)).toEqual([0, 0]);
    expect(det.status().sequencesRun).toBe(0);
    await det.detect([{ id: 'z', text: 'what about $ZZZQ then' }]);
    expect(det.status().sequencesRun).toBe(1);
  });
});

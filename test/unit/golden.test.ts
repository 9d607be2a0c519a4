/**
 * Golden vectors of the shipped model (test/fixtures/golden/golden.json, written by
 * `npm run train`): the TypeScript tokenizer + feature encoder reproduce the ids and
 * features training used, and onnxruntime-node reproduces torch's logits, for
 * English and Chinese texts. Skips with a message when the model is not built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../utils/normalize';
import { encodeChars, loadVocab } from '../../utils/model/tokenizer';
import { encodeFeatures, N_FEATURES } from '../../utils/model/features';

const ROOT = resolve(__dirname, '../..');
const GOLDEN = resolve(ROOT, 'test/fixtures/golden/golden.json');
const MODEL = resolve(ROOT, 'public/model');
const have = existsSync(GOLDEN) && existsSync(resolve(MODEL, 'onnx/model_quantized.onnx')) && existsSync(resolve(MODEL, 'vocab.json'));
if (!have) console.warn('golden test skipped: run `npm run train` to build public/model and test/fixtures/golden');

describe.skipIf(!have)('local model golden vectors', () => {
  const golden = have ? JSON.parse(readFileSync(GOLDEN, 'utf8')) : { cases: [] };
  const vocab = have ? loadVocab(JSON.parse(readFileSync(resolve(MODEL, 'vocab.json'), 'utf8'))) : null;
  const config = have ? JSON.parse(readFileSync(resolve(MODEL, 'config.json'), 'utf8')) : {};

  it('covers English and Chinese texts of the shipped model version', () => {
    expect(golden.modelVersion).toBe(config.modelVersion);
    expect(golden.cases.some((c: any) => /[\u4e00-\u9fff]/.test(c.text))).toBe(true);
    expect(golden.cases.some((c: any) => /^[\x00-\x7f]+$/.test(c.text))).toBe(true);
  });

  it('tokenizer and feature encoder reproduce the stored ids and features', () => {
    for (const c of golden.cases) {
      const norm = normalize(c.text);
      expect([...encodeChars(norm.text, vocab!)], c.text).toEqual(c.ids);
      expect([...encodeFeatures(c.text, norm, c.candidates)], c.text).toEqual(c.features);
      expect(c.features.length).toBe(c.ids.length * N_FEATURES);
    }
  });

  it('the current lexicon still finds the candidates the golden features were built from', async () => {
    const lex = await import('../../utils/lexicon/index');
    for (const c of golden.cases) {
      const now = lex.findCandidates(c.text).map((x: any) => `${x.start}-${x.end}:${x.symbol}:${x.kind}:${x.accepted}`);
      const then = c.candidates.map((x: any) => `${x.start}-${x.end}:${x.symbol}:${x.kind}:${x.accepted}`);
      // A difference means the lexicon changed after training: retrain (`npm run train`) so features match.
      expect(now.sort(), c.text).toEqual(then.sort());
    }
  });

  for (const file of ['onnx/model.onnx', 'onnx/model_quantized.onnx']) {
    // The fp32 file is only shipped with `npm run train -- --ship-fp32`.
    it.skipIf(!existsSync(resolve(MODEL, file)))(`onnxruntime-node logits match torch (${file})`, async () => {
      const ort = await import('onnxruntime-node');
      const session = await ort.InferenceSession.create(resolve(MODEL, file));
      const quantized = file.includes('quantized');
      for (const c of golden.cases) {
        const T = c.ids.length;
        const out = await session.run({
          input_ids: new ort.Tensor('int64', BigInt64Array.from(c.ids.map(BigInt)), [1, T]),
          features: new ort.Tensor('int64', BigInt64Array.from(c.features.map(BigInt)), [1, T, N_FEATURES]),
        });
        const got = out.logits!.data as Float32Array;
        const want = (c.logits as number[][]).flat();
        expect(got.length).toBe(want.length);
        let maxDiff = 0;
        want.forEach((w: number, i: number) => (maxDiff = Math.max(maxDiff, Math.abs(got[i]! - w))));
        // fp32 must reproduce torch; int8 weights may move a logit by up to 2% of the case's
        // largest one, and must not change any token's tag.
        const scale = Math.max(...want.map(Math.abs));
        expect(maxDiff, c.text).toBeLessThan(quantized ? 0.02 * scale : 1e-3);
        const tags = (xs: ArrayLike<number>) => Array.from({ length: T }, (_, t) => [0, 1, 2].reduce((m, k) => (xs[t * 3 + k]! > xs[t * 3 + m]! ? k : m), 0));
        expect(tags(got), c.text).toEqual(tags(want));
      }
    });
  }
});

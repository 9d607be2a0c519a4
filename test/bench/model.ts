/**
 * Local model benchmark (`npm run bench:model`): model load time, file sizes, median
 * ms/post at batch 1 and 16 of the whole detect() (lexicon + features + model + decode)
 * on onnxruntime-node through transformers.js, analyze throughput, and the model's own
 * inference time on onnxruntime-web WASM (1 thread) in Node — transformers.js runs WASM
 * only in browsers, so that row times session.run on the same inputs directly; the
 * browser's full detect() on WASM is `npm run bench:browser`. Human lines, then one JSON line.
 *
 * Posts: a fixed sample of ../shared/data/silver.jsonl (typical X lengths) when present,
 * else the golden fixture texts. Env: BENCH_POSTS (default 160), BENCH_BACKENDS (node,wasm).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLocalModelDetector } from '../../utils/engines/local-model';
import { median, sampleSilverPosts } from './sample';
import type { PostInput } from '../../utils/detector';
import { findCandidates } from '../../utils/lexicon';
import { normalize } from '../../utils/normalize';
import { encodeChars, loadVocab } from '../../utils/model/tokenizer';
import { encodeFeatures, N_FEATURES } from '../../utils/model/features';
import { planBatches, windowInputs, type ModelInput } from '../../utils/model/batching';

const ROOT = resolve(import.meta.dirname, '../..');
const MODEL = resolve(ROOT, process.env.MODEL_DIR ?? 'public/model');
const N = Number(process.env.BENCH_POSTS ?? 160);

function loadPosts(): { posts: PostInput[]; source: string } {
  const silver = sampleSilverPosts(N);
  if (silver) return { posts: silver, source: 'silver sample' };
  const golden = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/golden/golden.json'), 'utf8'));
  const texts: string[] = golden.cases.map((c: any) => c.text);
  return { posts: Array.from({ length: N }, (_, i) => ({ id: String(i), text: texts[i % texts.length]! })), source: 'golden texts' };
}

async function main() {
  if (!existsSync(resolve(MODEL, 'config.json'))) {
    console.log(`bench:model skipped: no model in ${MODEL} (run npm run train)`);
    return;
  }
  const { posts, source } = loadPosts();
  const meanLen = posts.reduce((a, p) => a + p.text.length, 0) / posts.length;
  const fp32Path = resolve(MODEL, 'onnx/model.onnx');
  const sizes = {
    fp32: existsSync(fp32Path) ? statSync(fp32Path).size : null,
    quantized: statSync(resolve(MODEL, 'onnx/model_quantized.onnx')).size,
  };
  const mb = (n: number | null) => (n === null ? 'not shipped' : `${(n / 1e6).toFixed(2)} MB`);
  console.log(`posts: ${posts.length} (${source}), mean ${meanLen.toFixed(0)} chars; files int8 ${mb(sizes.quantized)}, fp32 ${mb(sizes.fp32)}`);
  const result: Record<string, unknown> = { posts: posts.length, meanChars: Math.round(meanLen), fileBytes: sizes };
  const backends = (process.env.BENCH_BACKENDS ?? 'node,wasm').split(',');
  if (backends.includes('wasm')) result.wasm = await wasmInference(posts);
  for (const backend of backends.filter((b) => b === 'node') as 'node'[]) {
    // skipPlain off: every post pays for the model, so these are model costs, not skip rates.
    const det = createLocalModelDetector({ backend, batchSize: 16, skipPlain: false });
    const t0 = performance.now();
    const st = await det.ready();
    const loadMs = performance.now() - t0;
    await det.detect(posts.slice(0, 4)); // warm-up
    const b1: number[] = [];
    for (const p of posts) {
      const t = performance.now();
      await det.detect([p]);
      b1.push(performance.now() - t);
    }
    const b16: number[] = [];
    for (let i = 0; i + 16 <= posts.length; i += 16) {
      const t = performance.now();
      await det.detect(posts.slice(i, i + 16));
      b16.push((performance.now() - t) / 16);
    }
    // Analyze throughput with the default skip of plain posts.
    const analyze = createLocalModelDetector({ backend, batchSize: 16 });
    await analyze.ready();
    const ta = performance.now();
    await analyze.detect(posts);
    const postsPerS = posts.length / ((performance.now() - ta) / 1000);
    const r = { backend: st.backend, modelVersion: st.modelVersion, loadMs: +loadMs.toFixed(1), msPerPostBatch1: +median(b1).toFixed(2), msPerPostBatch16: +median(b16).toFixed(2), analyzePostsPerS: +postsPerS.toFixed(1) };
    console.log(`${backend}: load ${r.loadMs} ms, batch 1 median ${r.msPerPostBatch1} ms/post, batch 16 median ${r.msPerPostBatch16} ms/post, analyze ${r.analyzePostsPerS} posts/s`);
    result[backend] = r;
  }
  console.log(JSON.stringify({ bench: 'model', ...result }));
}

/** Model-only inference on onnxruntime-web WASM in Node: same ids and features as detect() builds. */
async function wasmInference(posts: PostInput[]) {
  const ort: any = await import('onnxruntime-web'); // resolves to its Node build: WASM, no GPU
  ort.env.wasm.numThreads = 1;
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(readFileSync(resolve(MODEL, 'onnx/model_quantized.onnx')));
  const loadMs = performance.now() - t0;
  const vocab = loadVocab(JSON.parse(readFileSync(resolve(MODEL, 'vocab.json'), 'utf8')));
  const maxLength = JSON.parse(readFileSync(resolve(MODEL, 'config.json'), 'utf8')).maxLength ?? 512;
  const inputs = posts.map((p) => {
    const norm = normalize(p.text);
    return { ids: encodeChars(norm.text, vocab), feats: encodeFeatures(p.text, norm, findCandidates(p.text)) };
  });
  const run = async (batch: ModelInput[]) => {
    const T = Math.max(...batch.map((b) => b.ids.length));
    const ids = new BigInt64Array(batch.length * T);
    const feats = new BigInt64Array(batch.length * T * N_FEATURES);
    batch.forEach((b, k) => {
      b.ids.forEach((v, t) => (ids[k * T + t] = BigInt(v)));
      b.feats.forEach((v, j) => (feats[k * T * N_FEATURES + j] = BigInt(v)));
    });
    await session.run({ input_ids: new ort.Tensor('int64', ids, [batch.length, T]), features: new ort.Tensor('int64', feats, [batch.length, T, N_FEATURES]) });
  };
  await run(inputs.slice(0, 4)); // warm-up
  const b1: number[] = [];
  for (const x of inputs) {
    const t = performance.now();
    for (const s of windowInputs([x], maxLength)) await run([s]);
    b1.push(performance.now() - t);
  }
  // Batch 16 as the detector sends it: 16 posts, windowed and grouped by length.
  const b16: number[] = [];
  for (let i = 0; i + 16 <= inputs.length; i += 16) {
    const seqs = windowInputs(inputs.slice(i, i + 16), maxLength);
    const t = performance.now();
    for (const part of planBatches(seqs.map((s) => s.ids.length), 16)) await run(part.map((j) => seqs[j]!));
    b16.push((performance.now() - t) / 16);
  }
  const r = { backend: 'wasm (model inference only)', loadMs: +loadMs.toFixed(1), msPerPostBatch1: +median(b1).toFixed(2), msPerPostBatch16: +median(b16).toFixed(2) };
  console.log(`wasm in Node, model only: session ${r.loadMs} ms, batch 1 median ${r.msPerPostBatch1} ms/post, batch 16 median ${r.msPerPostBatch16} ms/post`);
  return r;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

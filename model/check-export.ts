/**
 * Checks an exported model with onnxruntime-node:
 * - golden vectors: ORT fp32 / int8 logits vs the stored torch logits;
 * - quantized vs fp32 argmax agreement on the silver validation windows.
 * Writes <data>/check.json and fails (exit 1) when fp32 drifts from torch.
 *
 *   tsx model/check-export.ts --model public/model --golden test/fixtures/golden/golden.json --data model/runs/data
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';

const args = process.argv.slice(2);
const opt = (n: string, d: string): string => (args.includes(n) ? args[args.indexOf(n) + 1] ?? d : d);
const modelDir = resolve(opt('--model', 'public/model'));
const goldenPath = resolve(opt('--golden', 'test/fixtures/golden/golden.json'));
const dataDir = resolve(opt('--data', 'model/runs/data'));

async function main() {
  const fp32 = await ort.InferenceSession.create(join(modelDir, 'onnx/model.onnx'));
  const q8 = await ort.InferenceSession.create(join(modelDir, 'onnx/model_quantized.onnx'));
  const meta = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8'));
  const F = meta.nFeatures as number;
  const run = async (s: ort.InferenceSession, ids: number[], feats: number[]) => {
    const T = ids.length;
    const out = await s.run({
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, T]),
      features: new ort.Tensor('int64', BigInt64Array.from(feats.map(BigInt)), [1, T, F]),
    });
    return out.logits!.data as Float32Array;
  };

  const golden = JSON.parse(readFileSync(goldenPath, 'utf8'));
  let maxFp32 = 0;
  let maxQ8 = 0;
  for (const c of golden.cases) {
    const want = (c.logits as number[][]).flat();
    const a = await run(fp32, c.ids, c.features);
    const b = await run(q8, c.ids, c.features);
    want.forEach((w, i) => {
      maxFp32 = Math.max(maxFp32, Math.abs(a[i]! - w));
      maxQ8 = Math.max(maxQ8, Math.abs(b[i]! - w));
    });
  }

  // Argmax agreement on validation windows.
  const index = JSON.parse(readFileSync(join(dataDir, 'val.index.json'), 'utf8')) as { off: number; len: number }[];
  const ids = new Uint16Array(readFileSync(join(dataDir, 'val.ids.u16')).buffer.slice(0));
  const feats = new Uint8Array(readFileSync(join(dataDir, 'val.feats.u8')));
  let same = 0;
  let total = 0;
  let windowsSame = 0;
  for (const w of index) {
    const wi = [...ids.subarray(w.off, w.off + w.len)];
    const wf = [...feats.subarray(w.off * F, (w.off + w.len) * F)];
    const a = await run(fp32, wi, wf);
    const b = await run(q8, wi, wf);
    let allSame = true;
    for (let t = 0; t < w.len; t++) {
      const am = argmax(a, t);
      const bm = argmax(b, t);
      if (am === bm) same++;
      else allSame = false;
      total++;
    }
    if (allSame) windowsSame++;
  }
  const report = {
    goldenCases: golden.cases.length,
    goldenMaxAbsDiffFp32: maxFp32,
    goldenMaxAbsDiffQ8: maxQ8,
    valTokens: total,
    q8TokenArgmaxAgreement: same / Math.max(1, total),
    q8WindowExactAgreement: windowsSame / Math.max(1, index.length),
  };
  writeFileSync(join(dataDir, 'check.json'), JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report));
  if (maxFp32 > 1e-3) {
    console.error(`fp32 ONNX logits differ from torch by ${maxFp32}`);
    process.exit(1);
  }
}

function argmax(l: Float32Array, t: number) {
  const o = t * 3;
  const [a, b, c] = [l[o]!, l[o + 1]!, l[o + 2]!];
  return a >= b && a >= c ? 0 : b >= c ? 1 : 2;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

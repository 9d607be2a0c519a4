/**
 * `npm run train` end to end: prepare (tsx) → train (python) → golden inputs (tsx)
 * → export ONNX + int8 + assets + golden vectors (python) → check (tsx: onnxruntime
 * logits vs torch, quantized vs fp32 agreement).
 *
 *   npm run train               full run, writes public/model/ and test/fixtures/golden/
 *   npm run train -- --smoke    tiny run (< 2 min) into model/runs/smoke/, for CI
 *   extra: --time=SECONDS (training budget), --skip-prepare, --skip-train, --ckpt=PATH, --ship-fp32
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const time = args.find((a) => a.startsWith('--time='))?.slice(7);
const run = smoke ? 'model/runs/smoke' : 'model/runs';
const data = `${run}/data`;
const trainDir = `${run}/train`;
const out = smoke ? `${run}/public` : 'public/model';
const goldenOut = smoke ? `${run}/golden` : 'test/fixtures/golden';
const PY = process.env.PYTHON ?? '/usr/bin/python3';

function step(name: string, cmd: string, argv: string[]) {
  const t0 = Date.now();
  console.log(`\n== ${name}: ${cmd} ${argv.join(' ')}`);
  // OMP_WAIT_POLICY=PASSIVE: with other processes on the 2 cores, spinning OpenMP threads slow torch's LSTM badly.
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } });
  if (r.status !== 0) {
    console.error(`${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  console.log(`== ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
if (!args.includes('--skip-prepare')) step('prepare', tsx, ['model/prepare.ts', ...(smoke ? ['--smoke'] : [])]);
if (!args.includes('--skip-train'))
  step('train', PY, ['model/train.py', ...(smoke ? ['--smoke'] : []), ...(time ? [`--time_budget_s=${time}`] : [])]);
step('golden inputs', tsx, ['model/golden.ts', '--data', data, ...(smoke ? ['--no-lexicon'] : [])]);
const ckpt = args.find((a) => a.startsWith('--ckpt='))?.slice(7) ?? `${trainDir}/last.pt`; // end of the cosine schedule; best.pt is kept for comparison
const version = `conv-${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}${smoke ? '-smoke' : ''}`;
step('export', PY, ['model/export.py', '--ckpt', ckpt, '--data', data, '--golden', `${data}/golden_inputs.json`, '--out', out, '--golden-out', goldenOut, '--version', version]);
step('check', tsx, ['model/check-export.ts', '--model', out, '--golden', `${goldenOut}/golden.json`, '--data', data]);

// Ship only the int8 file unless asked (--ship-fp32): it is ~4x smaller and the check above
// measured its argmax agreement with fp32. The fp32 file stays in the run folder.
const check = JSON.parse(readFileSync(resolve(ROOT, data, 'check.json'), 'utf8'));
if (!args.includes('--ship-fp32') && check.q8TokenArgmaxAgreement >= 0.999) {
  const fp32 = resolve(ROOT, out, 'onnx/model.onnx');
  if (existsSync(fp32)) {
    copyFileSync(fp32, resolve(ROOT, run, 'model_fp32.onnx'));
    rmSync(fp32);
    const cfgPath = resolve(ROOT, out, 'config.json');
    const cfg = JSON.parse(readFileSync(cfgPath, 'utf8'));
    cfg.files.fp32 = null;
    cfg.quantization = { method: 'int8 weight-only, per-row DequantizeLinear', ...check };
    writeFileSync(cfgPath, JSON.stringify(cfg, null, 2));
    console.log(`shipping int8 only (token argmax agreement ${check.q8TokenArgmaxAgreement}); fp32 kept at ${run}/model_fp32.onnx`);
  }
} else console.log('shipping fp32 and int8');

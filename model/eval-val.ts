/**
 * Post-level check of a model folder on labelled posts (default: the silver
 * validation split written by prepare), local model vs lexicon engine:
 * tweet-level exact-set accuracy and micro P/R/F1, overall and per language / slice.
 * For model selection during development; the project's eval CLI is `npm run eval`.
 *
 *   tsx model/eval-val.ts [--model public/model] [--data model/runs/data/silver_val.jsonl] [--fp32] [--threshold 0.5] [--show 20]
 */
import { resolve } from 'node:path';
import { createLocalModelDetector } from '../utils/engines/local-model';
import { LexiconDetector } from '../utils/lexicon/index';
import { computeMetrics } from '../utils/eval/metrics';
import { LabeledRecord, readJsonl } from '../utils/eval/dataset';

const args = process.argv.slice(2);
const opt = (n: string, d: string): string => (args.includes(n) ? args[args.indexOf(n) + 1] ?? d : d);

type Row = LabeledRecord;

/** The eval harness's own metrics, rounded for one-line printing. */
function score(rows: Row[], preds: Map<string, string[]>) {
  const m = computeMetrics(rows.map((r) => ({ gold: r.coins, pred: preds.get(r.id) ?? [] })));
  const r4 = (x: number) => +x.toFixed(4);
  return { n: m.n, exact: r4(m.exact_set_accuracy), p: r4(m.micro_precision), r: r4(m.micro_recall), f1: r4(m.micro_f1) };
}

async function main() {
  const data = resolve(opt('--data', 'model/runs/data/silver_val.jsonl'));
  const rows = readJsonl(data, LabeledRecord);
  const local = createLocalModelDetector({
    assetBase: resolve(opt('--model', 'public/model')) + '/',
    quantized: !args.includes('--fp32'),
    decode: JSON.parse(opt('--decode', '{}')),
    skipPlain: !args.includes('--no-skip'),
  });
  const t0 = Date.now();
  const out = await local.detect(rows.map((r) => ({ id: r.id, text: r.text })));
  const ms = Date.now() - t0;
  const lex = await new LexiconDetector().detect(rows.map((r) => ({ id: r.id, text: r.text })));
  const pl = new Map(out.map((d) => [d.id, d.coins.map((c) => c.symbol)]));
  const px = new Map(lex.map((d) => [d.id, d.coins.map((c) => c.symbol)]));
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    for (const key of [`lang:${r.lang === 'zh' ? 'zh' : 'other'}`, ...(r.slice ? [`slice:${r.slice}`] : [])]) {
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  }
  console.log(`${data}: ${rows.length} posts, local ${ms} ms total`);
  console.log('overall  local', JSON.stringify(score(rows, pl)), ' lexicon', JSON.stringify(score(rows, px)));
  for (const [k, g] of [...groups.entries()].sort()) console.log(k.padEnd(28), 'local', JSON.stringify(score(g, pl)), ' lexicon', JSON.stringify(score(g, px)));
  const show = Number(opt('--show', '0'));
  let shown = 0;
  for (const r of rows) {
    if (shown >= show) break;
    const got = (pl.get(r.id) ?? []).sort().join(',');
    const lexGot = (px.get(r.id) ?? []).sort().join(',');
    // --diff: only posts where the two engines disagree.
    if (args.includes('--diff') ? got !== lexGot : got !== [...r.coins].sort().join(',')) {
      shown++;
      console.log(`- gold [${[...r.coins].sort()}] local [${got}] lex [${(px.get(r.id) ?? []).sort()}] :: ${r.text.slice(0, 160).replace(/\n/g, ' ')}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

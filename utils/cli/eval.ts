/**
 * npm run eval -- --data FILE.jsonl --engine lexicon[,local,remote] [--json] [--report DIR] [--limit N] [--model DIR]
 *
 * --model: the local engine's model folder (default public/model), to compare a candidate model.
 *
 * Prints exact-set accuracy and micro P/R/F1, overall and per slice; with
 * --json the last stdout line is one JSON object (the first engine's numbers,
 * plus `runs` when several engines ran).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { EngineName, type Detector } from '../detector';
import { createNodeDetector, EngineUnavailableError } from '../engines/node';
import { DatasetError, LabeledRecord, readJsonl } from '../eval/dataset';
import { computeMetrics, metricsBySlice, type Metrics, type Scored } from '../eval/metrics';
import { barChartSvg, markdownReport, type RunResult } from '../eval/report';
import { slicesOf } from '../eval/slices';

interface Args {
  data: string[];
  engines: EngineName[];
  json: boolean;
  report?: string;
  limit?: number;
  batch: number;
  model?: string;
}

function usage(msg?: string): never {
  if (msg) console.error(`eval: ${msg}`);
  console.error('usage: npm run eval -- --data FILE.jsonl [--data FILE2.jsonl] --engine lexicon|local|remote[,…] [--json] [--report DIR] [--limit N] [--model DIR]');
  process.exit(2);
}

export function parseArgs(argv: string[]): Args {
  const a: Args = { data: [], engines: [], json: false, batch: 64 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const val = () => argv[++i] ?? usage(`${k} needs a value`);
    if (k === '--data') a.data.push(val());
    else if (k === '--engine') {
      for (const e of val().split(',')) {
        const r = EngineName.safeParse(e.trim());
        if (!r.success) usage(`unknown engine '${e}' (lexicon, local, remote)`);
        a.engines.push(r.data);
      }
    } else if (k === '--json') a.json = true;
    else if (k === '--report') a.report = val();
    else if (k === '--limit') a.limit = Number(val());
    else if (k === '--batch') a.batch = Number(val());
    else if (k === '--model') a.model = val();
    else if (!k.startsWith('--') && a.data.length === 0) a.data.push(k);
    else usage(`unknown argument ${k}`);
  }
  if (a.data.length === 0) usage('--data is required');
  if (a.engines.length === 0) a.engines.push('lexicon');
  return a;
}

async function run(detector: Detector, engine: string, file: string, records: LabeledRecord[], batch: number): Promise<RunResult> {
  const t0 = performance.now();
  const items: (Scored & { text: string })[] = [];
  for (let i = 0; i < records.length; i += batch) {
    const chunk = records.slice(i, i + batch);
    const dets = await detector.detect(chunk.map((r) => ({ id: r.id, text: r.text, lang: r.lang })));
    if (dets.length !== chunk.length) throw new Error(`engine ${engine} returned ${dets.length} detections for ${chunk.length} posts`);
    chunk.forEach((r, j) => {
      items.push({ id: r.id, text: r.text, gold: [...new Set(r.coins)], pred: [...new Set(dets[j]!.coins.map((c) => c.symbol))], slices: slicesOf(r) });
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  return { engine, data: basename(file), overall: computeMetrics(items), bySlice: metricsBySlice(items), items, seconds };
}

const f = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
function line(name: string, m: Metrics): string {
  return `${name.padEnd(28)} n=${String(m.n).padStart(5)}  exact ${f(m.exact_set_accuracy)}  P ${f(m.micro_precision)}  R ${f(m.micro_recall)}  F1 ${f(m.micro_f1)}`;
}

const pick = (m: Metrics) => ({
  n: m.n,
  exact_set_accuracy: m.exact_set_accuracy,
  micro_precision: m.micro_precision,
  micro_recall: m.micro_recall,
  micro_f1: m.micro_f1,
});

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const runs: RunResult[] = [];
  for (const file of args.data) {
    let records = readJsonl(file, LabeledRecord);
    if (args.limit) records = records.slice(0, args.limit);
    for (const engine of args.engines) {
      let r: RunResult;
      try {
        const detector = await createNodeDetector(engine, engine === 'local' && args.model ? { assetBase: resolve(args.model) + '/' } : {});
        r = await run(detector, engine, file, records, args.batch);
      } catch (e) {
        if (e instanceof EngineUnavailableError) throw e;
        throw new EngineUnavailableError(`engine '${engine}' failed: ${(e as Error).message ?? String(e)}`);
      }
      if (args.data.length > 1) r.engine = `${engine}@${basename(file)}`;
      runs.push(r);
      console.log(`\n== ${r.engine} on ${basename(file)} (${r.seconds.toFixed(1)} s)`);
      console.log(line('overall', r.overall));
      for (const [k, m] of Object.entries(r.bySlice)) console.log(line(`  ${k}`, m));
    }
  }
  if (args.report) {
    mkdirSync(args.report, { recursive: true });
    writeFileSync(join(args.report, 'chart.svg'), barChartSvg(runs));
    writeFileSync(join(args.report, 'report.md'), markdownReport(runs, 'chart.svg'));
    console.log(`\nreport: ${join(args.report, 'report.md')}`);
  }
  if (args.json) {
    const first = runs[0]!;
    const obj: Record<string, unknown> = {
      ...pick(first.overall),
      engine: first.engine,
      by_slice: Object.fromEntries(Object.entries(first.bySlice).map(([k, m]) => [k, pick(m)])),
    };
    if (runs.length > 1) obj.runs = runs.map((r) => ({ engine: r.engine, data: r.data, ...pick(r.overall), by_slice: Object.fromEntries(Object.entries(r.bySlice).map(([k, m]) => [k, pick(m)])) }));
    console.log(JSON.stringify(obj));
  }
}

main().catch((e) => {
  if (e instanceof DatasetError || e instanceof EngineUnavailableError) {
    console.error(`eval: ${e.message}`);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});

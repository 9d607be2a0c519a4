/**
 * npm run analyze -- FILE.jsonl [--engine lexicon|local|remote] [--candidates]
 *
 * One JSON line per input post on stdout: {id, coins, spans, addresses, engine}
 * (plus the lexicon's candidates with --candidates). Input lines need `id` and
 * `text`; a bad line stops with its line number.
 */
import { EngineName } from '../detector';
import { createNodeDetector, EngineUnavailableError } from '../engines/node';
import { DatasetError, readJsonl, TextRecord } from '../eval/dataset';
import { findCandidates } from '../lexicon';

function usage(msg: string): never {
  console.error(`analyze: ${msg}\nusage: npm run analyze -- FILE.jsonl [--engine lexicon|local|remote] [--candidates]`);
  process.exit(2);
}

async function main() {
  const argv = process.argv.slice(2);
  let file: string | undefined;
  let engine: EngineName = 'lexicon';
  let withCandidates = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--engine') {
      const r = EngineName.safeParse(argv[++i]);
      if (!r.success) usage(`unknown engine '${argv[i]}'`);
      engine = r.data;
    } else if (a === '--candidates') withCandidates = true;
    else if (!a.startsWith('--') && !file) file = a;
    else usage(`unknown argument ${a}`);
  }
  if (!file) usage('input file is required');
  const records = readJsonl(file, TextRecord);
  const detector = await createNodeDetector(engine);
  const batch = 64;
  for (let i = 0; i < records.length; i += batch) {
    const chunk = records.slice(i, i + batch);
    const dets = await detector.detect(chunk.map((r) => ({ id: r.id, text: r.text, lang: r.lang })));
    dets.forEach((d, j) => {
      const out: Record<string, unknown> = { ...d };
      if (withCandidates) out.candidates = findCandidates(chunk[j]!.text);
      process.stdout.write(`${JSON.stringify(out)}\n`);
    });
  }
}

main().catch((e) => {
  console.error(e instanceof DatasetError || e instanceof EngineUnavailableError ? `analyze: ${e.message}` : e);
  process.exit(1);
});

/**
 * npm run bench:lexicon [-- --posts N --runs R]
 *
 * Posts per second of LexiconDetector (candidates + addresses + detection) in
 * Node over silver + pool texts; median of several runs. Target ≥ 50,000 posts/s.
 * Prints a human line, then a final JSON line.
 */
import { readFileSync } from 'node:fs';
import { LexiconDetector } from '../../utils/lexicon';
import { sharedDataFile } from '../../utils/eval/shared-path';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const maxPosts = arg('posts', 30000);
const runs = arg('runs', 5);
const texts: string[] = [];
for (const f of ['silver.jsonl', 'pool.jsonl']) {
  const path = sharedDataFile(f);
  if (!path) continue;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (texts.length >= maxPosts) break;
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
}
if (texts.length === 0) {
  console.error('bench:lexicon: no silver.jsonl / pool.jsonl found under ../shared/data (set TICKERLENS_SHARED); nothing to measure');
  process.exit(2);
}

const t0 = performance.now();
const det = new LexiconDetector();
det.detectOne({ id: 'warm', text: 'warm up $BTC' });
const buildMs = performance.now() - t0;
// Warm-up pass so the JIT has compiled the hot paths.
for (let i = 0; i < Math.min(3000, texts.length); i++) det.detectOne({ id: String(i), text: texts[i]! });

const rates: number[] = [];
// CPU time of this process as well: the machine is shared, so wall time swings with other load.
const cpuRates: number[] = [];
let chars = 0;
for (const t of texts) chars += t.length;
let coins = 0;
for (let r = 0; r < runs; r++) {
  coins = 0;
  const s = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < texts.length; i++) coins += det.detectOne({ id: String(i), text: texts[i]! }).coins.length;
  rates.push(texts.length / ((performance.now() - s) / 1000));
  const cpu = process.cpuUsage(c0);
  cpuRates.push(texts.length / ((cpu.user + cpu.system) / 1e6));
}
rates.sort((a, b) => a - b);
cpuRates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
const cpuMedian = cpuRates[Math.floor(cpuRates.length / 2)]!;
const result = {
  bench: 'lexicon',
  posts: texts.length,
  avg_chars: Math.round(chars / texts.length),
  runs,
  median_posts_per_s: Math.round(median),
  median_posts_per_cpu_s: Math.round(cpuMedian),
  min_posts_per_s: Math.round(rates[0]!),
  max_posts_per_s: Math.round(rates[rates.length - 1]!),
  index_build_ms: Math.round(buildMs),
  coins_found: coins,
  target_posts_per_s: 50000,
  meets_target: median >= 50000,
};
console.log(
  `lexicon: ${result.median_posts_per_s.toLocaleString('en')} posts/s median of ${runs} runs over ${texts.length} posts ` +
    `(avg ${result.avg_chars} chars; min ${result.min_posts_per_s.toLocaleString('en')}, max ${result.max_posts_per_s.toLocaleString('en')}; ` +
    `${result.median_posts_per_cpu_s.toLocaleString('en')} per CPU-second); index build ${result.index_build_ms} ms`,
);
console.log(JSON.stringify(result));

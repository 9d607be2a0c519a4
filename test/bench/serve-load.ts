/**
 * `npm run bench:serve`: load test of `npm run serve` on loopback.
 *
 * Starts the server in a child process (so the load generator does not share
 * its event loop), then drives it with autocannon for a bounded time per
 * scenario: /v1/detect at batch 1 and batch 32, and /v1/chat/completions at
 * batch 32 (the RemoteDetector path). Reports posts/s, p50 / p99 latency and
 * errors; exits 1 when any request failed.
 *
 *   npm run bench:serve -- [--engine lexicon|local] [--duration 10] [--connections 4]
 *
 * Post texts come from ../shared/data/silver.jsonl when present (read by path),
 * else from a small built-in synthetic set.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readJsonl, TextRecord } from '../../utils/eval/dataset';
import { sharedDataFile } from '../../utils/eval/shared-path';
import { buildUserMessage, SYSTEM_PROMPT } from '../../utils/remote/prompt';

const Args = z.object({
  engine: z.enum(['lexicon', 'local']).default('lexicon'),
  duration: z.coerce.number().int().min(1).max(60).default(10),
  connections: z.coerce.number().int().min(1).max(64).default(4),
});

const SYNTHETIC = [
  '$BTC breaking out, $ETH lagging. Not touching $TSLA today.',
  '大饼又新高了，姨太什么时候跟？',
  'gm. farming USDC on Solana, gas is cheap',
  'Who else is holding $SOL and $WIF into the weekend?',
  '以太坊 ETF 净流入，山寨季要来了吗',
  'near the top? I think BTC/USDT retests 100k',
  'just bought 100u of 币安人生 on BSC',
  'Uniswap fees flipped Aave this week #DeFi',
];

function loadTexts(): { texts: string[]; source: string } {
  const file = sharedDataFile('silver.jsonl');
  if (!file) return { texts: SYNTHETIC, source: 'built-in synthetic posts (../shared/data/silver.jsonl not found)' };
  const texts = readJsonl(file, TextRecord).map((r) => r.text);
  return { texts, source: `${texts.length} posts of ${file}` };
}

/** Starts `serve` on a free loopback port; resolves with its base URL and a stop function. */
async function startServer(engine: string): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'utils/cli/serve.ts', '--port', '0', '--host', '127.0.0.1', '--engine', engine], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening:\n${out}`)));
  });
  child.stdout.resume();
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

interface Scenario {
  name: string;
  path: string;
  batch: number;
  body: (posts: { id: string; text: string }[]) => string;
}

const SCENARIOS: Scenario[] = [
  { name: 'detect, batch 1', path: '/v1/detect', batch: 1, body: (posts) => JSON.stringify({ posts }) },
  { name: 'detect, batch 32', path: '/v1/detect', batch: 32, body: (posts) => JSON.stringify({ posts }) },
  {
    name: 'chat/completions, batch 32',
    path: '/v1/chat/completions',
    batch: 32,
    body: (posts) =>
      JSON.stringify({
        model: 'bench',
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: buildUserMessage(posts.map((p, i) => ({ id: String(i + 1), text: p.text }))) },
        ],
      }),
  },
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { engine: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' } } });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(`serve-load: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const args = parsed.data;
  const { texts, source } = loadTexts();
  const server = await startServer(args.engine);
  console.log(`serve-load: ${server.url}, engine ${args.engine}, ${args.connections} connections, ${args.duration} s per scenario, ${cpus().length} CPU(s)`);
  console.log(`serve-load: posts from ${source}\n`);

  const rows: Record<string, string | number>[] = [];
  let failed = 0;
  try {
    for (const scenario of SCENARIOS) {
      // 64 distinct request bodies per scenario, cycled by every connection.
      const requests = Array.from({ length: 64 }, (_, r) => {
        const posts = Array.from({ length: scenario.batch }, (_, k) => {
          const i = (r * scenario.batch + k) % texts.length;
          return { id: `p${r}-${k}`, text: texts[i]! };
        });
        return { method: 'POST', path: scenario.path, body: scenario.body(posts), headers: { 'content-type': 'application/json' } };
      });
      const result = await autocannon({ url: server.url, connections: args.connections, duration: args.duration, requests, timeout: 30 });
      const errors = result.errors + result.timeouts + result.non2xx;
      failed += errors;
      rows.push({
        scenario: scenario.name,
        'posts/s': Math.round((result.requests.total * scenario.batch) / result.duration),
        'req/s': Math.round(result.requests.total / result.duration),
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        requests: result.requests.total,
        errors,
      });
    }
  } finally {
    const code = await server.stop();
    if (code !== 0) {
      console.error(`serve-load: server exited with ${code} on SIGTERM (expected 0)`);
      failed += 1;
    }
  }
  console.table(rows);
  if (failed > 0) {
    console.error(`serve-load: ${failed} failed request(s)`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error('serve-load:', err);
  process.exit(1);
});

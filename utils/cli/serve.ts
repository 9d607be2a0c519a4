/**
 * `npm run serve`: TickerLens's engine behind an OpenAI-compatible HTTP API,
 * so the extension's remote mode and `npm run eval -- --engine remote` can
 * use it like a hosted model.
 *
 *   npm run serve -- [--port 8787] [--host 127.0.0.1] [--engine local|lexicon]
 *                    [--max-batch 256] [--max-body-bytes 1048576]
 *
 * `--engine local` (the default) drops to the lexicon engine, with a warning,
 * when the local model is not available. With env TICKERLENS_SERVE_API_KEY set,
 * /v1/* requires `Authorization: Bearer <key>`.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Detector } from '../detector';
import { createNodeDetector } from '../engines/node';
import { createDetectServer } from '../server/server';

const ServeArgs = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  engine: z.enum(['local', 'lexicon']).default('local'),
  'max-batch': z.coerce.number().int().min(1).max(10_000).default(256),
  'max-body-bytes': z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(1024 * 1024),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function readArgs(argv: string[]): z.infer<typeof ServeArgs> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        engine: { type: 'string' },
        'max-batch': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log('usage: npm run serve -- [--port 8787] [--host 127.0.0.1] [--engine local|lexicon] [--max-batch 256] [--max-body-bytes 1048576]');
    process.exit(0);
  }
  delete values.help;
  const parsed = ServeArgs.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function fail(message: string): never {
  console.error(`serve: ${message}`);
  process.exit(2);
}

/** The requested engine, warmed up with one post so a broken model shows now, not on the first request. */
async function loadDetector(engine: 'local' | 'lexicon'): Promise<Detector> {
  const warm = async (d: Detector) => {
    await d.detect([{ id: 'warm-up', text: 'BTC and 以太坊' }]);
    return d;
  };
  if (engine === 'local') {
    try {
      return await warm(await createNodeDetector('local'));
    } catch (err) {
      console.warn(`serve: warning: local model not available (${(err as Error).message}); serving the lexicon engine instead`);
    }
  }
  return warm(await createNodeDetector('lexicon'));
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const detector = await loadDetector(args.engine);
  // From the environment, not a flag, so the key stays out of process listings.
  const apiKey = process.env.TICKERLENS_SERVE_API_KEY?.trim() || undefined;
  const server = createDetectServer({ detector, maxBatch: args['max-batch'], maxBodyBytes: args['max-body-bytes'], apiKey });
  let url: string;
  try {
    url = await server.listen(args.port, args.host);
  } catch (err) {
    fail(`cannot listen on ${args.host}:${args.port}: ${(err as Error).message}`);
  }
  if (!LOOPBACK.has(args.host) && !apiKey) {
    console.warn(`serve: warning: listening on ${args.host} without TICKERLENS_SERVE_API_KEY; anyone who can reach it can use it`);
  }
  console.log(`serve: engine ${detector.name}, listening on ${url}`);
  console.log(`serve: OpenAI base URL ${url}/v1, model tickerlens-${detector.name}; POST ${url}/v1/detect; GET ${url}/health`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.warn(`serve: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`serve: ${signal}: finishing ${server.inFlight()} request(s) in flight, then exiting`);
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error('serve:', err);
  process.exit(1);
});

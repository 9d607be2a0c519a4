#!/usr/bin/env node
// `tickerlens analyze|eval|registry …`: runs the TypeScript CLIs through this repo's tsx.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist/cli.mjs');
const commands = { analyze: 'analyze.ts', eval: 'eval.ts', registry: '../registry/build.ts' };
const [cmd, ...rest] = process.argv.slice(2);
if (!Object.hasOwn(commands, cmd ?? '')) {
  console.error('usage: tickerlens analyze FILE.jsonl [--engine …] | eval --data FILE.jsonl [--engine …] | registry [--coverage]');
  process.exit(2);
}
const r = spawnSync(process.execPath, [tsx, join(here, commands[cmd]), ...rest], { stdio: 'inherit' });
process.exit(r.status ?? 1);

/** Where the third-party data lives: env TICKERLENS_SHARED, else ../shared beside the repo root. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedDir(): string {
  return process.env.TICKERLENS_SHARED ? resolve(process.env.TICKERLENS_SHARED) : resolve(repoRoot, '../shared');
}

/** Path of a file under shared/data, or undefined when it is absent. */
export function sharedDataFile(name: string): string | undefined {
  const p = join(sharedDir(), 'data', name);
  return existsSync(p) ? p : undefined;
}

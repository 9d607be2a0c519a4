/**
 * Registry coverage: the share of gold symbols (post, symbol) pairs and of
 * distinct gold symbols that the registry knows, on silver and dev.
 */
import { readFileSync } from 'node:fs';
import type { Registry } from './types';
import { sharedDataFile } from '../eval/shared-path';

export interface Coverage {
  file: string;
  pairs: number;
  pairsInAssets: number;
  pairsKnown: number;
  symbols: number;
  symbolsInAssets: number;
  missing: string[];
}

export function coverageOf(registry: Registry, lines: string[], file: string): Coverage {
  const assets = new Set(registry.assets.map((a) => a.symbol));
  const known = new Set(registry.knownSymbols ?? []);
  let pairs = 0;
  let inAssets = 0;
  let inKnown = 0;
  const symbols = new Map<string, number>();
  for (const line of lines) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { coins?: string[] };
    for (const s of rec.coins ?? []) {
      pairs++;
      if (assets.has(s)) inAssets++;
      if (assets.has(s) || known.has(s)) inKnown++;
      symbols.set(s, (symbols.get(s) ?? 0) + 1);
    }
  }
  const missing = [...symbols].filter(([s]) => !assets.has(s)).sort((a, b) => b[1] - a[1]).map(([s]) => s);
  return { file, pairs, pairsInAssets: inAssets, pairsKnown: inKnown, symbols: symbols.size, symbolsInAssets: symbols.size - missing.length, missing };
}

export function computeCoverage(registry: Registry): string[] {
  const out: string[] = [];
  for (const name of ['silver.jsonl', 'dev.jsonl']) {
    const path = sharedDataFile(name);
    if (!path) {
      out.push(`coverage ${name}: skipped (file not found; set TICKERLENS_SHARED)`);
      continue;
    }
    const c = coverageOf(registry, readFileSync(path, 'utf8').split('\n'), name);
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
    out.push(
      `coverage ${name}: gold pairs in assets ${pct(c.pairsInAssets, c.pairs)} (${c.pairsInAssets}/${c.pairs}), ` +
        `in assets+known symbols ${pct(c.pairsKnown, c.pairs)}; distinct symbols in assets ${pct(c.symbolsInAssets, c.symbols)} (${c.symbolsInAssets}/${c.symbols})`,
    );
    // Dev's missing symbols are printed as a count only: dev must not feed the registry.
    if (name === 'silver.jsonl') out.push(`  missing on silver (most frequent first): ${c.missing.slice(0, 40).join(' ')}`);
  }
  return out;
}

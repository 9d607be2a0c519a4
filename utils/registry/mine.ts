/**
 * Suggests registry growth from TRAINING material only: silver.jsonl labels and
 * the pool annotations under model/data/annotations/*.jsonl ({id, coins, mentions}).
 * Never reads dev.jsonl.
 *
 *   npx tsx utils/registry/mine.ts             # print suggestions
 *   npx tsx utils/registry/mine.ts --apply     # add them to overrides.json (then review the diff)
 *
 * A symbol is suggested when it is a gold coin in at least MIN_POSTS posts and not
 * yet an asset; an alias when a non-ticker surface maps to one symbol at least
 * MIN_ALIAS times and never to another symbol. Stocks and generic words are skipped.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataFile } from '../eval/shared-path';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const MIN_POSTS = 2;
const MIN_ALIAS = 2;
/** Reviewed and refused: words, venues, other projects' names, pool-token prefixes. */
const DENY_ALIASES = new Set(['lit', 'meme rush', 'portal', 'pumpfun', 'long', 'opensea', 'vir', 'zks', 'terra', 'mon protocol', 'bloom', 'pt-usde', 'pt-susde', 'yt-usds']);
const DENY_SYMBOLS = new Set(['XBT']);

interface Labeled {
  coins?: string[];
  mentions?: [string, string][];
}

interface OverrideAsset {
  symbol: string;
  name: string;
  aliases: { en: string[]; zh: string[] };
  handles?: string[];
  bare?: boolean;
  note?: string;
}

function readLines(path: string): Labeled[] {
  const out: Labeled[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as Labeled);
    } catch {
      // A half-written annotation line (another helper is appending): skip it.
    }
  }
  return out;
}

function main() {
  const apply = process.argv.includes('--apply');
  const records: Labeled[] = [];
  const silver = sharedDataFile('silver.jsonl');
  if (silver) records.push(...readLines(silver));
  const annDir = join(root, 'model/data/annotations');
  if (existsSync(annDir)) for (const f of readdirSync(annDir)) if (f.endsWith('.jsonl')) records.push(...readLines(join(annDir, f)));

  const ovPath = join(here, 'overrides.json');
  const ov = JSON.parse(readFileSync(ovPath, 'utf8')) as { assets: OverrideAsset[]; stocks: string[]; renames: Record<string, string>; acronyms?: string[] };
  const reg = JSON.parse(readFileSync(join(here, 'registry.json'), 'utf8')) as { assets: { symbol: string; aliases: { en: string[]; zh: string[] }; handles?: string[] }[] };
  const assets = new Map(reg.assets.map((a) => [a.symbol, a]));
  const stocks = new Set(ov.stocks);
  const skip = new Set([...(ov.acronyms ?? []).map((s) => s.toUpperCase()), 'U', 'USD', 'E']);

  const posts = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const r of records) {
    for (const s of new Set(r.coins ?? [])) posts.set(s, (posts.get(s) ?? 0) + 1);
    for (const m of r.mentions ?? []) {
      if (!Array.isArray(m) || m.length !== 2) continue;
      const [surface, sym] = m;
      let by = surfaces.get(surface);
      if (!by) surfaces.set(surface, (by = new Map()));
      by.set(sym, (by.get(sym) ?? 0) + 1);
    }
  }

  const newAssets: OverrideAsset[] = [];
  for (const [sym, n] of [...posts].sort((a, b) => b[1] - a[1])) {
    if (n < MIN_POSTS || DENY_SYMBOLS.has(sym) || assets.has(sym) || stocks.has(sym) || skip.has(sym) || ov.renames[sym] || /^\d+$/.test(sym) || /[^A-Z0-9\u3400-\u9fff]/.test(sym)) continue;
    newAssets.push({ symbol: sym, name: sym, aliases: { en: [], zh: [] }, bare: false, note: `mined: gold in ${n} training posts` });
  }
  const newAliases: { symbol: string; alias: string; n: number; handle: boolean }[] = [];
  for (const [surface, by] of surfaces) {
    if (by.size !== 1) continue;
    const [sym, n] = [...by][0]!;
    if (n < MIN_ALIAS) continue;
    const handle = surface.startsWith('@');
    const key = surface.replace(/^[$#@]/, '').toLowerCase();
    if (DENY_ALIASES.has(key) || key.length < 3 || key === sym.toLowerCase() || /\d{2,}|\/|usdt$|usd$/.test(key)) continue;
    if (surface.startsWith('$') || surface.startsWith('#')) continue; // cashtags/hashtags resolve through the symbol
    const a = assets.get(sym);
    const have = a ? [...a.aliases.en, ...a.aliases.zh, ...(a.handles ?? [])].map((x) => x.toLowerCase()) : [];
    if (have.includes(key)) continue;
    newAliases.push({ symbol: sym, alias: key, n, handle });
  }

  console.log(`training records: ${records.length}`);
  console.log(`new symbols (${newAssets.length}): ${newAssets.map((a) => a.symbol).join(' ')}`);
  console.log(`new aliases (${newAliases.length}): ${newAliases.map((a) => `${a.handle ? '@' : ''}${a.alias}→${a.symbol}`).join(', ')}`);
  if (!apply) return;

  const bySym = new Map(ov.assets.map((a) => [a.symbol, a]));
  for (const a of newAssets) if (!bySym.has(a.symbol)) (ov.assets.push(a), bySym.set(a.symbol, a));
  for (const al of newAliases) {
    let a = bySym.get(al.symbol);
    if (!a) {
      const src = assets.get(al.symbol);
      if (!src) continue;
      a = { symbol: al.symbol, name: (src as { name?: string }).name ?? al.symbol, aliases: { en: [], zh: [] }, note: 'mined aliases' };
      ov.assets.push(a);
      bySym.set(a.symbol, a);
    }
    if (al.handle) a.handles = [...new Set([...(a.handles ?? []), al.alias])];
    else if (/[\u3400-\u9fff]/.test(al.alias)) a.aliases.zh = [...new Set([...a.aliases.zh, al.alias])];
    else a.aliases.en = [...new Set([...a.aliases.en, al.alias])];
  }
  writeFileSync(ovPath, `${JSON.stringify(ov, null, 1)}\n`);
  console.log(`overrides.json updated; run npm run registry and review the diff`);
}

main();

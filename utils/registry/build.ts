/**
 * Builds utils/registry/registry.json (committed) from the npm coin lists and
 * the curated overrides.json, and copies the 32px icons it needs into
 * public/icons/.
 *
 *   npm run registry                 # build
 *   npm run registry -- --coverage   # also print gold-symbol coverage on silver / dev
 *
 * The npm sources are old (rank lists from ~2023) and full of dead or scam
 * tokens, so they only supply well-known assets (rank cutoff), the list of
 * "known" symbols for cashtags, icons and addresses; everything from 2024 on
 * comes from overrides.json.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AmbiguityClass } from '../lexicon/candidate';
import type { Asset, Registry } from './types';
import { computeCoverage } from './coverage';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);

/** Source assets beyond this rank are not included as full assets (only as known symbols). */
const SOURCE_RANK_LIMIT = 800;
/** Source names are matched as aliases only for assets up to this rank. */
const NAME_ALIAS_RANK_LIMIT = 400;
/** Icons are copied only for assets up to this rank or curated ones. */
const ICON_RANK_LIMIT = 400;
/** One-word source names ("Just", "Status") are aliases only for the very top coins. */
const SINGLE_WORD_NAME_RANK_LIMIT = 60;
const MAX_ADDRESSES_PER_ASSET = 3;

const AmbiguityClassSchema = z.enum(['none', 'en_word', 'zh_word', 'stock', 'unlisted']);
const OverrideAsset = z.object({
  symbol: z.string().min(1),
  name: z.string().min(1),
  rank: z.number().int().positive().optional(),
  coingeckoId: z.string().optional(),
  aliases: z.object({ en: z.array(z.string()), zh: z.array(z.string()) }),
  handles: z.array(z.string()).default([]),
  bare: z.boolean().optional(),
  ambiguity: AmbiguityClassSchema.optional(),
  chart: z.object({ tradingview: z.string().optional(), binance: z.string().optional(), okx: z.string().optional() }).optional(),
  addresses: z.array(z.object({ chain: z.string(), address: z.string() })).optional(),
});
const Overrides = z.object({
  bareRankCutoff: z.number().int().positive(),
  renames: z.record(z.string(), z.string()),
  enWords: z.array(z.string()),
  /** Words that stay unambiguous even though they are frequent English (ada, doge, eth). */
  notWords: z.array(z.string()).default([]),
  /** How many of popular-english-words' most frequent words count as ordinary words. */
  popularWordCount: z.number().int().nonnegative().default(15000),
  /** Tickers are checked against a longer list: ELON, SATOSHI are words in a ticker's position. */
  popularWordCountSymbols: z.number().int().nonnegative().default(50000),
  /** Acronyms that are never bare tickers (NFT, DAO, SEC, TVL): cashtag only. */
  acronyms: z.array(z.string()).default([]),
  zhWords: z.array(z.string()),
  stocks: z.array(z.string()),
  quoteCurrencies: z.array(z.string()),
  /** Symbols that are never bare-matched even if their rank would allow it. */
  noBare: z.array(z.string()).default([]),
  /** Chinese tickers that may match without `$` (the rest are phrases: cashtag only). */
  zhBare: z.array(z.string()).default([]),
  /** Bare mentions of these need a token cue (price, 币, token, list of coins): venues, people, verbs. */
  bareNeedsCue: z.array(z.string()).default([]),
  assets: z.array(OverrideAsset),
});
type Overrides = z.infer<typeof Overrides>;

const STABLES = new Set(['USDT', 'USDC', 'DAI', 'BUSD', 'TUSD', 'FDUSD', 'USDE', 'USD1', 'PYUSD', 'USDP', 'GUSD', 'FRAX', 'USDD', 'LUSD', 'UST', 'USTC']);
const NAME_SUFFIX = /\s+(token|coin|protocol|network|finance|chain|dao)$/i;

function pkgVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

function loadJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const isLatinSymbol = (s: string) => /^[A-Z0-9]{1,15}$/.test(s);
const lc = (s: string) => s.toLowerCase();
const compact = (s: string) => lc(s).replace(/[^a-z0-9\u4e00-\u9fff]/g, '');

interface SourceToken {
  symbol: string;
  name: string;
  address: string;
  chainId: number;
}

function chainOf(chainId: number): string | undefined {
  if (chainId === 101) return 'solana';
  if ([1, 10, 56, 137, 8453, 42161, 43114, 59144, 534352, 5000, 81457, 324].includes(chainId)) return 'evm';
  return undefined;
}

/** Token lists → symbol → tokens (for addresses). Only curated-ish lists; Solana from spl-token-registry. */
function loadTokenLists(): Map<string, SourceToken[]> {
  const bySymbol = new Map<string, SourceToken[]>();
  const add = (t: SourceToken) => {
    const key = t.symbol.toUpperCase();
    let arr = bySymbol.get(key);
    if (!arr) bySymbol.set(key, (arr = []));
    arr.push(t);
  };
  const uni = loadJson<{ tokens: SourceToken[] }>(require.resolve('@uniswap/default-token-list'));
  uni.tokens.forEach(add);
  const spl = loadJson<{ tokens: SourceToken[] }>(
    join(dirname(require.resolve('@solana/spl-token-registry/package.json')), 'dist/main/tokens/solana.tokenlist.json'),
  );
  spl.tokens.filter((t) => t.chainId === 101).forEach(add);
  // sonarwatch: EVM chain lists only (its Solana list is full of copycat mints).
  const sonarDir = join(dirname(require.resolve('@sonarwatch/token-lists/package.json')), 'build');
  for (const f of readdirSync(sonarDir)) {
    if (!/^sonarwatch\.(ethereum|bnb|arbitrum|base|polygon|optimism|avalanche)\.tokenlist\.json$/.test(f)) continue;
    loadJson<{ tokens: SourceToken[] }>(join(sonarDir, f)).tokens.forEach(add);
  }
  return bySymbol;
}

/** A source token belongs to an asset only if its name matches the asset's name or one of its aliases. */
function addressesFor(asset: Asset, tokens: SourceToken[] | undefined): { chain: string; address: string }[] {
  if (!tokens) return [];
  const names = new Set([compact(asset.name), ...asset.aliases.en.map(compact)].filter((n) => n.length >= 3));
  const out: { chain: string; address: string }[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    const chain = chainOf(t.chainId);
    if (!chain || !names.has(compact(t.name))) continue;
    const key = chain === 'evm' ? lc(t.address) : t.address;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ chain, address: t.address });
    if (out.length >= MAX_ADDRESSES_PER_ASSET) break;
  }
  return out;
}

export function buildRegistry(ov: Overrides, popularWords: string[] = []): { registry: Registry; icons: Map<string, string> } {
  const notWords = new Set(ov.notWords.map(lc));
  const enWords = new Set([...ov.enWords.map(lc), ...popularWords.slice(0, ov.popularWordCount).map(lc)].filter((w) => !notWords.has(w)));
  const enSymbolWords = new Set([...enWords, ...popularWords.slice(0, ov.popularWordCountSymbols).map(lc)].filter((w) => !notWords.has(w)));
  const acronyms = new Set(ov.acronyms.map(lc));
  const zhWords = new Set(ov.zhWords);
  const stocks = new Set(ov.stocks);
  const renamedFrom = new Map<string, string[]>();
  for (const [oldSym, newSym] of Object.entries(ov.renames)) {
    renamedFrom.set(newSym, [...(renamedFrom.get(newSym) ?? []), oldSym]);
  }

  // 1. Ranked source list (crypto-symbol keeps CoinMarketCap order).
  const { cryptoSymbol } = require('crypto-symbol') as {
    cryptoSymbol: (o: object) => { get: () => { SNPair: Record<string, string> } };
  };
  const snPair = cryptoSymbol({}).get().SNPair;
  const assets = new Map<string, Asset>();
  let rank = 0;
  for (const [sym, name] of Object.entries(snPair)) {
    rank++;
    if (rank > SOURCE_RANK_LIMIT) break;
    // Number tickers ($300) collide with amounts: only curated ones ($4) are kept.
    if (!isLatinSymbol(sym) || /^\d+$/.test(sym) || ov.renames[sym] || stocks.has(sym)) continue;
    const aliases: string[] = [];
    const singleWord = /^[A-Za-z]+$/.test(name);
    if (rank <= NAME_ALIAS_RANK_LIMIT && compact(name) !== lc(sym) && compact(name).length >= 3 && (!singleWord || rank <= SINGLE_WORD_NAME_RANK_LIMIT)) {
      aliases.push(lc(name));
      const stem = lc(name).replace(NAME_SUFFIX, '');
      if (stem !== lc(name) && stem.length >= 4 && !enWords.has(stem)) aliases.push(stem);
    }
    assets.set(sym, { symbol: sym, name, rank, aliases: { en: aliases, zh: [] }, ambiguity: 'none' });
  }

  // 2. Curated overrides win (name, rank, ids); aliases are merged.
  const curated = new Set<string>();
  for (const o of ov.assets) {
    curated.add(o.symbol);
    const prev = assets.get(o.symbol);
    // A curated asset with a different name replaces an unrelated source coin sharing its ticker
    // (e.g. HYPE "Supreme Finance" → Hyperliquid): keep only the curated aliases then.
    const sameCoin = prev && compact(prev.name) === compact(o.name);
    const merged: Asset = {
      symbol: o.symbol,
      name: o.name,
      rank: o.rank ?? (sameCoin ? prev?.rank : undefined),
      coingeckoId: o.coingeckoId,
      aliases: {
        en: [...new Set([...(sameCoin ? prev!.aliases.en : []), ...o.aliases.en.map(lc)])],
        zh: [...new Set(o.aliases.zh)],
      },
      ambiguity: o.ambiguity ?? 'none',
      handles: o.handles.length ? [...new Set(o.handles.map(lc))] : undefined,
      bare: o.bare,
      chart: o.chart,
      addresses: o.addresses,
    };
    // The curated name is itself a surface form ("BNB holder", "Sahara AI").
    const nameKey = lc(o.name);
    if (compact(o.name) !== lc(o.symbol) && !/[\u3400-\u9fff.]/.test(o.name) && !merged.aliases.en.includes(nameKey)) merged.aliases.en.push(nameKey);
    if (merged.rank === undefined) delete merged.rank;
    assets.set(o.symbol, merged);
  }
  for (const [newSym, olds] of renamedFrom) {
    const a = assets.get(newSym);
    if (a) a.aliases.en = [...new Set([...a.aliases.en, ...olds.map(lc)])];
  }

  // A source coin whose ticker is another asset's name ("BITCOIN" vs Bitcoin → BTC) would steal it.
  const aliasOwner = new Map<string, Asset>();
  for (const a of assets.values()) for (const al of a.aliases.en) if (!aliasOwner.has(al)) aliasOwner.set(al, a);
  for (const a of [...assets.values()]) {
    const owner = aliasOwner.get(lc(a.symbol));
    if (owner && owner !== a && !curated.has(a.symbol)) assets.delete(a.symbol);
  }

  // 3. Ambiguity classes, bare flags, charts.
  const symbolsLc = new Set([...assets.keys()].map(lc));
  for (const a of assets.values()) {
    const s = a.symbol;
    if (stocks.has(s)) a.ambiguity = 'stock';
    // Established tickers (top ranks) are checked against the common-word list only: LTC, ICP,
    // ZEC are frequent on Wikipedia but not words; newer tickers (ELON, SATOSHI) against the longer one.
    else if ((((a.rank ?? 9999) <= 300 ? enWords : enSymbolWords).has(lc(s))) || acronyms.has(lc(s))) a.ambiguity = 'en_word';
    else if (zhWords.has(s)) a.ambiguity = 'zh_word';
    const aliasAmb: Record<string, AmbiguityClass> = {};
    for (const al of a.aliases.en) {
      // Single-word names of uncurated coins are often plain words ("Status", "Origin").
      const singleWord = /^[a-z]+$/.test(al);
      if (enWords.has(al) || (singleWord && !curated.has(s) && (a.rank ?? 9999) > 100)) aliasAmb[al] = 'en_word';
      // An alias equal to another asset's ticker would steal it (e.g. name "Gas").
      else if (symbolsLc.has(al) && al !== lc(s)) aliasAmb[al] = 'en_word';
    }
    for (const al of a.aliases.zh) if (zhWords.has(al)) aliasAmb[al] = 'zh_word';
    if (Object.keys(aliasAmb).length) a.aliasAmbiguity = aliasAmb;
    if (!isLatinSymbol(s)) {
      // Chinese tickers: famous ones bare, the rest (phrases like 逢低买入) need `$` or context.
      if (ov.zhBare.includes(s)) {
        a.bare = true;
        a.ambiguity = 'none';
      }
      else {
        a.bare = false;
        if (a.ambiguity === 'none') a.ambiguity = 'zh_word';
      }
    } else if (a.bare === undefined) {
      const wellKnown = (a.rank ?? 9999) <= ov.bareRankCutoff;
      // Curated (2024+) coins are bare-matched; an English-word ticker (USELESS, SIGN) then
      // still needs upper case and context (rules.ts), like NEAR.
      const distinctive = curated.has(s) && (s.length >= 3 || /\d/.test(s)) && a.ambiguity !== 'stock';
      a.bare = (wellKnown || distinctive) && s.length >= 2 && !ov.noBare.includes(s) && !acronyms.has(lc(s));
      // Curated two-letter tickers (FF, IP, ME): bare only like an English word (upper case + context).
      if (!a.bare && curated.has(s) && s.length === 2 && /^[A-Z]{2}$/.test(s) && !acronyms.has(lc(s)) && !ov.noBare.includes(s)) {
        a.bare = true;
        if (a.ambiguity === 'none') a.ambiguity = 'en_word';
      }
    }
    if (ov.bareNeedsCue.includes(s)) a.bareNeedsCue = true;
    if (s.length < 2 && isLatinSymbol(s)) a.bare = false; // K, S, W, B: cashtag only
    const listed = isLatinSymbol(s) && (curated.has(s) ? a.coingeckoId !== undefined : (a.rank ?? 9999) <= 200);
    if (!a.chart && listed && (!STABLES.has(s) || s === 'USDC')) {
      a.chart = { tradingview: `BINANCE:${s}USDT`, binance: `${s}_USDT`, okx: `${s}-USDT` };
    }
  }

  // 4. Addresses from token lists.
  const tokens = loadTokenLists();
  for (const a of assets.values()) {
    if (a.addresses?.length) continue;
    if (!curated.has(a.symbol) && (a.rank ?? 9999) > 300) continue;
    const found = addressesFor(a, tokens.get(a.symbol));
    if (found.length) a.addresses = found;
  }

  // 5. Icons from cryptocurrency-icons (name must agree, the icon set is old).
  const iconDir = join(dirname(require.resolve('cryptocurrency-icons/package.json')), '32/color');
  const manifest = loadJson<{ symbol: string; name: string }[]>(
    join(dirname(require.resolve('cryptocurrency-icons/package.json')), 'manifest.json'),
  );
  const iconName = new Map(manifest.map((m) => [m.symbol.toUpperCase(), m.name]));
  const icons = new Map<string, string>();
  for (const a of assets.values()) {
    const n = iconName.get(a.symbol);
    if (!n) continue;
    const file = `${lc(a.symbol)}.png`;
    if (!existsSync(join(iconDir, file))) continue;
    const nameAgrees = compact(n) === compact(a.name) || a.aliases.en.some((al) => compact(al) === compact(n));
    if (!nameAgrees && (a.rank ?? 9999) > 50) continue;
    if (!curated.has(a.symbol) && (a.rank ?? 9999) > ICON_RANK_LIMIT) continue;
    a.icon = file;
    icons.set(file, join(iconDir, file));
  }

  // 6. Other known symbols (cashtag-only), minus stocks and the assets themselves.
  const cc = loadJson<Record<string, string>>(require.resolve('cryptocurrencies/cryptocurrencies.json'));
  const known = new Set<string>();
  for (const s of [...Object.keys(cc), ...Object.keys(snPair)]) {
    const S = s.toUpperCase();
    if (isLatinSymbol(S) && !/^\d+$/.test(S) && !assets.has(S) && !stocks.has(S) && !ov.renames[S] && S.length >= 2) known.add(S);
  }

  const sources = ['crypto-symbol', 'cryptocurrencies', 'cryptocurrency-icons', '@uniswap/default-token-list', '@solana/spl-token-registry', '@sonarwatch/token-lists'].map((name) => ({
    name,
    version: pkgVersion(name),
  }));
  sources.push({ name: 'overrides.json (curated)', version: `${ov.assets.length} assets` });

  const ordered = [...assets.values()].sort((x, y) => (x.rank ?? 1e6) - (y.rank ?? 1e6) || x.symbol.localeCompare(y.symbol));
  return {
    registry: {
      generatedAt: new Date().toISOString().slice(0, 10),
      sources,
      assets: ordered.map(clean),
      knownSymbols: [...known].sort(),
      stocks: [...stocks].sort(),
      quoteCurrencies: ov.quoteCurrencies,
      renames: ov.renames,
    },
    icons,
  };
}

/** Drop empty fields so the shipped JSON stays small. */
function clean(a: Asset): Asset {
  const out: Asset = { ...a };
  for (const k of Object.keys(out) as (keyof Asset)[]) if (out[k] === undefined) delete out[k];
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const ov = Overrides.parse(loadJson(join(here, 'overrides.json')));
  // Wikipedia word frequencies: a ticker or name that is a frequent English word needs context.
  const { words } = await import('popular-english-words');
  const { registry, icons } = buildRegistry(ov, words.getMostPopular(Math.max(ov.popularWordCount, ov.popularWordCountSymbols)));
  registry.sources.splice(registry.sources.length - 1, 0, { name: 'popular-english-words', version: pkgVersion('popular-english-words') });
  const outPath = join(here, 'registry.json');
  // One asset per line: small diffs, still compact.
  const body = [
    '{',
    `"generatedAt":${JSON.stringify(registry.generatedAt)},`,
    `"sources":${JSON.stringify(registry.sources)},`,
    `"stocks":${JSON.stringify(registry.stocks)},`,
    `"quoteCurrencies":${JSON.stringify(registry.quoteCurrencies)},`,
    `"renames":${JSON.stringify(registry.renames)},`,
    `"knownSymbols":${JSON.stringify(registry.knownSymbols)},`,
    '"assets":[',
    registry.assets.map((a) => JSON.stringify(a)).join(',\n'),
    ']}',
    '',
  ].join('\n');
  writeFileSync(outPath, body);
  const iconOut = join(root, 'public/icons');
  if (existsSync(iconOut)) for (const f of readdirSync(iconOut)) if (f.endsWith('.png')) rmSync(join(iconOut, f));
  mkdirSync(iconOut, { recursive: true });
  let iconBytes = 0;
  for (const [file, src] of icons) {
    copyFileSync(src, join(iconOut, file));
    iconBytes += readFileSync(src).length;
  }
  console.log(
    `registry.json: ${registry.assets.length} assets, ${registry.knownSymbols?.length} known symbols, ${(body.length / 1024).toFixed(0)} KiB; ` +
      `${icons.size} icons (${(iconBytes / 1024).toFixed(0)} KiB) in public/icons/`,
  );
  if (args.includes('--coverage')) {
    for (const line of computeCoverage(registry)) console.log(line);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof z.ZodError ? `overrides.json is invalid: ${e.message}` : e);
    process.exit(1);
  });
}

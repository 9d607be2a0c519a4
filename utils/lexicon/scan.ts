/**
 * One left-to-right pass over normalized text that proposes every stretch that
 * could be a coin: cashtags, hashtags, @handles, pairs, bare tickers, names and
 * Chinese names (longest match first, Latin word boundaries, CJK without).
 * It decides nothing; rules.ts does.
 */
import type { MatchKind } from './candidate';
import { type Entry, type LexiconIndex, type TrieNode, isCjkChar, isLatinAlnum } from './lexicon-index';

export type Listing = 'asset' | 'known' | 'stock' | 'unlisted';

export interface RawMatch {
  /** [start, end) in normalized text. */
  start: number;
  end: number;
  symbol: string;
  kind: MatchKind;
  entry?: Entry;
  listing: Listing;
  /** Set by rules.ts: the original surface is written in upper case. */
  upper?: boolean;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isTagChar = (c: number) => isLatinAlnum(c) || c === 95 || isCjkChar(c);

const QUOTE_TAIL = /^(.+?)(usdt|usdc|busd|fdusd|usd|perp)$/;
const HANDLE_SUFFIXES = [
  'labs', 'lab', 'hq', 'fnd', 'fdn', 'foundation', 'protocol', 'stable', 'ai', 'io', 'exchange', 'xyz', 'network', 'ntwrk',
  'official', 'finance', 'fi', 'app', 'dex', 'zh', 'cn', 'chain', 'dao', 'global', 'build', 'team', 'org', 'x', 'so', 'fun',
  'coin', 'token', 'agi', 'cto', 'community', 'daily', 'army', 'eth', 'sol', 'bsc', 'base', 'news',
];
/** Coins that serve as the quote of a pair ("PEPE/ETH"). */
const CRYPTO_QUOTES = new Set(['btc', 'eth', 'sol', 'bnb', 'weth', 'wbtc', 'wsol']);
const HANDLE_PREFIXES = ['0x', 'the', 'try', 'join', 'use', 'play', 'get', 'go', 'real'];

/** Longest trie match starting at i whose end respects Latin word boundaries. */
function longest(text: string, i: number, idx: LexiconIndex): { end: number; entry: Entry } | undefined {
  let node: TrieNode | undefined;
  let best: { end: number; entry: Entry } | undefined;
  for (let j = i; j < text.length; j++) {
    node = j === i ? idx.root[text.charCodeAt(j)] : node!.next.get(text.charCodeAt(j));
    if (!node) break;
    if (node.entry) {
      const last = text.charCodeAt(j);
      const after = j + 1 < text.length ? text.charCodeAt(j + 1) : 0;
      if (!(isLatinAlnum(last) && isLatinAlnum(after))) best = { end: j + 1, entry: node.entry };
    }
  }
  return best;
}

function symbolListing(idx: LexiconIndex, key: string): { symbol: string; listing: Listing; entry?: Entry } | undefined {
  const e = idx.symbols.get(key);
  if (e) return { symbol: e.symbol, listing: idx.stocks.has(key) ? 'stock' : 'asset', entry: e };
  const renamed = idx.renames.get(key);
  if (renamed) return { symbol: renamed, listing: 'asset', entry: idx.symbols.get(renamed.toLowerCase()) };
  if (idx.stocks.has(key)) return { symbol: key.toUpperCase(), listing: 'stock' };
  if (idx.known.has(key)) return { symbol: key.toUpperCase(), listing: 'known' };
  return undefined;
}

/** Base of a concatenated pair word (ethusdt, 1000pepeusdt, solperp), when it is a listed asset. */
function pairBase(idx: LexiconIndex, word: string): { symbol: string; entry?: Entry } | undefined {
  const m = QUOTE_TAIL.exec(word);
  if (!m) return undefined;
  let base = m[1]!;
  if (/^\d{3,}[a-z]/.test(base)) base = base.replace(/^\d+/, ''); // 1000PEPE contracts
  if (base.length < 2) return undefined;
  const e = idx.symbols.get(base);
  if (e && !idx.stocks.has(base)) return { symbol: e.symbol, entry: e };
  const renamed = idx.renames.get(base);
  if (renamed) return { symbol: renamed };
  return undefined;
}

const foldTail = (sym: string) => sym.toLowerCase();

/** Canonical symbol for a Chinese / mixed cashtag body: Latin parts upper-cased. */
const upperLatin = (s: string) => s.replace(/[a-z]+/g, (w) => w.toUpperCase());

/**
 * Handles of products, events and venues that carry a project's brand but are not the project
 * (adjudicators' feedback): @base / @baseapp (the chain, not BASE人生), @Galxe, @jup_mobile.
 */
const NOT_PROJECT_HANDLES = new Set([
  'base', 'baseapp', 'basechain', 'galxe', 'galxequest', 'jup_mobile', 'solanaconf', 'portaltobitcoin', 'ethglobal',
  'pumpdotfun', 'pumpfun', 'bonk_fun', 'letsbonkdotfun', 'letsbonkfun', 'playsolana', 'pasternak',
]);

export function resolveHandle(idx: LexiconIndex, body: string): string | undefined {
  if (NOT_PROJECT_HANDLES.has(body)) return undefined;
  const direct = idx.handles.get(body);
  if (direct) return direct;
  let stem = body.replace(/_/g, '');
  const tryStem = (s: string) => (s.length >= 3 ? idx.handleStems.get(s) : undefined);
  const hit = tryStem(stem);
  if (hit) return hit;
  for (const p of HANDLE_PREFIXES) if (stem.startsWith(p) && tryStem(stem.slice(p.length))) return tryStem(stem.slice(p.length));
  // Up to two suffixes: @sonic_labs_hq is rare, @solayer_labs common.
  for (let round = 0; round < 2; round++) {
    const s = HANDLE_SUFFIXES.find((suf) => stem.endsWith(suf) && stem.length - suf.length >= 3);
    if (!s) break;
    stem = stem.slice(0, -s.length);
    const h = tryStem(stem);
    if (h) return h;
  }
  return undefined;
}

export function scan(text: string, idx: LexiconIndex): RawMatch[] {
  const out: RawMatch[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // ---- $cashtag, #hashtag, @handle
    if ((c === 36 || c === 35 || c === 64) && !(i > 0 && isLatinAlnum(text.charCodeAt(i - 1)))) {
      let end = i + 1;
      if (isCjkChar(text.charCodeAt(i + 1))) {
        // Chinese tag: the CJK run plus Latin glued after it ($龙long, $币安holder).
        while (end < n && isTagChar(text.charCodeAt(end))) end++;
      } else {
        // Latin tag: stops where Chinese starts ($GIGGLE的 → $GIGGLE, $20就 → $20).
        while (end < n && (isLatinAlnum(text.charCodeAt(end)) || text.charCodeAt(end) === 95)) end++;
      }
      if (end === i + 1) {
        i++;
        continue;
      }
      const body = text.slice(i + 1, end);
      if (c === 64) {
        const sym = resolveHandle(idx, body);
        if (sym) out.push({ start: i, end, symbol: sym, kind: 'handle', listing: 'asset', entry: idx.symbols.get(sym.toLowerCase()) });
        i = end;
        continue;
      }
      const hasCjk = isCjkChar(body.charCodeAt(0)) || /[\u3400-\u9fff]/.test(body);
      if (hasCjk) {
        // Longest registry form that starts the body, else the whole run (short runs only).
        const m = longest(text, i + 1, idx);
        if (m && (m.entry.cjk || m.end === end)) {
          out.push({ start: i, end: m.end, symbol: m.entry.symbol, kind: c === 36 ? 'cashtag' : 'hashtag', listing: 'asset', entry: m.entry });
          i = m.end;
          continue;
        }
        if (c === 36 && end - i - 1 <= 6) {
          out.push({ start: i, end, symbol: upperLatin(body), kind: 'cashtag', listing: 'unlisted' });
        }
        i = end;
        continue;
      }
      const latinBody = body.replace(/_+$/, '');
      const tagEnd = i + 1 + latinBody.length;
      if (c === 36) {
        const s = symbolListing(idx, latinBody);
        const tail = s?.listing === 'asset' ? undefined : idx.cjkTails.get(latinBody);
        if (tail && /[\u3400-\u9fff]/.test(text)) {
          out.push({ start: i, end: tagEnd, symbol: tail, kind: 'cashtag', listing: 'asset', entry: idx.symbols.get(foldTail(tail)) });
          i = tagEnd;
          continue;
        }
        if (s) {
          out.push({ start: i, end: tagEnd, symbol: s.symbol, kind: 'cashtag', listing: s.listing, entry: s.entry });
          i = skipPairQuote(text, tagEnd, idx, out);
          continue;
        }
        const alias = idx.aliases.get(latinBody);
        if (alias && alias.ambiguity === 'none') {
          out.push({ start: i, end: tagEnd, symbol: alias.symbol, kind: 'cashtag', listing: 'asset', entry: alias });
          i = tagEnd;
          continue;
        }
        const p = pairBase(idx, latinBody);
        if (p) {
          out.push({ start: i, end: tagEnd, symbol: p.symbol, kind: 'pair', listing: 'asset', entry: p.entry });
          i = tagEnd;
          continue;
        }
        if (/^[a-z][a-z0-9]{0,14}$/.test(latinBody)) {
          out.push({ start: i, end: tagEnd, symbol: latinBody.toUpperCase(), kind: 'cashtag', listing: 'unlisted' });
        } else if (/^\d+$/.test(latinBody)) {
          const e = idx.symbols.get(latinBody);
          if (e) out.push({ start: i, end: tagEnd, symbol: e.symbol, kind: 'cashtag', listing: 'asset', entry: e });
        }
        i = tagEnd;
        continue;
      }
      // hashtag
      const e = idx.compact.get(latinBody.replace(/_/g, ''));
      if (e) out.push({ start: i, end: tagEnd, symbol: e.symbol, kind: 'hashtag', listing: 'asset', entry: e });
      i = tagEnd;
      continue;
    }
    // ---- Latin word start
    if (isLatinAlnum(c)) {
      let wordEnd = i + 1;
      while (wordEnd < n && isLatinAlnum(text.charCodeAt(wordEnd))) wordEnd++;
      const m = longest(text, i, idx);
      // Pendle principal / yield tokens: PT-sUSDe is sUSDe, not PT.
      if (m && m.end - i === 2 && text.charCodeAt(m.end) === 45 && (text.startsWith('pt', i) || text.startsWith('yt', i))) {
        i = m.end + 1;
        continue;
      }
      if (m) {
        const kind: MatchKind = m.entry.form === 'symbol' ? 'ticker' : m.entry.cjk ? 'zh_name' : 'name';
        out.push({ start: i, end: m.end, symbol: m.entry.symbol, kind, listing: 'asset', entry: m.entry });
        i = kind === 'ticker' ? skipPairQuote(text, m.end, idx, out) : m.end;
        continue;
      }
      const last = text.charCodeAt(wordEnd - 1);
      // Only words ending like usdt / usdc / usd / busd / perp can be concatenated pairs.
      const p = wordEnd - i >= 5 && (last === 116 || last === 99 || last === 100 || last === 112) ? pairBase(idx, text.slice(i, wordEnd)) : undefined;
      if (p) out.push({ start: i, end: wordEnd, symbol: p.symbol, kind: 'pair', listing: 'asset', entry: p.entry });
      else if (c >= 97 && c <= 122 && wordEnd - i >= 4 && (isDigit(text.charCodeAt(wordEnd - 1)) || isDigit(text.charCodeAt(wordEnd - 2)))) {
        // Ticker glued to an amount or valuation: "xpl15b", "aster17b", "sol150".
        const g = /^([a-z]{2,10})(\d+(?:\.\d+)?[kmbw]?)$/.exec(text.slice(i, wordEnd));
        const e = g ? idx.symbols.get(g[1]!) : undefined;
        if (g && e && e.bare && e.ambiguity === 'none' && !e.cjk) {
          out.push({ start: i, end: i + g[1]!.length, symbol: e.symbol, kind: 'ticker', listing: 'asset', entry: e });
        }
      } else if (c >= 48 && c <= 57) {
        // Amount glued to a ticker: "5SOL", "0.5eth" → the ticker after the digits.
        let j = i;
        while (j < wordEnd && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const t2 = j < wordEnd ? longest(text, j, idx) : undefined;
        if (t2 && t2.end === wordEnd && t2.entry.form === 'symbol' && t2.entry.bare && !t2.entry.cjk) {
          out.push({ start: j, end: t2.end, symbol: t2.entry.symbol, kind: 'ticker', listing: 'asset', entry: t2.entry });
        }
      }
      i = wordEnd;
      continue;
    }
    // ---- CJK: aliases match without spaces
    if (isCjkChar(c) && idx.firstChar[c] === 1) {
      const m = longest(text, i, idx);
      if (m) {
        out.push({ start: i, end: m.end, symbol: m.entry.symbol, kind: m.entry.cjk ? 'zh_name' : 'ticker', listing: 'asset', entry: m.entry });
        i = m.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

/**
 * After a ticker: `/USDT`, `-PERP`, `_USDT`, ` / USDT` make the previous match a
 * pair base; the quote is skipped. A crypto quote (ETH/BTC) is left for the
 * main loop to match as a ticker of its own.
 */
function skipPairQuote(text: string, at: number, idx: LexiconIndex, out: RawMatch[]): number {
  const m = /^\s?[/\-_]\s?([a-z0-9]+)/.exec(text.slice(at, at + 16));
  if (!m) return at;
  const q = m[1]!;
  const last = out[out.length - 1]!;
  // usdt-usdc, USDT/USDC: a stablecoin base makes the "quote" an asset of its own.
  if (idx.quotes.has(last.symbol.toLowerCase())) return at;
  // A major coin as quote (PEPE/ETH, VADER/ETH, ETH/BTC): only the base is meant, unless the slash
  // continues into a list ("BTC/ETH/SOL").
  if (CRYPTO_QUOTES.has(q) && (m[0].indexOf('/') >= 0 || m[0] === `-${q}`) && !/^\s?[/,、]/.test(text.slice(at + m[0].length, at + m[0].length + 2)) && last.symbol.toLowerCase() !== q && !/[/,、]\s?$/.test(text.slice(Math.max(0, last.start - 2), last.start))) {
    return at + m[0].length;
  }
  if (idx.quotes.has(q) || q === 'perp' || q === 'swap' || q === 'p') {
    last.kind = last.kind === 'cashtag' ? 'cashtag' : 'pair';
    return at + m[0].length;
  }
  return at;
}

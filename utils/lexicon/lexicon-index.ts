/**
 * Lookup structures built once from the registry: a character trie over every
 * surface form that may appear in running text (symbols, names, Chinese names)
 * plus maps for cashtags, hashtags and @handles.
 */
import type { AmbiguityClass } from './candidate';
import type { Asset, Registry } from '../registry/types';
import { foldKey } from './fold';

export interface Entry {
  symbol: string;
  /** 'symbol' = the ticker itself; 'alias' = a name / nickname. */
  form: 'symbol' | 'alias';
  /** Surface contains CJK characters. */
  cjk: boolean;
  ambiguity: AmbiguityClass;
  /** Bare ticker matching allowed for the asset (symbol form only). */
  bare: boolean;
  /** Bare mention needs a token cue (PUMP the venue, TRUMP the person). */
  needsCue: boolean;
  rank: number;
}

export interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: Entry;
}

export interface LexiconIndex {
  trie: TrieNode;
  /** Bit per UTF-16 code unit: some trie key starts with it (skips most CJK positions). */
  firstChar: Uint8Array;
  /** The trie's first level as a dense array (hot path: one lookup per word / CJK char). */
  root: (TrieNode | undefined)[];
  /** folded symbol → asset entry (symbol form). */
  symbols: Map<string, Entry>;
  /** folded alias → entry. */
  aliases: Map<string, Entry>;
  handles: Map<string, string>;
  /** alias / symbol with spaces and punctuation removed → entry (for #hashtags). */
  compact: Map<string, Entry>;
  /** compact project names / tickers for the @handle suffix rule. */
  handleStems: Map<string, string>;
  known: Set<string>;
  stocks: Set<string>;
  quotes: Set<string>;
  renames: Map<string, string>;
  assets: Map<string, Asset>;
  /** Latin tail of a mixed Chinese ticker (龙LONG → long): `$long` in a Chinese post is that token. */
  cjkTails: Map<string, string>;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export const isCjkChar = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
/** A Latin letter or digit of normalized (lower-cased) text; false for NaN (out of range). */
export const isLatinAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

function better(a: Entry | undefined, b: Entry): boolean {
  if (!a) return true;
  // Prefer the symbol form, then unambiguous, then better rank.
  if (a.form !== b.form) return b.form === 'symbol';
  if ((a.ambiguity === 'none') !== (b.ambiguity === 'none')) return b.ambiguity === 'none';
  return b.rank < a.rank;
}

function insert(root: TrieNode, key: string, e: Entry) {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    let n = node.next.get(c);
    if (!n) node.next.set(c, (n = { next: new Map() }));
    node = n;
  }
  if (better(node.entry, e)) node.entry = e;
}

export function buildIndex(reg: Registry): LexiconIndex {
  const idx: LexiconIndex = {
    trie: { next: new Map() },
    firstChar: new Uint8Array(65536),
    root: [],
    symbols: new Map(),
    aliases: new Map(),
    handles: new Map(),
    compact: new Map(),
    handleStems: new Map(),
    known: new Set((reg.knownSymbols ?? []).map((s) => s.toLowerCase())),
    stocks: new Set((reg.stocks ?? []).map((s) => s.toLowerCase())),
    quotes: new Set((reg.quoteCurrencies ?? []).map((s) => s.toLowerCase())),
    renames: new Map(Object.entries(reg.renames ?? {}).map(([a, b]) => [a.toLowerCase(), b])),
    assets: new Map(),
    cjkTails: new Map(),
  };
  for (const a of reg.assets) {
    idx.assets.set(a.symbol, a);
    const rank = a.rank ?? 5000;
    const symKey = foldKey(a.symbol);
    const symEntry: Entry = {
      symbol: a.symbol,
      form: 'symbol',
      cjk: CJK.test(symKey),
      ambiguity: a.ambiguity,
      bare: a.bare ?? false,
      needsCue: a.bareNeedsCue ?? false,
      rank,
    };
    if (better(idx.symbols.get(symKey), symEntry)) idx.symbols.set(symKey, symEntry);
    // Running text sees a ticker only when it may be bare-matched, or when it is distinctive enough
    // to report as a (rejected) candidate when written in capitals; "in", "for", "nft" never.
    if (symEntry.cjk || (symKey.length >= 2 && (symEntry.bare || symEntry.ambiguity === 'none'))) insert(idx.trie, symKey, symEntry);
    if (better(idx.compact.get(symKey), symEntry)) idx.compact.set(symKey, symEntry);
    const amb = a.aliasAmbiguity ?? {};
    for (const al of [...a.aliases.en, ...a.aliases.zh]) {
      const key = foldKey(al);
      if (!key || key === symKey) continue;
      const e: Entry = {
        symbol: a.symbol,
        form: 'alias',
        cjk: CJK.test(key),
        ambiguity: amb[al] ?? amb[al.toLowerCase()] ?? 'none',
        bare: true,
        needsCue: false,
        rank,
      };
      if (better(idx.aliases.get(key), e)) idx.aliases.set(key, e);
      insert(idx.trie, key, e);
      const ck = key.replace(/[^a-z0-9\u3400-\u9fff]/g, '');
      if (ck && better(idx.compact.get(ck), e)) idx.compact.set(ck, e);
    }
    for (const h of a.handles ?? []) idx.handles.set(h.toLowerCase(), a.symbol);
    const tail = /^[\u3400-\u9fff]{1,2}([A-Z]{4,})$/.exec(a.symbol);
    if (tail) idx.cjkTails.set(tail[1]!.toLowerCase(), a.symbol);
    // Names with Chinese in them (BASE人生) give no Latin stem: @base is the chain, not the meme.
    const stems = [a.name, ...a.aliases.en]
      .filter((s) => !CJK.test(s))
      .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter((s) => s.length >= 4);
    if (/^[A-Z0-9]{3,}$/.test(a.symbol) && a.ambiguity === 'none') stems.push(a.symbol.toLowerCase());
    for (const s of stems) if (!idx.handleStems.has(s)) idx.handleStems.set(s, a.symbol);
  }
  idx.root = new Array<TrieNode | undefined>(65536).fill(undefined);
  for (const [c, node] of idx.trie.next) {
    idx.firstChar[c] = 1;
    idx.root[c] = node;
  }
  return idx;
}

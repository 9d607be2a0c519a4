/**
 * Turns post-level labels (`coins` + `mentions` surface forms, LABELING.md) into
 * per-token BIO targets for the character tagger. Targets: 0 = O, 1 = B, 2 = I,
 * -1 = masked (no loss): we mask what we cannot place rather than teach wrong labels.
 */
import type { Candidate } from '../utils/lexicon/candidate';
import { normalize, type NormalizedText } from '../utils/normalize';
import { tokenRange } from '../utils/model/features';

export const O = 0;
export const B = 1;
export const I = 2;
export const MASK = -1;

const ALNUM = /[a-z0-9]/;
const SIGIL = /[$#@]/;
/** Quote currencies that may directly follow a base ticker in pair notation (BTCUSDT, ETHPERP). */
const PAIR_SUFFIX = /^(usdt|usdc|usd|busd|fdusd|perp|btc|eth)(?![a-z])/;
/** Stretches of normalized text that are URLs or bare domains; text there is never a mention (LABELING: exclude 7). */
const URLISH =
  /(?:https?:\/\/|www\.)\S+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|io|xyz|fun|org|net|app|gg|so|co|ai|finance|exchange|meme|trade|money|fi|me|ly|to|cc|link|site|pro|bot|vip|info|dev)\b(?:\/\S*)?/g;

export function urlRanges(normText: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of normText.matchAll(URLISH)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

function inRanges(ranges: [number, number][], s: number, e: number): boolean {
  return ranges.some(([a, b]) => s < b && e > a);
}

/** Token range [s, e) of a candidate (original offsets) in normalized space. */
export const candidateTokens = tokenRange;

/**
 * Occurrences of a mention surface in the normalized text as token ranges.
 * Latin surfaces need word boundaries (a digit before is fine: "130sol"; a pair
 * quote after is fine: "btcusdt"); a preceding $/#/@ is pulled into the span so
 * cashtags always start with their sigil. Occurrences inside URLs are skipped.
 * Returns `bounded` matches, and `loose` ones that ignore the boundary rules.
 */
export function findSurface(norm: NormalizedText, surface: string, urls: [number, number][]) {
  const s = normalize(surface).text.trim();
  const bounded: [number, number][] = [];
  const loose: [number, number][] = [];
  if (!s) return { bounded, loose };
  const text = norm.text;
  let from = 0;
  for (;;) {
    const at = text.indexOf(s, from);
    if (at < 0) break;
    from = at + 1;
    let start = at;
    const end = at + s.length;
    if (inRanges(urls, start, end)) continue;
    const firstLatin = ALNUM.test(s[0]!);
    const lastLatin = ALNUM.test(s[s.length - 1]!);
    const prev = text[start - 1] ?? ' ';
    const next = text[end] ?? ' ';
    let ok = true;
    if (firstLatin && /[a-z]/.test(prev)) ok = false;
    if (lastLatin && ALNUM.test(next) && !PAIR_SUFFIX.test(text.slice(end))) ok = false;
    if (!SIGIL.test(s[0]!) && SIGIL.test(prev)) start -= 1;
    (ok ? bounded : loose).push([start, end]);
  }
  return { bounded, loose };
}

export interface LabeledPost {
  labels: Int8Array;
  /** Symbols of `coins` for which no span could be placed. */
  unplaced: string[];
}

function paint(labels: Int8Array, [s, e]: [number, number]) {
  for (let i = s; i < e; i++) labels[i] = i === s ? B : I;
}

function overlapsPositive(labels: Int8Array, [s, e]: [number, number]) {
  for (let i = s; i < e; i++) if (labels[i] === B || labels[i] === I) return true;
  return false;
}

/**
 * Gold-labelled post (silver / annotations / synthetic with mentions):
 * mention occurrences → B/I; lexicon candidates whose symbol is in `coins` → B/I too
 * (mentions are best-effort); everything else O. When some coin cannot be placed,
 * only the placed spans and the candidates of other symbols (certain negatives) keep a loss.
 */
export function labelGold(
  norm: NormalizedText,
  coins: readonly string[],
  mentions: readonly [string, string][],
  candidates: readonly Candidate[],
): LabeledPost {
  const T = norm.text.length;
  const labels = new Int8Array(T);
  const urls = urlRanges(norm.text);
  const placed = new Set<string>();
  const coinSet = new Set(coins);
  for (const [surface, symbol] of mentions) {
    if (!coinSet.has(symbol)) continue;
    const { bounded, loose } = findSurface(norm, surface, urls);
    const use = bounded.length ? bounded : loose;
    for (const r of use) if (!overlapsPositive(labels, r)) paint(labels, r);
    if (use.length) placed.add(symbol);
  }
  const negatives: [number, number][] = [];
  for (const c of candidates) {
    const r = candidateTokens(norm, c);
    if (r[1] <= r[0] || inRanges(urls, r[0], r[1])) continue;
    if (coinSet.has(c.symbol)) {
      if (!overlapsPositive(labels, r)) paint(labels, r);
      placed.add(c.symbol);
    } else if (!overlapsPositive(labels, r)) negatives.push(r);
  }
  const unplaced = coins.filter((c) => !placed.has(c));
  if (unplaced.length) {
    const keep = new Uint8Array(T);
    for (let i = 0; i < T; i++) if (labels[i] !== O) keep[i] = 1;
    for (const [s, e] of negatives) for (let i = s; i < e; i++) keep[i] = 1;
    for (let i = 0; i < T; i++) if (!keep[i]) labels[i] = MASK;
  }
  return { labels, unplaced };
}

/**
 * Weakly labelled pool post: unambiguous candidates the lexicon accepts → B/I,
 * stock-collision cashtags/tickers the lexicon rejects → O (its stock-context rules
 * are a fair teacher there), every other candidate masked (the model decides those
 * from gold data), the rest O.
 */
export function labelWeak(norm: NormalizedText, candidates: readonly Candidate[]): Int8Array {
  const labels = new Int8Array(norm.text.length);
  const urls = urlRanges(norm.text);
  const sure = candidates.filter((c) => c.accepted && c.ambiguity === 'none');
  for (const c of candidates) {
    if (sure.includes(c) || (c.ambiguity === 'stock' && !c.accepted)) continue;
    const [s, e] = candidateTokens(norm, c);
    for (let i = s; i < e; i++) labels[i] = MASK;
  }
  for (const c of sure) {
    const r = candidateTokens(norm, c);
    if (r[1] <= r[0] || inRanges(urls, r[0], r[1])) continue;
    paint(labels, r);
  }
  return labels;
}

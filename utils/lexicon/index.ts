/**
 * Lexicon engine: registry-driven matcher with disambiguation rules.
 *
 * - findCandidates(text): every possible coin mention (accepted or not), original offsets.
 * - findAddresses(text): contract addresses (never add coins).
 * - resolveSurface(surface): surface form → canonical symbol (for the model's decoder).
 * - LexiconDetector: the 'lexicon' engine.
 */
import type { AddressHit, CoinHit, Detection, Detector, PostInput, Span } from '../detector';
import type { Candidate } from './candidate';
import { registry } from '../registry';
import type { Registry } from '../registry/types';
import { findAddresses } from './addresses';
import { foldKey, normalizeForMatch } from './fold';
import { buildIndex, type LexiconIndex } from './lexicon-index';
import { decide } from './rules';
import { resolveHandle, scan } from './scan';

export { findAddresses } from './addresses';
export type { Candidate } from './candidate';

let defaultIndex: LexiconIndex | undefined;
/** The index over the shipped registry, built on first use (~tens of ms). */
export function lexiconIndex(): LexiconIndex {
  return (defaultIndex ??= buildIndex(registry));
}

/** Index over another registry (tests, experiments). */
export function createLexiconIndex(reg: Registry): LexiconIndex {
  return buildIndex(reg);
}

export function findCandidatesWith(idx: LexiconIndex, text: string, addresses?: AddressHit[]): Candidate[] {
  const norm = normalizeForMatch(text);
  const raws = scan(norm.text, idx);
  if (raws.length === 0) return [];
  const addrs = addresses ?? findAddresses(text);
  // Text inside an address (e.g. "...pump" mints) is not a mention.
  const cands = decide(text, norm, raws, addrs.length > 0);
  return addrs.length ? cands.filter((c) => !addrs.some((a) => c.start < a.end && c.end > a.start)) : cands;
}

/** Every possible coin mention in `text`, with the lexicon's verdict in `accepted`. */
export function findCandidates(text: string): Candidate[] {
  return findCandidatesWith(lexiconIndex(), text);
}

/** Surface form (`$sol`, `Solana`, `大饼`, `@solana`, `BTCUSDT`) → canonical symbol, or undefined. */
export function resolveSurface(surface: string): string | undefined {
  const idx = lexiconIndex();
  const key = foldKey(surface);
  if (!key) return undefined;
  if (key.startsWith('@')) return resolveHandle(idx, key.slice(1));
  const body = key.replace(/^[$#]/, '');
  const direct = idx.symbols.get(body) ?? idx.aliases.get(body) ?? idx.compact.get(body.replace(/[^a-z0-9\u3400-\u9fff]/g, ''));
  if (direct) return direct.symbol;
  const renamed = idx.renames.get(body);
  if (renamed) return renamed;
  // Pair notation or a longer span: take the first registry match inside it.
  // Pair notation (BTC/USDT, ETHUSDT) or a cashtag: one registry match covering the surface's first token.
  const text = key.startsWith('$') || key.startsWith('#') ? key : body;
  const raws = scan(text, idx);
  const first = raws[0];
  if (first && first.start === 0 && (first.listing === 'asset' || first.listing === 'known')) {
    const rest = text.slice(first.end);
    if (rest === '' || /^\s?[/\-_]\s?[a-z0-9]+$/.test(rest) || first.kind === 'pair') return first.symbol;
  }
  if (key.startsWith('$') && /^[a-z][a-z0-9]{0,14}$/.test(body)) return body.toUpperCase();
  return undefined;
}

/** Detection for one post from its candidates. */
export function detectionFromCandidates(id: string, cands: Candidate[], addresses: AddressHit[]): Detection {
  const coins = new Map<string, CoinHit>();
  const spans: Span[] = [];
  for (const c of cands) {
    if (!c.accepted) continue;
    spans.push({ start: c.start, end: c.end, text: c.text, symbol: c.symbol, confidence: c.confidence });
    const prev = coins.get(c.symbol);
    const unlisted = c.ambiguity === 'unlisted';
    if (!prev || prev.confidence < c.confidence) coins.set(c.symbol, { symbol: c.symbol, confidence: c.confidence, unlisted: prev ? prev.unlisted && unlisted : unlisted });
  }
  return { id, coins: [...coins.values()], spans, addresses, engine: 'lexicon' };
}

export class LexiconDetector implements Detector {
  readonly name = 'lexicon' as const;
  private readonly idx: LexiconIndex;

  constructor(idx?: LexiconIndex) {
    this.idx = idx ?? lexiconIndex();
  }

  detectOne(post: PostInput): Detection {
    const addresses = findAddresses(post.text);
    return detectionFromCandidates(post.id, findCandidatesWith(this.idx, post.text, addresses), addresses);
  }

  async detect(posts: PostInput[]): Promise<Detection[]> {
    return posts.map((p) => this.detectOne(p));
  }
}

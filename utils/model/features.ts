/**
 * Per-character input features of the local model, built from the lexicon's
 * candidates (utils/lexicon/candidate.ts) and the original casing, which
 * normalization folds away. Shared by training prep and runtime.
 *
 * Layout: `N_FEATURES` small integer channels per token (row-major [T, N_FEATURES]);
 * the model embeds each channel and adds them to the character embedding.
 */
import { AMBIGUITY_CLASSES, MATCH_KINDS, type Candidate } from '../lexicon/candidate';
import type { NormalizedText } from '../normalize';

/** Channel names and their cardinalities, in tensor order (also written to public/model/features.json). */
export const FEATURE_CHANNELS = [
  { name: 'kind', size: 1 + MATCH_KINDS.length, values: ['-', ...MATCH_KINDS] },
  { name: 'ambiguity', size: 1 + AMBIGUITY_CLASSES.length, values: ['-', ...AMBIGUITY_CLASSES] },
  { name: 'verdict', size: 3, values: ['-', 'accepted', 'rejected'] },
  { name: 'position', size: 3, values: ['-', 'begin', 'inside'] },
  { name: 'confidence', size: 5, values: ['-', '<0.25', '<0.5', '<0.75', '>=0.75'] },
  { name: 'upper', size: 2, values: ['no', 'yes'] },
] as const;
export const N_FEATURES = FEATURE_CHANNELS.length;
/** Channels that come from the lexicon (feature dropout in training blanks exactly these). */
export const LEXICON_CHANNELS = [0, 1, 2, 3, 4];

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Order candidates so that the one that should "win" a character comes last (painted over the others). */
function paintOrder(a: Candidate, b: Candidate): number {
  if (a.accepted !== b.accepted) return a.accepted ? 1 : -1;
  return a.end - a.start - (b.end - b.start);
}

/**
 * Features for every normalized code unit of `norm` (the normalization of `original`).
 * Candidates use original offsets; a normalized unit belongs to a candidate when
 * its source character lies in [start, end).
 */
export function encodeFeatures(original: string, norm: NormalizedText, candidates: readonly Candidate[]): Uint8Array {
  const T = norm.text.length;
  const out = new Uint8Array(T * N_FEATURES);
  for (let i = 0; i < T; i++) {
    if (isUpper(original[norm.offsets[i]!] ?? '')) out[i * N_FEATURES + 5] = 1;
  }
  if (candidates.length === 0) return out;
  const sorted = [...candidates].sort(paintOrder);
  for (const c of sorted) {
    const kind = 1 + MATCH_KINDS.indexOf(c.kind);
    const amb = 1 + AMBIGUITY_CLASSES.indexOf(c.ambiguity);
    const verdict = c.accepted ? 1 : 2;
    const conf = 1 + Math.min(3, Math.floor(Math.max(0, Math.min(1, c.confidence)) * 4));
    let first = true;
    // Normalized offsets are non-decreasing, so a linear scan from the first hit is enough.
    for (let i = lowerBound(norm.offsets, c.start, T); i < T && norm.offsets[i]! < c.end; i++) {
      const o = i * N_FEATURES;
      out[o] = kind > 0 ? kind : 0;
      out[o + 1] = amb > 0 ? amb : 0;
      out[o + 2] = verdict;
      out[o + 3] = first ? 1 : 2;
      out[o + 4] = conf;
      first = false;
    }
  }
  return out;
}

/** First index i < n with offsets[i] >= value (offsets is sorted). */
export function lowerBound(offsets: readonly number[], value: number, n: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token range [s, e) of a stretch given in original offsets (e.g. a candidate). */
export function tokenRange(norm: NormalizedText, span: { start: number; end: number }): [number, number] {
  const T = norm.text.length;
  return [lowerBound(norm.offsets, span.start, T), lowerBound(norm.offsets, span.end, T)];
}

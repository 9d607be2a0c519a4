/**
 * Text normalization shared by every engine and by training.
 *
 * Folds full-width / compatibility forms (NFKC per code point), lower-cases,
 * drops zero-width characters, and keeps a map from every normalized code unit
 * back to the original text so spans can be reported in original offsets.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;

export interface NormalizedText {
  /** Normalized text (NFKC-folded, lower-cased, zero-width removed). */
  text: string;
  /** `offsets[i]` is the index in the original text of normalized code unit i; has one extra entry for the end. */
  offsets: number[];
}

export function normalize(original: string): NormalizedText {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (!ZERO_WIDTH.test(ch)) {
      // Per-code-point NFKC keeps offsets exact; lower-casing after folding
      // turns e.g. "Ｓ" into "s". A case mapping that adds a combining mark
      // ("İ" → "i̇") keeps only its first code point.
      const nfkc = ch.normalize('NFKC') || ch;
      const lower = nfkc.toLowerCase();
      const folded = [...nfkc].length === 1 && [...lower].length > 1 ? [...lower][0]! : lower;
      for (let k = 0; k < folded.length; k++) {
        text += folded[k];
        offsets.push(i);
      }
    }
    i += ch.length;
  }
  offsets.push(original.length);
  return { text, offsets };
}

/** Map a [start, end) span of normalized text back to the original text. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  const s = norm.offsets[start]!;
  // End maps to the original position right after the last normalized unit's source char.
  const lastSrc = norm.offsets[end - 1]!;
  let e = norm.offsets[end]!;
  if (e === lastSrc) e = lastSrc + 1;
  return [s, Math.max(e, s)];
}

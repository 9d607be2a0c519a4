/**
 * Finds where the surfaces a remote model names ("大饼", "$sol") occur in the
 * post, so chips can highlight the matched words. Best effort: a surface the
 * model rewrote and that is not in the text yields no span.
 */
import type { Span } from '../detector';
import { normalize, toOriginalSpan } from '../normalize';

const LATIN_OR_DIGIT = /[a-z0-9]/;

/**
 * Every non-overlapping occurrence of every surface, longest surfaces first,
 * matched on normalized text (NFKC, lower case) and reported in original
 * offsets, sorted by start. A Latin surface must not sit inside a longer word
 * ("sol" is not found in "solution").
 */
export function locateMentions(text: string, mentions: readonly (readonly [string, string])[], confidence: number): Span[] {
  const norm = normalize(text);
  const taken: [number, number][] = [];
  const spans: Span[] = [];
  const bySurface = [...mentions]
    .map(([surface, symbol]) => ({ needle: normalize(surface.trim()).text, symbol }))
    .filter((m) => m.needle.length > 0)
    .sort((a, b) => b.needle.length - a.needle.length);
  const seen = new Set<string>();
  for (const { needle, symbol } of bySurface) {
    if (seen.has(needle)) continue;
    seen.add(needle);
    for (let at = norm.text.indexOf(needle); at >= 0; at = norm.text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!atWordEdge(norm.text, at, end, needle)) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      const [start, stop] = toOriginalSpan(norm, at, end);
      spans.push({ start, end: stop, text: text.slice(start, stop), symbol, confidence });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function atWordEdge(haystack: string, start: number, end: number, needle: string): boolean {
  const before = haystack[start - 1];
  const after = haystack[end];
  if (LATIN_OR_DIGIT.test(needle[0]!) && before !== undefined && LATIN_OR_DIGIT.test(before)) return false;
  if (LATIN_OR_DIGIT.test(needle[needle.length - 1]!) && after !== undefined && LATIN_OR_DIGIT.test(after)) return false;
  return true;
}

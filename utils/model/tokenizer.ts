/**
 * Character tokenizer of the local model. One token per UTF-16 code unit of
 * the *normalized* text (utils/normalize.ts), no [CLS]/[SEP], so token i is
 * normalized unit i and maps back to the original text through
 * `NormalizedText.offsets` — exact offsets without any alignment step.
 *
 * Used both by training prep (model/prepare.ts) and by the runtime
 * (utils/engines/local-model.ts): the ids must agree bit for bit.
 */
import { z } from 'zod';

export const PAD_ID = 0;
/** Character outside the vocabulary. */
export const UNK_ID = 1;
/** CJK ideograph outside the vocabulary (keeps "some rare hanzi" apart from "some rare symbol"). */
export const UNK_CJK_ID = 2;
/** Either half of a surrogate pair (emoji and other astral characters). */
export const ASTRAL_ID = 3;
/** Any ASCII digit: amounts matter as context, their exact value does not. */
export const DIGIT_ID = 4;
export const N_SPECIAL = 5;

export const VocabFile = z.object({
  version: z.literal(1),
  /** chars[k] has id N_SPECIAL + k. */
  chars: z.array(z.string().length(1)).max(20_000),
});
export type VocabFile = z.infer<typeof VocabFile>;

export interface CharVocab {
  size: number;
  chars: string[];
  index: Map<string, number>;
}

export function loadVocab(data: unknown): CharVocab {
  const file = VocabFile.parse(data);
  const index = new Map<string, number>();
  file.chars.forEach((c, k) => index.set(c, N_SPECIAL + k));
  return { size: N_SPECIAL + file.chars.length, chars: file.chars, index };
}

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Ids of one normalized text, one per UTF-16 code unit. */
export function encodeChars(normText: string, vocab: CharVocab): Int32Array {
  const ids = new Int32Array(normText.length);
  for (let i = 0; i < normText.length; i++) {
    const code = normText.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) ids[i] = DIGIT_ID;
    else if (code >= 0xd800 && code <= 0xdfff) ids[i] = ASTRAL_ID;
    else ids[i] = vocab.index.get(normText[i]!) ?? (isCjk(code) ? UNK_CJK_ID : UNK_ID);
  }
  return ids;
}

/**
 * Build the character table from normalized training texts: the most frequent
 * characters seen at least `minCount` times, at most `maxSize` of them.
 * Digits and surrogates have their own special ids and are left out.
 */
export function buildVocab(normTexts: Iterable<string>, maxSize = 6000, minCount = 3): VocabFile {
  const counts = new Map<string, number>();
  for (const t of normTexts) {
    for (let i = 0; i < t.length; i++) {
      const code = t.charCodeAt(i);
      if ((code >= 0x30 && code <= 0x39) || (code >= 0xd800 && code <= 0xdfff)) continue;
      counts.set(t[i]!, (counts.get(t[i]!) ?? 0) + 1);
    }
  }
  const chars = [...counts.entries()]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxSize)
    .map(([c]) => c);
  return { version: 1, chars };
}

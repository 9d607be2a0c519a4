import { describe, expect, it } from 'vitest';
import { normalize } from '../../utils/normalize';
import { ASTRAL_ID, buildVocab, DIGIT_ID, encodeChars, loadVocab, N_SPECIAL, UNK_CJK_ID, UNK_ID } from '../../utils/model/tokenizer';

describe('char tokenizer', () => {
  const vocab = loadVocab(buildVocab(['aab$ab 比特币', 'b$ab 比特'], 100, 2));

  it('builds the table by frequency with a minimum count, leaving digits and surrogates out', () => {
    const file = buildVocab(['bbb aa 12 😀😀😀', 'c'], 10, 2);
    expect(file.chars).toEqual([' ', 'b', 'a']); // 3 spaces tie with 3 b's: ties sort by char
    expect(buildVocab(['abcabc'], 2, 1).chars).toHaveLength(2);
  });

  it('emits one id per normalized code unit, so token i is normalized unit i', () => {
    const text = 'ＢＴＣ $ab 100 😀 比特币 龘 ж';
    const norm = normalize(text);
    const ids = encodeChars(norm.text, vocab);
    expect(ids.length).toBe(norm.text.length);
    const at = (ch: string) => ids[norm.text.indexOf(ch)];
    expect(at('1')).toBe(DIGIT_ID);
    expect(at('0')).toBe(DIGIT_ID);
    expect(at('龘')).toBe(UNK_CJK_ID);
    expect(at('ж')).toBe(UNK_ID);
    expect(ids[norm.text.indexOf('\ud83d')]).toBe(ASTRAL_ID);
    expect(ids[norm.text.indexOf('\ud83d') + 1]).toBe(ASTRAL_ID);
    expect(at('$')).toBe(vocab.index.get('$'));
    expect(at('比')).toBeGreaterThanOrEqual(N_SPECIAL);
    // Full-width Latin folds to the same ids as ASCII.
    expect([...encodeChars(normalize('ＡＢ').text, vocab)]).toEqual([...encodeChars('ab', vocab)]);
  });

  it('rejects a malformed vocabulary file', () => {
    expect(() => loadVocab({ version: 1, chars: ['ab'] })).toThrow();
    expect(() => loadVocab({ version: 2, chars: [] })).toThrow();
  });
});

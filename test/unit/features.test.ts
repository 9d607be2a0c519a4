import { describe, expect, it } from 'vitest';
import { normalize } from '../../utils/normalize';
import { encodeFeatures, FEATURE_CHANNELS, N_FEATURES, tokenRange } from '../../utils/model/features';
import type { Candidate } from '../../utils/lexicon/candidate';

const cand = (text: string, sub: string, over: Partial<Candidate> = {}): Candidate => {
  const start = text.indexOf(sub);
  return { start, end: start + sub.length, text: sub, symbol: 'X', kind: 'ticker', ambiguity: 'none', accepted: true, confidence: 0.9, ...over };
};
const row = (f: Uint8Array, i: number) => [...f.subarray(i * N_FEATURES, (i + 1) * N_FEATURES)];

describe('lexicon + casing features', () => {
  it('marks candidate characters with kind, ambiguity, verdict, B/I position and confidence bucket', () => {
    const text = 'I like $NEAR a lot';
    const norm = normalize(text);
    const f = encodeFeatures(text, norm, [cand(text, '$NEAR', { kind: 'cashtag', ambiguity: 'en_word', accepted: false, confidence: 0.3 })]);
    const s = text.indexOf('$');
    expect(row(f, s)).toEqual([1, 2, 2, 1, 2, 0]); // cashtag, en_word, rejected, begin, <0.5, '$' not upper
    expect(row(f, s + 1)).toEqual([1, 2, 2, 2, 2, 1]); // inside, 'N' upper
    expect(row(f, s - 1)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(row(f, 0)[5]).toBe(1); // 'I'
    expect(f.length).toBe(norm.text.length * N_FEATURES);
    expect(FEATURE_CHANNELS.map((c) => c.values.length)).toEqual(FEATURE_CHANNELS.map((c) => c.size));
  });

  it('maps original offsets through normalization (zero-width and full-width characters)', () => {
    const text = 'a\u200b ＳＯＬ up';
    const norm = normalize(text);
    const c = cand(text, 'ＳＯＬ');
    const [s, e] = tokenRange(norm, c);
    expect(norm.text.slice(s, e)).toBe('sol');
    const f = encodeFeatures(text, norm, [c]);
    expect(row(f, s)[3]).toBe(1);
    expect(row(f, s + 2)[3]).toBe(2);
    expect(row(f, s)[5]).toBe(1); // full-width upper-case counts as upper
    expect(row(f, e)[0]).toBe(0);
  });

  it('lets the accepted candidate win where candidates overlap', () => {
    const text = 'BTCUSDT';
    const f = encodeFeatures(text, normalize(text), [
      cand(text, 'BTCUSDT', { kind: 'ticker', accepted: false }),
      cand(text, 'BTC', { kind: 'pair', accepted: true }),
    ]);
    expect(row(f, 0)[0]).toBe(4); // pair
    expect(row(f, 0)[2]).toBe(1);
    expect(row(f, 4)[0]).toBe(5); // ticker (rejected) elsewhere
    expect(row(f, 4)[2]).toBe(2);
  });
});

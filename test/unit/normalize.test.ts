import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan } from '../../utils/normalize';

describe('normalize', () => {
  it('folds full-width letters and case, keeping offsets', () => {
    const n = normalize('买 ＄ＳＯＬ now');
    expect(n.text).toBe('买 $sol now');
    const at = n.text.indexOf('$sol');
    expect(toOriginalSpan(n, at, at + 4)).toEqual([2, 6]);
  });

  it('drops zero-width characters and maps spans around them', () => {
    const original = 'B\u200BTC up';
    const n = normalize(original);
    expect(n.text).toBe('btc up');
    const [s, e] = toOriginalSpan(n, 0, 3);
    expect(original.slice(s, e)).toBe('B\u200BTC');
  });

  it('keeps astral characters (emoji) as two code units mapped to one source', () => {
    const n = normalize('🚀BTC');
    expect(n.text).toBe('🚀btc');
    expect(n.offsets.slice(0, 3)).toEqual([0, 0, 2]);
    expect(toOriginalSpan(n, 2, 5)).toEqual([2, 5]);
  });
});

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

describe('normalizeForMatch (lexicon fast path)', async () => {
  const { normalizeForMatch, normalizeForMatchReference, foldChinese } = await import('../../utils/lexicon/fold');
  const pools = [
    'abcXYZ 019 $#@/-_.,!?',
    '比特币以太坊大饼姨太币安人生哈基米',
    '幣餅龍經現發鏈納',
    'ＡＢＣ＄ＳＯＬ１２３，。！',
    'İıßẞǅﬁ①Ⅻ㎏',
    '\u200B\u200D\uFEFF\u00AD\u2060',
    '🚀💎🐶👀',
    'éÉñÑüÜçÇ',
    'ｶﾀｶﾅ',
    '\n\t  ',
    '…ΣΑΣς“”、。　',
    '\uD83D\uDC4Dx\uDC4D\uD83D',
  ];
  // Deterministic pseudo-random strings drawn from the pools above.
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const samples: string[] = [];
  for (let k = 0; k < 600; k++) {
    let s = '';
    const len = 1 + rnd(40);
    for (let j = 0; j < len; j++) {
      const pool = [...pools[rnd(pools.length)]!];
      s += pool[rnd(pool.length)];
    }
    samples.push(s);
  }

  it('gives the same text and offsets as normalize() + Chinese folding', () => {
    for (const s of samples) {
      const fast = normalizeForMatch(s);
      const ref = normalizeForMatchReference(s);
      expect(fast.text).toBe(ref.text);
      expect([...fast.offsets]).toEqual(ref.offsets);
    }
  });

  it('folds traditional characters to simplified without moving offsets', () => {
    expect(foldChinese('幣安人生')).toBe('币安人生');
    const n = normalizeForMatch('買 $幣安人生 了');
    expect(n.text).toBe('买 $币安人生 了');
    expect(toOriginalSpan(n, 2, 7)).toEqual([2, 7]);
  });

  it('maps spans after full-width and emoji characters back to the original', () => {
    const original = '🚀🚀 ＳＯＬ and 大餅';
    const n = normalizeForMatch(original);
    const at = n.text.indexOf('sol');
    const [s, e] = toOriginalSpan(n, at, at + 3);
    expect(original.slice(s, e)).toBe('ＳＯＬ');
    const z = n.text.indexOf('大饼');
    const [zs, ze] = toOriginalSpan(n, z, z + 2);
    expect(original.slice(zs, ze)).toBe('大餅');
  });
});

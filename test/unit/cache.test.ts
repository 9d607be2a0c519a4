import { describe, expect, test } from 'vitest';
import { LruCache, textHash } from '../../utils/cache';
import { Stats } from '../../utils/stats';

describe('LruCache', () => {
  test('evicts the least recently used entry, where get() counts as use', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now newer than b
    c.set('c', 3);
    expect(c.has('b')).toBe(false);
    expect(c.keys()).toEqual(['a', 'c']);
    expect(c.size).toBe(2);
  });

  test('set() on an existing key refreshes it and replaces the value', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.set('a', 10);
    c.set('c', 3);
    expect(c.get('a')).toBe(10);
    expect(c.get('b')).toBeUndefined();
  });

  test('keeps falsy values distinct from misses', () => {
    const c = new LruCache<string, number | null>(3);
    c.set('zero', 0);
    c.set('null', null);
    expect(c.get('zero')).toBe(0);
    expect(c.get('null')).toBeNull();
    expect(c.has('null')).toBe(true);
    expect(c.get('missing')).toBeUndefined();
  });

  test('rejects a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(/positive integer/);
    expect(() => new LruCache(1.5)).toThrow(/positive integer/);
  });
});

describe('textHash', () => {
  test('is stable, 16 hex chars, and tells close texts apart', () => {
    expect(textHash('gm $BTC')).toBe(textHash('gm $BTC'));
    expect(textHash('gm $BTC')).toMatch(/^[0-9a-f]{16}$/);
    const texts = ['gm $BTC', 'gm $BTc', 'gm $BTC ', '大饼', '大餅', '', 'ab', 'ba'];
    expect(new Set(texts.map(textHash)).size).toBe(texts.length);
  });

  test('no collisions across many similar posts', () => {
    const hashes = new Set<string>();
    for (let i = 0; i < 20000; i++) hashes.add(textHash(`post number ${i} about $BTC`));
    expect(hashes.size).toBe(20000);
  });
});

describe('popup statistics', () => {
  test('counts each post once, medians latency, and ranks coins by posts in the last hour', () => {
    const s = new Stats();
    const t = 10_000_000;
    s.recordPost('1', ['BTC', 'ETH'], t - 2 * 3600_000); // too old for "last hour"
    s.recordPost('2', ['BTC'], t - 60_000);
    s.recordPost('2', ['BTC'], t - 30_000); // re-rendered: same post
    s.recordPost('3', ['BTC', 'SOL'], t - 10_000);
    s.recordPost('4', ['SOL'], t);
    expect(s.annotated).toBe(4);
    expect(s.topCoins(t)).toEqual([
      { symbol: 'BTC', posts: 2 },
      { symbol: 'SOL', posts: 2 },
    ]);
    expect(s.medianLatency()).toBeUndefined();
    [5, 1, 9, 3].forEach((ms) => s.recordLatency(ms));
    expect(s.medianLatency()).toBe(4);
  });

  test('survives a service-worker restart through its snapshot, and ignores a corrupt one', () => {
    const s = new Stats();
    s.recordPost('1', ['BTC'], 1000);
    s.recordLatency(7);
    const back = Stats.from(JSON.parse(JSON.stringify(s.snapshot())));
    expect(back.annotated).toBe(1);
    expect(back.medianLatency()).toBe(7);
    expect(back.topCoins(2000)).toEqual([{ symbol: 'BTC', posts: 1 }]);
    expect(Stats.from({ postsAnnotated: 'lots' }).annotated).toBe(0);
  });
});

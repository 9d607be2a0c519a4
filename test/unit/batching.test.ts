import { describe, expect, it } from 'vitest';
import { planBatches, planWindows } from '../../utils/model/batching';

describe('planWindows', () => {
  it('keeps short posts whole, skips posts without input, and covers long ones with overlapping windows', () => {
    const seqs = planWindows([10, undefined, 300], 128);
    expect(seqs[0]).toEqual({ post: 0, start: 0, end: 10 });
    const long = seqs.filter((s) => s.post === 2);
    expect(long.map((s) => [s.start, s.end])).toEqual([[0, 128], [96, 224], [192, 300]]);
    expect(seqs.some((s) => s.post === 1)).toBe(false);
  });
});

describe('planBatches', () => {
  it('uses every sequence once, caps the batch size and never pads a batch by more than ~25%', () => {
    const lengths = [200, 12, 15, 400, 13, 210, 14, 11, 16, 17, 18, 19, 12];
    const batches = planBatches(lengths, 4);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    for (const b of batches) {
      expect(b.length).toBeLessThanOrEqual(4);
      const ls = b.map((i) => lengths[i]!);
      expect(Math.max(...ls)).toBeLessThanOrEqual(Math.min(...ls) * 1.25 + 16);
    }
    expect(batches.find((b) => b.includes(3))).toEqual([3]);
  });
});

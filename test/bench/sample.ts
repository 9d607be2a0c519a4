/** Shared by the benchmarks: a fixed, evenly spaced sample of silver posts, and the median. */
import { readFileSync } from 'node:fs';
import { sharedDataFile } from '../../utils/eval/shared-path';
import type { PostInput } from '../../utils/detector';

/** `n` posts of ../shared/data/silver.jsonl spread over the file, or undefined when it is absent. */
export function sampleSilverPosts(n: number): PostInput[] | undefined {
  const silver = sharedDataFile('silver.jsonl');
  if (!silver) return undefined;
  const texts = readFileSync(silver, 'utf8').trim().split('\n').map((l) => String(JSON.parse(l).text));
  const step = Math.max(1, Math.floor(texts.length / n));
  return Array.from({ length: n }, (_, i) => ({ id: String(i), text: texts[(i * step) % texts.length]! }));
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

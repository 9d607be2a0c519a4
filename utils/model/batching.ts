/**
 * How posts become model batches, shared by the detector and the benchmarks: long
 * posts run as overlapping windows, and sequences are grouped by length so a batch
 * pays little for padding.
 */
import { N_FEATURES } from './features';

export interface SequenceSlice {
  post: number;
  start: number;
  end: number;
}

/** Whole posts, or windows of `window` characters overlapping by a quarter for longer ones. */
export function planWindows(lengths: (number | undefined)[], window: number): SequenceSlice[] {
  const stride = Math.floor((window * 3) / 4);
  const seqs: SequenceSlice[] = [];
  lengths.forEach((T, post) => {
    if (!T) return;
    for (let s = 0; ; s += stride) {
      const e = Math.min(T, s + window);
      seqs.push({ post, start: s, end: e });
      if (e >= T) break;
    }
  });
  return seqs;
}

export interface ModelInput {
  ids: Int32Array;
  feats: Uint8Array;
}

/** planWindows over encoded posts, each window cut out of its post's ids and features. */
export function windowInputs(inputs: (ModelInput | undefined)[], window: number): (SequenceSlice & ModelInput)[] {
  return planWindows(inputs.map((x) => x?.ids.length), window).map((s) => {
    const x = inputs[s.post]!;
    return { ...s, ids: x.ids.subarray(s.start, s.end), feats: x.feats.subarray(s.start * N_FEATURES, s.end * N_FEATURES) };
  });
}

/**
 * Indices of `lengths` grouped into batches of at most `batchSize`, shortest first; a
 * batch closes early when the next sequence would pad its shortest one by more than ~25%.
 */
export function planBatches(lengths: number[], batchSize: number): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]!);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; ) {
    const first = lengths[order[i]!]!;
    let k = i + 1;
    while (k < order.length && k - i < batchSize && lengths[order[k]!]! <= first * 1.25 + 16) k++;
    batches.push(order.slice(i, k));
    i = k;
  }
  return batches;
}

/**
 * Tweet-level exact-set accuracy and micro precision / recall / F1 over
 * (post, symbol) pairs, overall and per slice.
 */

export interface Scored {
  id: string;
  gold: string[];
  pred: string[];
  slices: string[];
}

export interface Metrics {
  n: number;
  exact_set_accuracy: number;
  micro_precision: number;
  micro_recall: number;
  micro_f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function setEqual(a: Iterable<string>, b: Iterable<string>): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  return true;
}

/** Precision with no predictions is 1 (nothing wrong was said); recall with no gold is 1. */
export function computeMetrics(items: Pick<Scored, 'gold' | 'pred'>[]): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  for (const it of items) {
    const g = new Set(it.gold);
    const p = new Set(it.pred);
    for (const s of p) (g.has(s) ? tp++ : fp++);
    for (const s of g) if (!p.has(s)) fn++;
    if (setEqual(g, p)) exact++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    n: items.length,
    exact_set_accuracy: items.length ? exact / items.length : 0,
    micro_precision: precision,
    micro_recall: recall,
    micro_f1: f1,
    tp,
    fp,
    fn,
  };
}

export function metricsBySlice(items: Scored[]): Record<string, Metrics> {
  const groups = new Map<string, Scored[]>();
  for (const it of items) {
    for (const s of it.slices) {
      let g = groups.get(s);
      if (!g) groups.set(s, (g = []));
      g.push(it);
    }
  }
  const out: Record<string, Metrics> = {};
  for (const k of [...groups.keys()].sort()) out[k] = computeMetrics(groups.get(k)!);
  return out;
}

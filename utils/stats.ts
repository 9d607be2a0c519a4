/**
 * Popup statistics kept by the background: posts annotated, engine latency,
 * and which coins appeared in which posts when (for "most mentioned in the last
 * hour"). Serializable, so the service worker can persist it between restarts.
 */
import { z } from 'zod';

const HOUR = 3600_000;
const MAX_LATENCIES = 200;
const MAX_IDS = 20_000;
const MAX_MENTIONS = 20_000;

export const StatsSnapshot = z.object({
  postsAnnotated: z.number().int().nonnegative(),
  seenIds: z.array(z.string()),
  latencies: z.array(z.number().nonnegative()),
  /** [postId, symbol, timestamp ms] — one entry per post and coin. */
  mentions: z.array(z.tuple([z.string(), z.string(), z.number()])),
});
export type StatsSnapshot = z.infer<typeof StatsSnapshot>;

export class Stats {
  private postsAnnotated = 0;
  private seen = new Set<string>();
  private latencies: number[] = [];
  private mentions = new Map<string, [string, string, number]>();

  static from(raw: unknown): Stats {
    const s = new Stats();
    const parsed = StatsSnapshot.safeParse(raw);
    if (!parsed.success) return s;
    s.postsAnnotated = parsed.data.postsAnnotated;
    s.seen = new Set(parsed.data.seenIds);
    s.latencies = parsed.data.latencies.slice(-MAX_LATENCIES);
    for (const m of parsed.data.mentions) s.mentions.set(`${m[0]}|${m[1]}`, m);
    return s;
  }

  snapshot(): StatsSnapshot {
    return { postsAnnotated: this.postsAnnotated, seenIds: [...this.seen], latencies: this.latencies, mentions: [...this.mentions.values()] };
  }

  recordLatency(ms: number): void {
    this.latencies.push(ms);
    if (this.latencies.length > MAX_LATENCIES) this.latencies.shift();
  }

  /** Counts a post once however often it is re-rendered; remembers each of its coins with the time seen. */
  recordPost(id: string, symbols: string[], now = Date.now()): void {
    if (!this.seen.has(id)) {
      this.seen.add(id);
      this.postsAnnotated++;
      if (this.seen.size > MAX_IDS) this.seen.delete(this.seen.values().next().value as string);
    }
    for (const symbol of symbols) {
      const key = `${id}|${symbol}`;
      if (this.mentions.has(key)) continue;
      this.mentions.set(key, [id, symbol, now]);
      if (this.mentions.size > MAX_MENTIONS) this.mentions.delete(this.mentions.keys().next().value as string);
    }
  }

  get annotated(): number {
    return this.postsAnnotated;
  }

  medianLatency(): number | undefined {
    if (this.latencies.length === 0) return undefined;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }

  topCoins(now = Date.now(), limit = 10): { symbol: string; posts: number }[] {
    const counts = new Map<string, number>();
    for (const [key, m] of this.mentions) {
      if (now - m[2] > HOUR) {
        this.mentions.delete(key);
        continue;
      }
      counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([symbol, posts]) => ({ symbol, posts }));
  }
}

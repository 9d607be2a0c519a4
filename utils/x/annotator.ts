/**
 * The content script's core, DOM-only and engine-agnostic so it runs the same
 * on x.com, on the bundled demo page and in unit tests:
 *   scan → extract posts → key by (status id, text) → chips from cache or one
 *   batched detect request per frame → render into a host after the text.
 * X recycles DOM nodes, so every host remembers the key it shows; a node that
 * now shows another post is re-keyed at once (stale chips removed), and a late
 * reply only renders into hosts that still show the key it was asked for.
 */
import { LruCache, textHash } from '../cache';
import type { PostInput } from '../detector';
import type { EngineName } from '../detector';
import { MAX_BATCH, type Chip, type PostChips } from '../messages';
import { extractPosts, type ExtractedPost } from './extract';
import { HOST_TAG, X } from './selectors';

export interface ChipRenderer {
  /** Show chips (empty array: show nothing) inside the host. */
  render(host: HTMLElement, chips: Chip[]): void;
}

export interface AnnotatorOptions {
  root: Document;
  detect(posts: PostInput[]): Promise<PostChips[]>;
  renderer: ChipRenderer;
  /** How long a failed post waits before it is asked for again. */
  retryAfterMs?: number;
  now?: () => number;
}

/** What the engine said about one post: its chips and which engine decided. */
interface Answer {
  chips: Chip[];
  engine?: EngineName;
}
const NONE: Answer = { chips: [] };

export function postKey(id: string, text: string, lang?: string): string {
  return `${id}|${lang ?? ''}|${textHash(text)}`;
}

export class Annotator {
  private readonly cache = new LruCache<string, Answer>(5000);
  private readonly inflight = new Set<string>();
  private readonly failed = new Map<string, number>();
  /** Detect requests sent (batches), for tests and the demo page. */
  requestsSent = 0;
  postsRequested = 0;

  constructor(private readonly opts: AnnotatorOptions) {}

  /** One pass over the page; cheap when nothing changed (keys compare equal). */
  scan(): void {
    const doc = this.opts.root;
    const queue = new Map<string, PostInput>();
    for (const article of Array.from(doc.querySelectorAll(X.post))) {
      for (const post of extractPosts(article)) this.visit(post, queue);
    }
    this.removeStrayHosts();
    if (queue.size > 0) this.request([...queue.entries()]);
  }

  /** Forget every result (engine or chart provider changed) and annotate again. */
  reset(): void {
    this.cache.clear();
    this.failed.clear();
    for (const host of this.hosts()) host.dataset.tlKey = '';
    this.scan();
  }

  private hosts(): HTMLElement[] {
    return Array.from(this.opts.root.querySelectorAll<HTMLElement>(HOST_TAG));
  }

  private visit(post: ExtractedPost, queue: Map<string, PostInput>): void {
    if (!post.text.trim()) return;
    const key = postKey(post.id, post.text, post.lang);
    const host = this.hostFor(post.textEl);
    if (host.dataset.tlKey === key && host.dataset.tlState !== 'error') return;
    host.dataset.tlKey = key;
    host.dataset.tlId = post.id;
    host.dataset.tlRole = post.role;
    const cached = this.cache.get(key);
    if (cached) {
      this.show(host, cached, 'done');
      return;
    }
    // Recycled node or new post: drop whatever it showed before the answer arrives.
    this.show(host, NONE, 'pending');
    const failedAt = this.failed.get(key);
    if (failedAt !== undefined && this.now() - failedAt < (this.opts.retryAfterMs ?? 15_000)) {
      host.dataset.tlState = 'error';
      return;
    }
    if (this.inflight.has(key)) return;
    queue.set(key, { id: post.id, text: post.text, ...(post.lang ? { lang: post.lang } : {}) });
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private hostFor(textEl: Element): HTMLElement {
    const next = textEl.nextElementSibling;
    if (next && next.tagName.toLowerCase() === HOST_TAG) return next as HTMLElement;
    const host = this.opts.root.createElement(HOST_TAG);
    host.dataset.tlKey = '';
    textEl.insertAdjacentElement('afterend', host);
    return host;
  }

  /** Hosts whose text element X removed or replaced would otherwise keep stale chips. */
  private removeStrayHosts(): void {
    for (const host of this.hosts()) {
      const prev = host.previousElementSibling;
      if (!prev || !prev.matches(X.text)) host.remove();
    }
  }

  private show(host: HTMLElement, answer: Answer, state: 'pending' | 'done' | 'error'): void {
    const { chips } = answer;
    host.dataset.tlState = state;
    const coins = chips.filter((c) => c.kind === 'coin').map((c) => (c as { symbol: string }).symbol);
    host.dataset.tlSymbols = coins.join(' ');
    host.dataset.tlAddresses = String(chips.filter((c) => c.kind === 'address').length);
    host.dataset.tlEngine = answer.engine ?? '';
    host.hidden = chips.length === 0;
    this.opts.renderer.render(host, chips);
  }

  private request(entries: [string, PostInput][]): void {
    for (let i = 0; i < entries.length; i += MAX_BATCH) {
      const batch = entries.slice(i, i + MAX_BATCH);
      for (const [key] of batch) this.inflight.add(key);
      this.requestsSent++;
      this.postsRequested += batch.length;
      this.opts
        .detect(batch.map(([, p]) => p))
        .then((results) => {
          const byId = new Map(results.map((r) => [r.id, r]));
          for (const [key, post] of batch) {
            this.inflight.delete(key);
            const r = byId.get(post.id);
            if (!r) {
              this.fail(key);
              continue;
            }
            this.failed.delete(key);
            const answer = { chips: r.chips, engine: r.engine };
            this.cache.set(key, answer);
            this.deliver(key, answer);
          }
        })
        .catch(() => {
          for (const [key] of batch) {
            this.inflight.delete(key);
            this.fail(key);
          }
        });
    }
  }

  private fail(key: string): void {
    this.failed.set(key, this.now());
    for (const host of this.hosts()) if (host.dataset.tlKey === key) host.dataset.tlState = 'error';
  }

  /** Render into every host that still shows this key (a recycled node may have moved on). */
  private deliver(key: string, answer: Answer): void {
    for (const host of this.hosts()) if (host.dataset.tlKey === key) this.show(host, answer, 'done');
  }
}

// @vitest-environment happy-dom
/**
 * The Annotator's keying: posts keyed by status id + text, recycled DOM nodes
 * re-keyed at once, late replies never rendered into a node that moved on,
 * nothing asked twice.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { PostInput } from '../../utils/detector';
import type { Chip, PostChips } from '../../utils/messages';
import { Annotator, postKey } from '../../utils/x/annotator';
import { articleHtml, type MockPost } from '../../utils/x/mock-timeline';
import { HOST_TAG } from '../../utils/x/selectors';

const post = (id: string, text: string, extra: Partial<MockPost> = {}): MockPost => ({ id, author: { name: 'N', handle: 'n' }, lang: 'en', text, ...extra });

/** A fake engine: the coins are the $CASHTAGS in the text; replies wait until released. */
function fakeEngine() {
  const calls: PostInput[][] = [];
  const pending: (() => void)[] = [];
  let hold = false;
  const answer = (posts: PostInput[]): PostChips[] =>
    posts.map((p) => ({
      id: p.id,
      engine: 'lexicon',
      chips: [...p.text.matchAll(/\$([A-Z]+)/g)].map(
        (m): Chip => ({ kind: 'coin', symbol: m[1]!, href: `https://www.tradingview.com/chart/?symbol=${m[1]}`, confidence: 1, engine: 'lexicon', matched: [m[0]], unlisted: false }),
      ),
    }));
  return {
    calls,
    hold(on: boolean) {
      hold = on;
    },
    release() {
      pending.splice(0).forEach((f) => f());
    },
    detect(posts: PostInput[]): Promise<PostChips[]> {
      calls.push(posts);
      if (!hold) return Promise.resolve(answer(posts));
      return new Promise((resolve) => pending.push(() => resolve(answer(posts))));
    },
  };
}

const rendered: Map<Element, string[]> = new Map();
const renderer = { render: (host: HTMLElement, chips: Chip[]) => rendered.set(host, chips.map((c) => (c.kind === 'coin' ? c.symbol : c.address))) };
const flush = () => new Promise((r) => setTimeout(r, 0));

function hostOf(id: string): HTMLElement {
  return document.querySelector<HTMLElement>(`${HOST_TAG}[data-tl-id="${id}"]`)!;
}

/** Makes an existing article show another post the way X's reconciliation does: same nodes, new content. */
function recycle(article: Element, next: MockPost) {
  const tpl = document.createElement('template');
  tpl.innerHTML = articleHtml(next);
  const fresh = tpl.content.firstElementChild!;
  article.querySelector('a[href*="/status/"]')!.setAttribute('href', fresh.querySelector('a[href*="/status/"]')!.getAttribute('href')!);
  const text = article.querySelector('[data-testid="tweetText"]')!;
  text.innerHTML = fresh.querySelector('[data-testid="tweetText"]')!.innerHTML;
  text.setAttribute('lang', next.lang);
}

let engine: ReturnType<typeof fakeEngine>;
let annotator: Annotator;
let now = 0;

beforeEach(() => {
  rendered.clear();
  now = 0;
  document.body.innerHTML = [post('1', 'gm $BTC'), post('2', 'nothing here'), post('3', '$ETH and $SOL')].map(articleHtml).join('');
  engine = fakeEngine();
  annotator = new Annotator({ root: document, detect: (p) => engine.detect(p), renderer, retryAfterMs: 1000, now: () => now });
});

describe('Annotator keying', () => {
  test('one batched request for all new posts; each post gets its own chips after its text', async () => {
    annotator.scan();
    await flush();
    expect(engine.calls).toHaveLength(1);
    expect(engine.calls[0]!.map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(rendered.get(hostOf('1'))).toEqual(['BTC']);
    expect(rendered.get(hostOf('2'))).toEqual([]);
    expect(hostOf('2').hidden).toBe(true);
    expect(rendered.get(hostOf('3'))).toEqual(['ETH', 'SOL']);
    expect(hostOf('1').previousElementSibling?.getAttribute('data-testid')).toBe('tweetText');
  });

  test('scanning again without changes sends nothing', async () => {
    annotator.scan();
    await flush();
    annotator.scan();
    annotator.scan();
    await flush();
    expect(engine.calls).toHaveLength(1);
  });

  test('a recycled node showing another post gets that post\'s chips, never the stale ones', async () => {
    annotator.scan();
    await flush();
    const first = document.querySelector('article')!;
    const host = hostOf('1');
    recycle(first, post('9', 'moving to $DOGE'));
    engine.hold(true);
    annotator.scan();
    // Same host node, re-keyed at once: stale BTC chips are gone before the reply.
    expect(host.dataset.tlId).toBe('9');
    expect(host.dataset.tlState).toBe('pending');
    expect(rendered.get(host)).toEqual([]);
    engine.release();
    await flush();
    expect(rendered.get(host)).toEqual(['DOGE']);
    expect(host.dataset.tlSymbols).toBe('DOGE');
  });

  test('a late reply is not rendered into a node that moved on to another post', async () => {
    engine.hold(true);
    annotator.scan(); // asks for 1, 2, 3; replies held
    const first = document.querySelector('article')!;
    recycle(first, post('3', '$ETH and $SOL')); // node now shows post 3 (already in flight)
    annotator.scan();
    engine.release();
    await flush();
    const hosts = Array.from(document.querySelectorAll<HTMLElement>(HOST_TAG));
    expect(hosts.filter((h) => h.dataset.tlId === '1')).toHaveLength(0);
    expect(rendered.get(hosts[0]!)).toEqual(['ETH', 'SOL']);
    // Post 3 was in flight already: the recycled node waited for the same request.
    expect(engine.calls.flat().filter((p) => p.id === '3')).toHaveLength(1);
  });

  test('a node recycled back to a post seen before uses the cached chips (same id + same text → no request)', async () => {
    annotator.scan();
    await flush();
    const first = document.querySelector('article')!;
    recycle(first, post('9', '$DOGE'));
    annotator.scan();
    await flush();
    recycle(first, post('1', 'gm $BTC'));
    annotator.scan();
    expect(rendered.get(hostOf('1'))).toEqual(['BTC']); // synchronously, from the cache
    await flush();
    expect(engine.calls.flat().map((p) => p.id)).toEqual(['1', '2', '3', '9']);
  });

  test('same id with new text ("Show more" expanded) is detected again', async () => {
    annotator.scan();
    await flush();
    const text = document.querySelector('article [data-testid="tweetText"]')!;
    text.innerHTML = '<span>gm $BTC, and the rest of the post about $PEPE</span>';
    annotator.scan();
    await flush();
    expect(engine.calls).toHaveLength(2);
    expect(engine.calls[1]).toEqual([{ id: '1', text: 'gm $BTC, and the rest of the post about $PEPE', lang: 'en' }]);
    expect(rendered.get(hostOf('1'))).toEqual(['BTC', 'PEPE']);
  });

  test('a failed request marks the post and retries only after the wait', async () => {
    let fail = true;
    annotator = new Annotator({
      root: document,
      detect: (p) => (fail ? Promise.reject(new Error('engine down')) : engine.detect(p)),
      renderer,
      retryAfterMs: 1000,
      now: () => now,
    });
    annotator.scan();
    await flush();
    expect(hostOf('1').dataset.tlState).toBe('error');
    fail = false;
    annotator.scan();
    await flush();
    expect(engine.calls).toHaveLength(0);
    now = 1500;
    annotator.scan();
    await flush();
    expect(engine.calls).toHaveLength(1);
    expect(rendered.get(hostOf('1'))).toEqual(['BTC']);
  });

  test('reset() (engine or chart provider changed) asks again for what is on screen', async () => {
    annotator.scan();
    await flush();
    annotator.reset();
    await flush();
    expect(engine.calls).toHaveLength(2);
    expect(engine.calls[1]!.map((p) => p.id)).toEqual(['1', '2', '3']);
  });

  test('a host whose text node X replaced is removed', async () => {
    annotator.scan();
    await flush();
    const text = document.querySelector('article [data-testid="tweetText"]')!;
    const replacement = text.cloneNode(true) as Element;
    text.parentElement!.insertBefore(replacement, text);
    text.remove(); // our host now follows the new node… and is reused, not duplicated
    annotator.scan();
    await flush();
    expect(document.querySelectorAll(`${HOST_TAG}[data-tl-id="1"]`)).toHaveLength(1);
    const host = hostOf('1');
    host.remove();
    document.querySelector('article')!.appendChild(host); // a stray host away from any text
    annotator.scan();
    expect(host.isConnected).toBe(false);
  });

  test('post keys differ by id, text and language', () => {
    expect(postKey('1', 'a')).not.toBe(postKey('2', 'a'));
    expect(postKey('1', 'a')).not.toBe(postKey('1', 'b'));
    expect(postKey('1', 'a', 'en')).not.toBe(postKey('1', 'a', 'zh'));
  });
});

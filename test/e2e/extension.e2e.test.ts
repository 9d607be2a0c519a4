/**
 * The built extension on a fixture x.com timeline that recycles its rows like
 * X does. One browser for the whole file (launching Chromium is the slow part);
 * tests run in order and later ones build on the page state of earlier ones.
 */
import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { answerWith, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai-server';
import { FIXTURE_POSTS, type FixturePost } from '../fixtures/x/posts';
import { articleHtml } from '../../utils/x/mock-timeline';
import { chipsOnPage, corsProxy, launchHarness, urlOfOpenedTab, visiblePostIds, waitForSettled, type Harness } from './harness';

const byId = new Map(FIXTURE_POSTS.map((p) => [p.id, p]));
const sorted = (a: string[]) => [...a].sort();
const POLL = { timeout: 10_000, interval: 200 };
const LOCAL_ENGINES = ['local'];

let h: Harness;
let x: Page;

beforeAll(async () => {
  h = await launchHarness();
  h.setTimeline(FIXTURE_POSTS, { pool: 5 });
  x = await h.context.newPage();
  await x.goto('https://x.com/home');
});
afterAll(async () => h?.close());

/** Checks every post in the DOM shows exactly the chips its current content calls for. */
async function expectCorrectChips(expanded = new Set<string>()): Promise<string[]> {
  await waitForSettled(x);
  const ids = await visiblePostIds(x);
  const chips = await chipsOnPage(x);
  for (const id of ids) {
    const post = byId.get(id) as FixturePost;
    const want = expanded.has(id) ? post.expectExpanded! : post.expect;
    expect(chips[id]?.symbols, `post ${id}: "${post.text.slice(0, 40)}"`).toEqual(sorted(want));
    expect(chips[id]?.addresses ?? 0, `addresses of ${id}`).toBe(post.expectAddresses ?? 0);
    if (post.quote) expect(chips[`${id}/quote`]?.symbols, `quote in ${id}`).toEqual(sorted(post.expectQuote ?? []));
  }
  // No host anywhere may claim a post that is not (or no longer) shown.
  const shown = new Set(ids.flatMap((id) => [id, `${id}/quote`]));
  for (const hostId of Object.keys(chips)) expect(shown.has(hostId), `stale host for ${hostId}`).toBe(true);
  return ids;
}

async function scrollTo(y: number) {
  const before = await x.evaluate(() => (window as any).__TL_LAYOUTS__ ?? 0);
  const moved = await x.evaluate((top) => {
    const from = window.scrollY;
    window.scrollTo(0, top);
    return window.scrollY !== from;
  }, y);
  if (!moved) return; // already there (or clamped at the end): no scroll event, no layout
  // The virtualizer lays out on the next frame after a scroll event.
  await x.waitForFunction((n) => ((window as any).__TL_LAYOUTS__ ?? 0) > n, before, { timeout: 5000 }).catch(() => undefined);
}

describe('local engine on x.com', () => {
  test('right chips on the right posts: cashtags, names, Chinese, quoted post, stock tickers and plain posts', async () => {
    const ids = await expectCorrectChips();
    expect(ids.length).toBe(5);
    const chips = await chipsOnPage(x);
    // Decided by the trained model running in the offscreen document.
    expect(LOCAL_ENGINES).toContain(chips['1860000000000000001']!.engine);
    // The quoted post has its own chips, separate from the outer post's.
    expect(chips['1860000000000000004']!.symbols).toEqual(['SOL']);
    expect(chips['1860000000000000004/quote']!.symbols).toEqual(['ETH']);
  });

  test('chips never change X\'s own nodes: the post text is untouched and chips sit after it', async () => {
    const texts = await x.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="tweetText"]')).map((t) => ({
        html: t.innerHTML.includes('tickerlens'),
        next: t.nextElementSibling?.tagName.toLowerCase(),
        shadow: !!(t.nextElementSibling as HTMLElement | null)?.shadowRoot,
      })),
    );
    for (const t of texts) expect(t).toEqual({ html: false, next: 'tickerlens-chips', shadow: true });
  });

  test('scrolling recycles row nodes for other posts; each shows its new post\'s chips, never stale ones', async () => {
    // Tag the article nodes (a JS property survives X-style patching, attributes do not).
    const firstIds = await x.evaluate(() =>
      Array.from(document.querySelectorAll('article[data-testid="tweet"]')).map((a, i) => {
        (a as any).__tlNode = i;
        return a.querySelector('a[href*="/status/"]')!.getAttribute('href');
      }),
    );
    const seen = new Set<string>();
    for (let y = 300; y <= FIXTURE_POSTS.length * 300; y += 600) {
      await scrollTo(y);
      for (const id of await expectCorrectChips()) seen.add(id);
    }
    expect(seen.size).toBeGreaterThanOrEqual(FIXTURE_POSTS.length - 1);
    const recycled = await x.evaluate((initial) =>
      Array.from(document.querySelectorAll('article[data-testid="tweet"]')).filter((a) => {
        const i = (a as any).__tlNode;
        return i !== undefined && a.querySelector('a[href*="/status/"]')!.getAttribute('href') !== initial[i];
      }).length,
    firstIds);
    expect(recycled, 'article nodes reused for other posts').toBeGreaterThan(0);
  });

  test('nothing is asked twice: scrolling back over seen posts sends no new detect request', async () => {
    const before = await h.worker.evaluate(() => ({ ...(globalThis as any).__tickerlens }));
    // Every post (and the one quoted post) was asked for exactly once so far.
    expect(before.postsReceived).toBe(FIXTURE_POSTS.length + 1);
    for (let y = FIXTURE_POSTS.length * 300; y >= 0; y -= 900) {
      await scrollTo(y);
      await expectCorrectChips();
    }
    await scrollTo(0);
    await expectCorrectChips();
    const after = await h.worker.evaluate(() => ({ ...(globalThis as any).__tickerlens }));
    expect(after).toEqual(before);
  });

  test('"Show more" expands the text and the post is detected again', async () => {
    const id = '1860000000000000006';
    await scrollTo(4 * 300);
    await expectCorrectChips();
    await x.locator(`article:has(a[href$="/status/${id}"]) [data-testid="tweet-text-show-more-link"]`).click();
    await x.waitForFunction((pid) => document.querySelector<HTMLElement>(`tickerlens-chips[data-tl-id="${pid}"]`)?.dataset.tlSymbols === 'DOGE', id, { timeout: 10_000 });
    await expectCorrectChips(new Set([id]));
  });

  test('in local mode no request leaves for any host other than x.com', async () => {
    const foreign = h.requests.filter((r) => !/^(https:\/\/x\.com\/|chrome-extension:\/\/|data:|about:)/.test(r.url));
    expect(foreign).toEqual([]);
    // The page itself did load from x.com, so the recorder works.
    expect(h.requests.some((r) => r.url === 'https://x.com/home')).toBe(true);
  });

  test('a chip click opens the coin\'s chart in a new tab and does not open the post', async () => {
    await scrollTo(0);
    await expectCorrectChips();
    const chip = x.locator('tickerlens-chips[data-tl-id="1860000000000000001"]').locator('a[data-symbol="BTC"]');
    expect(await urlOfOpenedTab(h, () => chip.click())).toBe('https://www.tradingview.com/chart/?symbol=BINANCE%3ABTCUSDT');
    expect(await x.evaluate(() => (window as any).__TL_POST_OPENED__)).toBeUndefined();
    expect(x.url()).toBe('https://x.com/home');
  });

  test('chips are keyboard reachable: focus and Enter open the chart', async () => {
    const chip = x.locator('tickerlens-chips[data-tl-id="1860000000000000002"]').locator('a[data-symbol="ETH"]');
    await chip.focus();
    // The hover/focus card says why: matched words, confidence, engine.
    const card = x.locator('tickerlens-chips[data-tl-id="1860000000000000002"]').locator('.card');
    await expect.poll(() => card.first().isVisible(), POLL).toBe(true);
    const cardText = await card.first().innerText();
    expect(cardText).toContain('以太坊');
    expect(cardText).toMatch(/local model/);
    expect(await urlOfOpenedTab(h, () => x.keyboard.press('Enter'))).toBe('https://www.tradingview.com/chart/?symbol=BINANCE%3AETHUSDT');
    expect(await x.evaluate(() => (window as any).__TL_POST_OPENED__)).toBeUndefined();
  });

  test('a contract address gets its own chip opening the address chart', async () => {
    await scrollTo(10 * 300);
    await expectCorrectChips(new Set(['1860000000000000006']));
    const chip = x.locator('tickerlens-chips[data-tl-id="1860000000000000012"]').locator('a.address');
    expect(await chip.innerText()).toMatch(/solana\s*7GCihg…W2hr/);
    expect(await urlOfOpenedTab(h, () => chip.click())).toBe('https://dexscreener.com/solana/7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr');
  });

  test('the popup shows the local engine status and the most mentioned coins', async () => {
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('[data-testid="backend"]').innerText(), POLL).toMatch(/^(wasm|webgpu)$/);
    expect(Number(await popup.locator('[data-testid="posts-annotated"]').innerText())).toBe(FIXTURE_POSTS.length + 1);
    // Expected counts from the fixtures: posts (quoted and expanded ones included) per coin.
    const counts = new Map<string, number>();
    for (const p of FIXTURE_POSTS) {
      for (const s of new Set([...p.expect, ...(p.expectExpanded ?? [])])) counts.set(s, (counts.get(s) ?? 0) + 1);
      for (const s of p.expectQuote ?? []) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const top = (await popup.locator('[data-testid="top-coins"] li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const want = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s, n]) => `${s} · ${n}`);
    expect(top).toEqual(want);
    await popup.close();
  });
});

describe('settings apply to what is on screen', () => {
  const btc = () => x.locator('tickerlens-chips[data-tl-id="1860000000000000001"]').locator('a[data-symbol="BTC"]');

  test('changing the chart provider in Options re-links the chips', async () => {
    await scrollTo(0);
    await expectCorrectChips(new Set(['1860000000000000006']));
    const opts = await h.context.newPage();
    await opts.goto(`chrome-extension://${h.extensionId}/options.html`);
    await opts.selectOption('select[name="chartProvider"]', 'coingecko');
    await expect.poll(() => btc().getAttribute('href'), POLL).toBe('https://www.coingecko.com/en/coins/bitcoin');
    await opts.selectOption('select[name="chartProvider"]', 'okx');
    await expect.poll(() => btc().getAttribute('href'), POLL).toBe('https://www.okx.com/trade-spot/btc-usdt');
    await opts.selectOption('select[name="chartProvider"]', 'tradingview');
    await expect.poll(() => btc().getAttribute('href'), POLL).toBe('https://www.tradingview.com/chart/?symbol=BINANCE%3ABTCUSDT');
    await opts.close();
  });

  test('choosing 简体中文 in Options translates the chips and the popup', async () => {
    const opts = await h.context.newPage();
    await opts.goto(`chrome-extension://${h.extensionId}/options.html`);
    await opts.selectOption('select[name="language"]', 'zh_CN');
    await expect.poll(() => btc().getAttribute('aria-label'), POLL).toBe('打开 BTC 行情图');
    await expect.poll(() => opts.locator('h1').innerText(), POLL).toBe('TickerLens 设置');
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('button[data-engine="local"]').innerText(), POLL).toBe('本地');
    await popup.close();
    await opts.selectOption('select[name="language"]', 'en');
    await expect.poll(() => btc().getAttribute('aria-label'), POLL).toBe('Open BTC chart');
    await opts.close();
  });
});

describe('remote engine', () => {
  let fake: FakeOpenAI;
  let proxy: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    // A remote verdict no local engine would give: the bread post is "about" XRP.
    fake = await startFakeOpenAI({ handler: answerWith((p) => ({ coins: p.text.includes('Sourdough') ? ['XRP'] : [] })) });
    proxy = await corsProxy(fake.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await fake?.close();
  });

  test('options page validates the endpoint settings', async () => {
    const opts = await h.context.newPage();
    await opts.goto(`chrome-extension://${h.extensionId}/options.html`);
    await opts.fill('input[name="baseUrl"]', 'not a url');
    await opts.fill('input[name="model"]', 'fake-model');
    await opts.click('button[type="submit"]');
    await expect.poll(() => opts.locator('[data-testid="options-message"]').innerText(), POLL).toMatch(/baseUrl/);
    await opts.fill('input[name="baseUrl"]', proxy.url);
    await opts.click('button[type="submit"]');
    await expect.poll(() => h.worker.evaluate(() => (globalThis as any).chrome.storage.local.get('settings').then((v: any) => v.settings?.remote?.baseUrl)), POLL).toBe(proxy.url);
    await opts.close();
  });

  test('the popup switch changes the engine: remote chips come from the remote endpoint, then back to local', async () => {
    await scrollTo(0);
    await expectCorrectChips(new Set(['1860000000000000006']));
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    try {
      await remoteThenLocal(popup);
    } finally {
      // Leave the local engine selected for whatever runs next.
      await popup.click('button[data-engine="local"]').catch(() => undefined);
      await popup.close();
    }
  });

  async function remoteThenLocal(popup: Page) {
    await popup.click('button[data-engine="remote"]');
    await expect.poll(() => popup.locator('button[data-engine="remote"]').getAttribute('aria-pressed'), POLL).toBe('true');

    const bread = '1860000000000000003';
    await x.waitForFunction(
      (pid) => {
        const host = document.querySelector<HTMLElement>(`tickerlens-chips[data-tl-id="${pid}"]`);
        return host?.dataset.tlEngine === 'remote' && host.dataset.tlSymbols === 'XRP';
      },
      bread,
      { timeout: 20_000 },
    );
    const chips = await chipsOnPage(x);
    for (const id of await visiblePostIds(x)) expect(chips[id]!.engine, id).toBe('remote');
    expect(chips['1860000000000000001']!.symbols).toEqual([]); // the remote said no coin
    // The recorder sees the service worker's own requests, so the local-mode check above means something.
    expect(h.requests.some((r) => r.from === 'service-worker' && r.url.startsWith(proxy.url))).toBe(true);
    const asked = fake.requests.flatMap((r) => r.posts?.map((p) => p.text) ?? []);
    expect(asked).toContain(byId.get(bread)!.text);
    // The hover card names the remote engine.
    expect(await x.locator(`tickerlens-chips[data-tl-id="${bread}"]`).locator('dd[data-engine]').first().textContent()).toBe('remote');
    await expect.poll(() => popup.locator('[data-testid="status"]').innerText(), POLL).toMatch(/100\s*\/\s*20|[1-9]\d*00\s*\/\s*[1-9]\d*0/);
    // The endpoint works through CORS here; the popup still says no host access was granted.
    await expect.poll(() => popup.locator('[data-testid="no-host-permission"]').count(), POLL).toBe(1);

    await popup.click('button[data-engine="local"]');
    await x.waitForFunction(
      (pid) => ['local'].includes(document.querySelector<HTMLElement>(`tickerlens-chips[data-tl-id="${pid}"]`)?.dataset.tlEngine ?? ''),
      '1860000000000000001',
      { timeout: 10_000 },
    );
    await expectCorrectChips(new Set(['1860000000000000006']));
    expect((await chipsOnPage(x))[bread]).toMatchObject({ symbols: [], state: 'done' });
  }
});

describe('offscreen document', () => {
  test('when the offscreen document dies, the next batch recreates it and gets its chips', async () => {
    const contexts = () =>
      h.worker.evaluate(() => (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c: unknown[]) => c.length));
    expect(await contexts()).toBe(1);
    await h.worker.evaluate(() => (globalThis as any).chrome.offscreen.closeDocument());
    expect(await contexts()).toBe(0);
    // Posts never seen before, so neither cache can answer: only the local engine can.
    const again = FIXTURE_POSTS.slice(0, 4).map((p) => ({ ...p, id: p.id.replace(/^186/, '187'), text: `${p.text} again` }));
    h.setTimeline(again, { pool: 5 });
    const page = await h.context.newPage();
    await page.goto('https://x.com/home');
    await waitForSettled(page);
    const chips = await chipsOnPage(page);
    for (const p of again) expect(chips[p.id]?.symbols, p.text).toEqual(sorted(p.expect));
    expect(chips[`${again[3]!.id}/quote`]?.symbols).toEqual(['ETH']);
    expect(await contexts()).toBe(1);
    await page.close();
  });
});

describe('demo page', () => {
  test('the bundled demo timeline gets chips without X (screenshot for the README)', async () => {
    const demo = await h.context.newPage();
    await demo.setViewportSize({ width: 760, height: 1100 });
    await demo.goto(`chrome-extension://${h.extensionId}/demo.html`);
    await waitForSettled(demo);
    const chips = await chipsOnPage(demo);
    expect(chips['1900000000000000001']!.symbols).toEqual(['BTC', 'ETH']);
    expect(chips['1900000000000000002']!.symbols).toEqual(['BTC', 'DOGE', 'ETH']);
    expect(chips['1900000000000000003/quote']!.symbols).toEqual(['ETH']);
    expect(chips['1900000000000000004']!.symbols).toEqual([]);
    // Chips follow X's theme: the page background decides their palette.
    const barClass = () => demo.locator('tickerlens-chips[data-tl-id="1900000000000000001"]').locator('.bar').getAttribute('class');
    expect(await barClass()).toMatch(/\blight\b/);
    await demo.click('button[data-theme="dark"]');
    await expect.poll(barClass, POLL).toMatch(/\bdark\b/);
    await demo.click('button[data-theme="dim"]');
    await expect.poll(barClass, POLL).toMatch(/\bdim\b/);
    await demo.click('button[data-theme="light"]');
    await expect.poll(barClass, POLL).toMatch(/\blight\b/);
    // The README's screenshot is refreshed on request only, so test runs leave the checkout clean.
    const out = process.env.UPDATE_SCREENSHOT ? resolve(__dirname, '../fixtures/demo-screenshot.png') : resolve(tmpdir(), 'tickerlens-demo-screenshot.png');
    mkdirSync(resolve(out, '..'), { recursive: true });
    await demo.locator('tickerlens-chips[data-tl-id="1900000000000000003/quote"]').locator('a[data-symbol="ETH"]').hover();
    await demo.screenshot({ path: out, clip: { x: 0, y: 0, width: 760, height: 1100 } });
    expect(statSync(out).size).toBeGreaterThan(10_000);
    await demo.close();
  });
});

describe('other X hosts', () => {
  test.each(['https://twitter.com/home', 'https://mobile.x.com/home'])('%s gets chips too', async (url) => {
    h.setTimeline(FIXTURE_POSTS.slice(0, 2), { pool: 2 });
    const page = await h.context.newPage();
    await page.goto(url);
    await waitForSettled(page);
    const chips = await chipsOnPage(page);
    expect(chips['1860000000000000001']!.symbols).toEqual(['BTC']);
    expect(chips['1860000000000000002']!.symbols).toEqual(['ETH']);
    await page.close();
  });
});

describe('SPA navigation', () => {
  test('X swapping the timeline for a post page without a reload gets chips for the new content', async () => {
    h.setTimeline(FIXTURE_POSTS.slice(0, 3), { pool: 3 });
    const page = await h.context.newPage();
    await page.goto('https://x.com/home');
    await waitForSettled(page);
    const conversation = [
      { id: '1870000000000000101', author: { name: 'Thread', handle: 'thread' }, lang: 'en', text: 'Thread on $LINK and Chainlink oracles' },
      { id: '1870000000000000102', author: { name: 'Reply', handle: 'reply' }, lang: 'zh', text: '同意，以太坊生态离不开它' },
    ];
    await page.evaluate(
      ({ html }) => {
        history.pushState({}, '', '/thread/status/1870000000000000101');
        document.querySelector('section[role="region"] [aria-label]')!.innerHTML = html;
      },
      { html: conversation.map((p) => `<div data-testid="cellInnerDiv">${articleHtml(p)}</div>`).join('') },
    );
    await waitForSettled(page);
    const chips = await chipsOnPage(page);
    expect(Object.keys(chips).sort()).toEqual(['1870000000000000101', '1870000000000000102']);
    expect(chips['1870000000000000101']!.symbols).toEqual(['LINK']);
    expect(chips['1870000000000000102']!.symbols).toEqual(['ETH']);
    await page.close();
  });
});

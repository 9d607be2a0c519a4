/**
 * Launches Chromium with the built extension and serves x.com from fixtures.
 * Every request the browser makes (pages and the extension's service worker)
 * is recorded, so tests can assert where traffic went.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { timelineHtml, type TimelineOptions } from '../fixtures/x/timeline';
import type { MockPost } from '../../utils/x/mock-timeline';

export const EXTENSION_DIR = resolve(__dirname, '../../.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RecordedRequest {
  url: string;
  /** 'page' or 'service-worker'. */
  from: string;
  t: number;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  requests: RecordedRequest[];
  /** Serve this timeline at https://x.com/home. */
  setTimeline(posts: MockPost[], opts?: TimelineOptions): void;
  close(): Promise<void>;
}

const CHART_HOSTS = /^https:\/\/(www\.tradingview\.com|www\.coingecko\.com|dexscreener\.com|www\.binance\.com|www\.okx\.com)\//;

export async function launchHarness(): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no built extension at ${EXTENSION_DIR}: run \`npm run build\` first`);
  // Lets the context see (and route) the extension service worker's own requests.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = mkdtempSync(join(tmpdir(), 'tickerlens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new below: the old headless mode cannot load extensions
    viewport: { width: 900, height: 1000 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const requests: RecordedRequest[] = [];
  const t0 = Date.now();
  context.on('request', (req) => {
    requests.push({ url: req.url(), from: req.serviceWorker() ? 'service-worker' : 'page', t: Date.now() - t0 });
  });

  let page = '<!doctype html><title>X</title>';
  // x.com and the other hosts the content script matches serve the same fixtures.
  await context.route(/^https:\/\/(x\.com|twitter\.com|mobile\.x\.com|mobile\.twitter\.com)\//, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/home') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
    return route.fulfill({ status: 204, body: '' });
  });
  // Chart sites: answer locally so new tabs load without network.
  await context.route(CHART_HOSTS, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>chart</title>' }));

  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    worker,
    requests,
    setTimeline(posts, opts) {
      page = timelineHtml(posts, opts);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `action` and returns the URL of the tab it opened. With no network the
 * tab shows an error page whose frame URL no longer says where it was sent,
 * so the URL is read from the tab's navigation history. Closes the tab.
 */
export async function urlOfOpenedTab(h: Harness, action: () => Promise<unknown>): Promise<string> {
  const [tab] = await Promise.all([h.context.waitForEvent('page', { timeout: 10_000 }), action()]);
  await tab.waitForLoadState('domcontentloaded').catch(() => undefined);
  let url = '';
  for (let i = 0; i < 50 && !/^https?:/.test(url); i++) {
    // The tab may swap renderers while committing the error page: a fresh session each try.
    try {
      const cdp = await h.context.newCDPSession(tab);
      const { entries, currentIndex } = await cdp.send('Page.getNavigationHistory');
      url = entries[currentIndex]?.url ?? '';
      await cdp.detach().catch(() => undefined);
    } catch {
      url = '';
    }
    if (!/^https?:/.test(url)) await new Promise((r) => setTimeout(r, 100));
  }
  await tab.close();
  return url;
}

/** What the extension shows for each post currently in the DOM: status id (or "<id>/quote") → coins. */
export async function chipsOnPage(page: Page): Promise<Record<string, { symbols: string[]; state: string; engine: string; addresses: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { symbols: string[]; state: string; engine: string; addresses: number }> = {};
    for (const host of Array.from(document.querySelectorAll<HTMLElement>('tickerlens-chips'))) {
      const id = host.dataset.tlId ?? '?';
      out[id] = {
        symbols: (host.dataset.tlSymbols ?? '').split(' ').filter(Boolean).sort(),
        state: host.dataset.tlState ?? '',
        engine: host.dataset.tlEngine ?? '',
        addresses: Number(host.dataset.tlAddresses ?? 0),
      };
    }
    return out;
  });
}

/** Status ids of the posts the DOM shows now (main posts only), read the way X's markup states them. */
export async function visiblePostIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('article[data-testid="tweet"]')).map((a) => {
      const link = a.querySelector('a[href*="/status/"] time')?.parentElement;
      return /\/status\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? '?';
    }),
  );
}

/** Waits until every post text in the DOM has a host in state done for the post it shows now. */
export async function waitForSettled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const texts = Array.from(document.querySelectorAll('[data-testid="tweetText"]'));
      return (
        texts.length > 0 &&
        texts.every((t) => {
          const host = t.nextElementSibling as HTMLElement | null;
          // The post this text belongs to now, read from X's markup (a recycled node may still carry the old host state).
          const article = t.closest('article[data-testid="tweet"]');
          const link = Array.from(article?.querySelectorAll('a[href*="/status/"] time') ?? [])[0]?.parentElement;
          const id = /\/status\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1];
          const inQuote = !!t.closest('div[role="link"][tabindex="0"]');
          const want = inQuote ? `${id}/quote` : id;
          return host?.tagName.toLowerCase() === 'tickerlens-chips' && host.dataset.tlState === 'done' && host.dataset.tlId === want;
        })
      );
    },
    undefined,
    { timeout, polling: 50 },
  );
}

/**
 * Forwards to an OpenAI-compatible server adding CORS headers, as local
 * servers (llama.cpp, LM Studio, Ollama) do: the extension's service worker
 * can then call it without a host permission, which a headless test cannot grant.
 */
export async function corsProxy(targetBase: string): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(targetBase);
  const server: Server = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, authorization',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-private-network': 'true',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const up = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, { ...upRes.headers, ...cors });
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

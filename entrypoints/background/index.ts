/**
 * Background service worker: validates every message, routes detect batches
 * through the engine router, builds chips (registry + chart settings), opens
 * charts in new tabs, and keeps the popup's statistics.
 */
import { browser } from 'wxt/browser';
import { assetBySymbol } from '@/utils/registry';
import { chipsFor } from '@/utils/chips';
import { isChartUrl } from '@/utils/charts';
import { BackgroundRequest, describeIssues, type DetectReply, type Status, type StatusReply } from '@/utils/messages';
import { loadSettings, validRemote } from '@/utils/settings';
import { Stats } from '@/utils/stats';
import { EngineRouter, localStatus } from './router';
import { offscreenStatus } from './offscreen-client';

const STATS_KEY = 'stats';

export default defineBackground(() => {
  const lookup = assetBySymbol;
  let stats = new Stats();
  const statsLoaded = browser.storage.session
    .get(STATS_KEY)
    .then((v) => {
      stats = Stats.from(v[STATS_KEY]);
    })
    .catch(() => undefined);
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveStats = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void browser.storage.session.set({ [STATS_KEY]: stats.snapshot() }).catch(() => undefined), 1000);
  };
  const router = new EngineRouter((ms) => {
    stats.recordLatency(ms);
    saveStats();
  });

  // Read by the end-to-end tests (service worker evaluate) to prove nothing is asked twice.
  const counters = { detectMessages: 0, postsReceived: 0 };
  (globalThis as { __tickerlens?: unknown }).__tickerlens = counters;

  async function handleDetect(posts: Parameters<EngineRouter['detect']>[0]): Promise<DetectReply> {
    counters.detectMessages++;
    counters.postsReceived += posts.length;
    await statsLoaded;
    const settings = await loadSettings();
    const detections = await router.detect(posts, settings);
    const results = detections.map((d) => {
      stats.recordPost(d.id, d.coins.map((c) => c.symbol));
      return { id: d.id, engine: d.engine, chips: chipsFor(d, lookup, settings) };
    });
    saveStats();
    return { ok: true, results };
  }

  async function handleStatus(): Promise<StatusReply> {
    await statsLoaded;
    const settings = await loadSettings();
    let local = localStatus();
    if (settings.engine === 'local' || !local) {
      try {
        local = await offscreenStatus();
      } catch (e) {
        local = { backend: 'lexicon', error: String(e) };
      }
    }
    const rs = router.remoteStats();
    const remote = validRemote(settings);
    const hostPermission = remote.ok
      ? await browser.permissions.contains({ origins: [`${new URL(remote.value.baseUrl).origin}/*`] }).catch(() => false)
      : undefined;
    const status: Status = {
      engine: settings.engine,
      local,
      postsAnnotated: stats.annotated,
      medianLatencyMs: stats.medianLatency(),
      remote:
        settings.engine === 'remote' || rs
          ? {
              configured: !rs?.configError,
              tokensIn: rs?.tokensIn ?? 0,
              tokensOut: rs?.tokensOut ?? 0,
              costUsd: rs?.estimatedCostUsd ?? 0,
              lastError: rs?.configError ?? rs?.lastError,
              hostPermission,
            }
          : undefined,
      topCoinsLastHour: stats.topCoins(),
    };
    return { ok: true, status };
  }

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    // Messages for the offscreen document pass through every listener; not ours.
    if (raw && typeof raw === 'object' && 'target' in raw) return false;
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: `invalid message: ${describeIssues(parsed.error)}` });
      return false;
    }
    const msg = parsed.data;
    let work: Promise<unknown>;
    switch (msg.type) {
      case 'detect':
        work = handleDetect(msg.posts);
        break;
      case 'get-status':
        work = handleStatus();
        break;
      case 'open-chart':
        if (!isChartUrl(msg.url)) {
          sendResponse({ ok: false, error: 'not a chart URL' });
          return false;
        }
        work = browser.tabs
          .create({ url: msg.url, active: true, ...(sender.tab ? { index: sender.tab.index + 1, openerTabId: sender.tab.id } : {}) })
          .then(() => ({ ok: true }));
        break;
    }
    work.then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true;
  });
});

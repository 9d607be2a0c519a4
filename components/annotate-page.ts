/**
 * Wires the Annotator to the extension: detect requests and chart opening go
 * to the background as validated messages, chips render into shadow roots, a
 * frame-batched observer rescans, and settings changes (engine, chart
 * provider, language) re-annotate what is on screen. Shared by the x.com
 * content script and the bundled demo page.
 */
import { browser } from 'wxt/browser';
import type { PostInput } from '../utils/detector';
import { DetectReply, describeIssues, type PostChips } from '../utils/messages';
import { loadSettings, watchSettings, type Settings } from '../utils/settings';
import { resolveLanguage, translator, type Translate } from '../utils/i18n';
import { Annotator } from '../utils/x/annotator';
import { observeFrames } from '../utils/x/observer';
import { createShadowRenderer } from './shadow-renderer';

async function detectViaBackground(posts: PostInput[]): Promise<PostChips[]> {
  const raw = await browser.runtime.sendMessage({ type: 'detect', posts });
  const reply = DetectReply.safeParse(raw);
  if (!reply.success) throw new Error(`bad reply from background: ${describeIssues(reply.error)}`);
  if (!reply.data.ok) throw new Error(reply.data.error);
  return reply.data.results;
}

function openChart(url: string): void {
  browser.runtime.sendMessage({ type: 'open-chart', url }).catch(() => {
    // Background unreachable (extension reloaded): the page can still open it.
    window.open(url, '_blank', 'noopener,noreferrer');
  });
}

export interface PageAnnotation {
  annotator: Annotator;
  stop(): void;
}

export async function annotatePage(doc: Document): Promise<PageAnnotation> {
  let settings: Settings = await loadSettings();
  let t: Translate = translator(resolveLanguage(settings.language));
  const annotator = new Annotator({
    root: doc,
    detect: detectViaBackground,
    renderer: createShadowRenderer({ t: () => t, assetUrl: (p) => browser.runtime.getURL(`/${p}` as '/'), openChart }),
  });
  const observer = observeFrames(doc.body ?? doc.documentElement, () => annotator.scan());
  const unwatch = watchSettings((next) => {
    const prev = settings;
    settings = next;
    t = translator(resolveLanguage(next.language));
    const resultsChanged =
      prev.engine !== next.engine ||
      prev.chartProvider !== next.chartProvider ||
      prev.addressProvider !== next.addressProvider ||
      JSON.stringify(prev.remote) !== JSON.stringify(next.remote);
    if (resultsChanged || prev.language !== next.language) annotator.reset();
  });
  annotator.scan();
  return {
    annotator,
    stop() {
      observer.disconnect();
      unwatch();
    },
  };
}

/**
 * Offscreen document (reason WORKERS): hosts the local engine, which may need
 * WebAssembly / WebGPU and dynamic import — unavailable in the service worker.
 * It has only chrome.runtime, so everything arrives in messages.
 */
import { browser } from 'wxt/browser';
import { OffscreenRequest, describeIssues, isForOffscreen } from '@/utils/messages';
import { createLocalEngine, lexiconOnly, type LocalEngine } from './engine';
import { LexiconDetector } from '@/utils/lexicon';

let engine: Promise<LocalEngine> | undefined;
function getEngine(): Promise<LocalEngine> {
  engine ??= createLocalEngine().catch((e: unknown) => lexiconOnly(new LexiconDetector(), `local engine failed to start: ${String(e)}`));
  return engine;
}
// Start loading at once so the first batch does not pay for it alone.
void getEngine();

browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
  if (!isForOffscreen(raw)) return false;
  const parsed = OffscreenRequest.safeParse(raw);
  if (!parsed.success) {
    sendResponse({ ok: false, error: `invalid message: ${describeIssues(parsed.error)}` });
    return false;
  }
  const msg = parsed.data;
  (async () => {
    const e = await getEngine();
    if (msg.type === 'offscreen-status') return { ok: true, status: e.status() };
    const detections = await e.detect(msg.posts);
    return { ok: true, detections, status: e.status() };
  })().then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }));
  return true;
});

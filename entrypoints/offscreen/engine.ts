/**
 * The local engine hosted by the offscreen document: one Detector plus its
 * status for the popup.
 *
 * MODEL SWAP POINT — `createLocalEngine` (bottom of this file) is the only
 * place that chooses the local detector. To plug in the model
 * (utils/engines/local-model.ts), replace its body with:
 *
 *   const lexicon = new LexiconDetector();
 *   const model = createLocalModelDetector({
 *     assetBase: browser.runtime.getURL('/model/'),  // public/model/
 *     wasmPaths: browser.runtime.getURL('/ort/'),    // ORT .wasm/.mjs copied into public/ort/
 *   });
 *   const st = await model.ready().catch((e) => ({ ready: false, error: String(e) }) as const);
 *   if (!st.ready || !st.backend || st.backend === 'node') return lexiconOnly(lexicon, st.error ?? 'model not ready');
 *   return withFallback(model, lexicon, { backend: st.backend, modelVersion: st.modelVersion ?? undefined });
 *
 * (import `browser` from 'wxt/browser' and createLocalModelDetector from
 * '@/utils/engines/local-model'). Nothing else changes: messages, background
 * and popup already carry {backend: 'webgpu'|'wasm'|'lexicon', modelVersion?,
 * error?}, which travels with every detect reply and on 'offscreen-status'.
 * The manifest CSP already allows 'wasm-unsafe-eval'.
 */
import type { Detection, Detector, PostInput } from '@/utils/detector';
import { LexiconDetector } from '@/utils/lexicon';
import type { EngineStatus } from '@/utils/messages';

export interface LocalEngine {
  detect(posts: PostInput[]): Promise<Detection[]>;
  status(): EngineStatus;
}

/** The lexicon alone; `error` says why the model is not in use, when it should have been. */
export function lexiconOnly(lexicon: Detector, error?: string): LocalEngine {
  const status: EngineStatus = { backend: 'lexicon', ...(error ? { error } : {}) };
  return { detect: (posts) => lexicon.detect(posts), status: () => status };
}

/**
 * A primary detector (the model) that hands a batch to the fallback when it
 * throws, and keeps doing so after repeated failures; the status reports it.
 */
export function withFallback(primary: Detector, fallback: Detector, status: EngineStatus, maxFailures = 3): LocalEngine {
  let failures = 0;
  let current: EngineStatus = status;
  return {
    async detect(posts) {
      if (failures >= maxFailures) return fallback.detect(posts);
      try {
        const out = await primary.detect(posts);
        failures = 0;
        return out;
      } catch (e) {
        failures++;
        current = failures >= maxFailures ? { backend: 'lexicon', error: `model disabled after ${failures} failures: ${String(e)}` } : { ...status, error: String(e) };
        return fallback.detect(posts);
      }
    },
    status: () => current,
  };
}

export async function createLocalEngine(): Promise<LocalEngine> {
  return lexiconOnly(new LexiconDetector());
}

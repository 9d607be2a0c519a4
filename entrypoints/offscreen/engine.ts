/**
 * The local engine hosted by the offscreen document: the trained model
 * (utils/engines/local-model.ts) behind one Detector, with the lexicon as the
 * fallback when the model cannot load or keeps failing; plus its status for
 * the popup ({backend: 'webgpu'|'wasm'|'lexicon', modelVersion?, error?}).
 */
import type { Detection, Detector, PostInput } from '@/utils/detector';
import { browser } from 'wxt/browser';
import { createLocalModelDetector } from '@/utils/engines/local-model';
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
  const lexicon = new LexiconDetector();
  const model = createLocalModelDetector({
    // Folders, not files, so they are not among WXT's typed public paths.
    assetBase: new URL('model/', browser.runtime.getURL('/')).href, // public/model/
    wasmPaths: new URL('ort/', browser.runtime.getURL('/')).href, // onnxruntime-web files copied by wxt.config.ts
  });
  try {
    const st = await model.ready();
    if (!st.backend || st.backend === 'node') return lexiconOnly(lexicon, 'model runtime unavailable');
    return withFallback(model, lexicon, { backend: st.backend, ...(st.modelVersion ? { modelVersion: st.modelVersion } : {}) });
  } catch (e) {
    return lexiconOnly(lexicon, `model failed to load: ${String(e)}`);
  }
}

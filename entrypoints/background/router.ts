/**
 * Routes detect batches to the selected engine with an LRU cache by text hash
 * in front: local → offscreen document; remote → RemoteDetector, running here
 * in the service worker, with the local engine as its fallback for posts the
 * endpoint could not decide.
 */
import { LruCache, textHash } from '@/utils/cache';
import type { Detection, Detector, PostInput } from '@/utils/detector';
import { RemoteDetector, type RemoteStats } from '@/utils/engines/remote';
import type { EngineStatus } from '@/utils/messages';
import { validRemote, type Settings } from '@/utils/settings';
import { offscreenDetect } from './offscreen-client';

export const localDetector: Detector = {
  name: 'local',
  async detect(posts) {
    const { detections, status } = await offscreenDetect(posts);
    lastLocalStatus = status;
    return detections;
  },
};

let lastLocalStatus: EngineStatus | undefined;
export function localStatus(): EngineStatus | undefined {
  return lastLocalStatus;
}

type CachedDetection = Omit<Detection, 'id'>;

export class EngineRouter {
  private readonly cache = new LruCache<string, CachedDetection>(5000);
  private remote?: { key: string; detector: RemoteDetector };
  /** Last remote failure that kept the remote engine from running at all (bad settings). */
  private remoteConfigError?: string;

  constructor(private readonly onEngineCall: (ms: number) => void) {}

  remoteStats(): (RemoteStats & { configError?: string }) | undefined {
    if (!this.remote) return this.remoteConfigError ? ({ configError: this.remoteConfigError } as RemoteStats & { configError: string }) : undefined;
    return { ...this.remote.detector.stats(), configError: this.remoteConfigError };
  }

  private remoteDetector(settings: Settings): RemoteDetector | undefined {
    const valid = validRemote(settings);
    if (!valid.ok) {
      this.remoteConfigError = `remote engine not configured: ${valid.error}`;
      return undefined;
    }
    this.remoteConfigError = undefined;
    const key = JSON.stringify(valid.value);
    if (this.remote?.key !== key) this.remote = { key, detector: new RemoteDetector({ ...valid.value, fallback: localDetector }) };
    return this.remote.detector;
  }

  /** The cache key names the engine (and the remote endpoint/model), so switching engines re-decides. */
  private cacheKey(engine: string, post: PostInput): string {
    return `${engine}|${post.lang ?? ''}|${textHash(post.text)}`;
  }

  async detect(posts: PostInput[], settings: Settings): Promise<Detection[]> {
    const remote = settings.engine === 'remote' ? this.remoteDetector(settings) : undefined;
    const detector: Detector = remote ?? localDetector;
    const engineKey = remote ? `remote:${this.remote!.key}` : 'local';
    const out: (Detection | undefined)[] = posts.map((p) => {
      const hit = this.cache.get(this.cacheKey(engineKey, p));
      return hit ? { ...hit, id: p.id } : undefined;
    });
    const missing = posts.filter((_, i) => !out[i]);
    if (missing.length > 0) {
      const t0 = performance.now();
      const fresh = await detector.detect(missing);
      this.onEngineCall(performance.now() - t0);
      const byId = new Map(fresh.map((d) => [d.id, d]));
      posts.forEach((p, i) => {
        if (out[i]) return;
        const d = byId.get(p.id);
        if (!d) return;
        out[i] = d;
        const { id: _id, ...rest } = d;
        // Remote posts decided by the fallback are not cached as remote answers: retry them later.
        if (!remote || d.engine === 'remote') this.cache.set(this.cacheKey(engineKey, p), rest);
      });
    }
    return out.filter((d): d is Detection => !!d);
  }
}

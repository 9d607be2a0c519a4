/**
 * Browser entry for the model page: exposes the local model detector to
 * Playwright so tests and benchmarks can drive it on a chosen backend.
 */
import { createLocalModelDetector, type LocalModelDetector } from '../../utils/engines/local-model';
import type { PostInput } from '../../utils/detector';

const detectors = new Map<string, LocalModelDetector>();

async function load(backend: 'wasm' | 'webgpu'): Promise<number> {
  const t0 = performance.now();
  const d = createLocalModelDetector({ backend, assetBase: `${location.origin}/model/`, wasmPaths: `${location.origin}/ort/` });
  await d.ready();
  detectors.set(backend, d);
  return performance.now() - t0;
}

async function detect(backend: string, posts: PostInput[]) {
  const d = detectors.get(backend);
  if (!d) throw new Error(`backend ${backend} not loaded`);
  return d.detect(posts);
}

async function hasWebGpuAdapter(): Promise<boolean> {
  return !!(await (navigator as any).gpu?.requestAdapter());
}

(window as any).tickerlens = { load, detect, hasWebGpuAdapter };

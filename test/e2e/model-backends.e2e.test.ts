/**
 * The shipped model in Chromium: WebGPU (SwiftShader, a real WebGPU
 * implementation on the CPU) and WASM must decide the same coins. Runs on our
 * fixture posts always, and on a fixed sample of ../shared/data/dev.jsonl when
 * it is present (SwiftShader takes ~0.35 s per post, so the whole dev set is
 * `TICKERLENS_DEV_SAMPLE=all`, ~6 min here).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_POSTS } from '../fixtures/x/posts';
import { openModelPage, type ModelPage } from '../support/model-page';
import { sharedDataFile } from '../../utils/eval/shared-path';
import { readJsonl, TextRecord } from '../../utils/eval/dataset';
import type { Detection, PostInput } from '../../utils/detector';

let mp: ModelPage;
beforeAll(async () => {
  mp = await openModelPage();
});
afterAll(async () => mp?.close());

async function coinsBy(backend: 'wasm' | 'webgpu', posts: PostInput[]): Promise<string[][]> {
  const out: string[][] = [];
  for (let i = 0; i < posts.length; i += 16) {
    const batch = posts.slice(i, i + 16);
    const res: Detection[] = await mp.page.evaluate(([b, p]) => (window as any).tickerlens.detect(b, p), [backend, batch] as const);
    for (const d of res) out.push(d.coins.map((c) => c.symbol).sort());
  }
  return out;
}

describe('local model in Chromium', () => {
  test('a real WebGPU adapter is there (SwiftShader) and both backends load', async () => {
    expect(await mp.page.evaluate(() => (window as any).tickerlens.hasWebGpuAdapter())).toBe(true);
    for (const b of ['wasm', 'webgpu']) expect(await mp.page.evaluate((b) => (window as any).tickerlens.load(b), b)).toBeGreaterThan(0);
  });

  test('WebGPU and WASM give the same coins on the fixture posts', async () => {
    const posts = FIXTURE_POSTS.map((p) => ({ id: p.id, text: p.text, lang: p.lang }));
    const wasm = await coinsBy('wasm', posts);
    expect(await coinsBy('webgpu', posts)).toEqual(wasm);
    // The model finds coins at all (not an empty answer twice).
    expect(wasm.flat().length).toBeGreaterThan(5);
  });

  const dev = sharedDataFile('dev.jsonl');
  test.skipIf(!dev)('WebGPU and WASM give the same coins on dev posts (skips without ../shared/data/dev.jsonl)', { timeout: 3_600_000 }, async () => {
    const all = readJsonl(dev!, TextRecord).map((r) => ({ id: r.id, text: r.text }));
    const sample = process.env.TICKERLENS_DEV_SAMPLE;
    // Every k-th post: a spread over sources and languages, the same one every run.
    const step = sample === 'all' ? 1 : Math.ceil(all.length / Number(sample ?? 40));
    const posts = all.filter((_, i) => i % step === 0);
    const [wasm, gpu] = [await coinsBy('wasm', posts), await coinsBy('webgpu', posts)];
    const differing = posts.filter((_, i) => JSON.stringify(wasm[i]) !== JSON.stringify(gpu[i])).map((p) => p.id);
    expect(differing).toEqual([]);
  });
});

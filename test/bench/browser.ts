/**
 * Local model in Chromium (`npm run bench:browser`): load time and median
 * ms/post at batch 1 and 16 on onnxruntime-web WASM and WebGPU (SwiftShader,
 * the only adapter on a machine without a GPU), plus the packed extension size
 * when .output/chrome-mv3 exists. Human lines, then one JSON line.
 *
 * Posts: a fixed sample of ../shared/data/silver.jsonl when present, else the
 * fixture timeline's posts. Env: BENCH_POSTS (WASM, default 64),
 * BENCH_GPU_POSTS (WebGPU, default 16: SwiftShader is slow).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { openModelPage } from '../support/model-page';
import { median, sampleSilverPosts } from './sample';
import { FIXTURE_POSTS } from '../fixtures/x/posts';
import type { PostInput } from '../../utils/detector';

const ROOT = resolve(import.meta.dirname, '../..');
const N = Number(process.env.BENCH_POSTS ?? 64);
const N_GPU = Number(process.env.BENCH_GPU_POSTS ?? 16);

const samplePosts = (n: number): PostInput[] =>
  sampleSilverPosts(n) ?? Array.from({ length: n }, (_, i) => ({ id: String(i), text: FIXTURE_POSTS[i % FIXTURE_POSTS.length]!.text }));

/** Deflated size of every file in a folder: what a .zip of the extension weighs, give or take headers. */
function packedBytes(dir: string): { files: number; unpacked: number; packed: number } {
  let files = 0, unpacked = 0, packed = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const buf = readFileSync(p);
        files++;
        unpacked += buf.length;
        packed += deflateRawSync(buf, { level: 9 }).length;
      }
    }
  };
  walk(dir);
  return { files, unpacked, packed };
}

const mp = await openModelPage();
const results: Record<string, unknown> = {};
try {
  for (const backend of ['wasm', 'webgpu'] as const) {
    const posts = samplePosts(backend === 'wasm' ? N : N_GPU);
    const loadMs = await mp.page.evaluate((b) => (window as any).tickerlens.load(b), backend);
    await mp.page.evaluate(([b, p]) => (window as any).tickerlens.detect(b, p), [backend, posts.slice(0, 2)] as const); // warm-up
    const row: Record<string, number> = { loadMs: Math.round(loadMs), posts: posts.length };
    for (const batch of [1, 16]) {
      const perPost: number[] = [];
      for (let i = 0; i < posts.length; i += batch) {
        const part = posts.slice(i, i + batch);
        const ms = await mp.page.evaluate(async ([b, p]) => {
          const t0 = performance.now();
          await (window as any).tickerlens.detect(b, p);
          return performance.now() - t0;
        }, [backend, part] as const);
        perPost.push(ms / part.length);
      }
      row[`msPerPostBatch${batch}`] = Number(median(perPost).toFixed(2));
    }
    results[backend] = row;
    console.log(`chromium ${backend}: load ${row.loadMs} ms; median ${row.msPerPostBatch1} ms/post at batch 1, ${row.msPerPostBatch16} ms/post at batch 16 (${posts.length} posts)`);
  }
} finally {
  await mp.close();
}
const ext = resolve(ROOT, '.output/chrome-mv3');
if (existsSync(join(ext, 'manifest.json'))) {
  const size = packedBytes(ext);
  results.extension = size;
  console.log(`extension: ${size.files} files, ${(size.unpacked / 1e6).toFixed(1)} MB unpacked, ~${(size.packed / 1e6).toFixed(1)} MB packed`);
}
console.log(JSON.stringify({ bench: 'browser', ...results }));

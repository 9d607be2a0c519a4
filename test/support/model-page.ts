/**
 * Serves the local model to Chromium on its own (no extension): a bundled
 * page at https://model.tickerlens.test/ with the shipped model files and the
 * onnxruntime-web runtime, launched with SwiftShader WebGPU so both the WASM
 * and the WebGPU backends are real.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ORIGIN = 'https://model.tickerlens.test';
const ORT_DIST = dirname(createRequire(import.meta.url).resolve('onnxruntime-web/webgpu'));
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.onnx': 'application/octet-stream' };

export interface ModelPage {
  page: Page;
  close(): Promise<void>;
}

export async function openModelPage(): Promise<ModelPage> {
  const out = await build({
    entryPoints: [join(ROOT, 'test/support/model-page-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const bundle = out.outputFiles[0]!.text;
  const userDataDir = mkdtempSync(join(tmpdir(), 'tickerlens-model-'));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    args: [
      '--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader',
    ],
  });
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const ext = path.slice(path.lastIndexOf('.'));
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/page.js"></script>' });
    if (path === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
    const file = path.startsWith('/ort/') ? join(ORT_DIST, path.slice(5)) : path.startsWith('/model/') ? join(ROOT, 'public', path) : null;
    if (!file) return route.fulfill({ status: 404, body: '' });
    try {
      return route.fulfill({ contentType: TYPES[ext] ?? 'application/octet-stream', body: readFileSync(file) });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => !!(window as any).tickerlens);
  return {
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

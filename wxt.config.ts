import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// onnxruntime-web's WebGPU build (it also runs the WASM backend), shipped inside
// the extension so nothing is fetched from a CDN. The offscreen document points
// `wasmPaths` at /ort/.
const ORT_FILES = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'];
const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web/webgpu'));

export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const f of ORT_FILES) files.push({ absoluteSrc: join(ortDist, f), relativeDest: `ort/${f}` });
    },
  },
  vite: () => ({
    // Prefresh (hot reload) is dev-only and pulls in extra runtime; builds need only JSX + compat.
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'offscreen'],
    // Remote engine endpoints: asked for at run time from the options page, for the configured origin only.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: {
      // 'wasm-unsafe-eval': the local model (onnxruntime-web) compiles WebAssembly in the offscreen document.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    web_accessible_resources: [
      {
        resources: ['icons/*'],
        matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
      },
    ],
  },
});

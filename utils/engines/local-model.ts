/**
 * The 'local' engine: the char-level dilated-conv tagger (public/model/) loaded through
 * @huggingface/transformers from local files only — onnxruntime-node in Node (eval /
 * analyze / server), onnxruntime-web (WASM, or WebGPU when a hardware adapter exists)
 * in the extension's offscreen document. The model is called directly (not through
 * pipeline()) because it takes the lexicon features as a second input.
 *
 * Per post: normalize → lexicon candidates → char ids + features → model (batched,
 * posts grouped by length (utils/model/batching.ts) and padded to the longest in the batch; posts longer than
 * `windowSize` run as overlapping windows) → decode (utils/model/decode.ts).
 * Posts with no lexicon candidate and no `$`, `#` or `@` skip the model
 * (`skipPlain`): with nothing coin-like in them the model finds nothing there
 * in practice, and this keeps a timeline of ordinary posts cheap.
 */
import { z } from 'zod';
import type { Detection, Detector, PostInput } from '../detector';
import type { Candidate } from '../lexicon/candidate';
import { normalize, type NormalizedText } from '../normalize';
import { encodeFeatures, N_FEATURES } from '../model/features';
import { encodeChars, loadVocab, type CharVocab } from '../model/tokenizer';
import { decodePost, tagProbs } from '../model/decode';
import { planBatches, windowInputs, type ModelInput } from '../model/batching';

export type LocalBackend = 'node' | 'wasm' | 'webgpu';

export interface LexiconFns {
  findCandidates(text: string): Candidate[];
  findAddresses(text: string): { chain: string; address: string; start: number; end: number }[];
  resolveSurface(surface: string): string | undefined;
}

export interface LocalModelOptions {
  /**
   * Folder holding config.json, vocab.json, aliases.json and onnx/: a file path in
   * Node (default: <repo>/public/model), a URL in the browser
   * (e.g. `browser.runtime.getURL('/model/')`).
   */
  assetBase?: string;
  /** 'auto' (default): node in Node; in a browser webgpu when `navigator.gpu.requestAdapter()` gives a hardware adapter, else wasm. */
  backend?: LocalBackend | 'auto';
  /** Use the int8 weight-only file (default true; ~4× smaller, same argmax in our checks). */
  quantized?: boolean;
  /** Where onnxruntime-web finds its .wasm/.mjs files (must be local, e.g. `browser.runtime.getURL('/ort/')`). */
  wasmPaths?: string;
  /** The lexicon functions (default: utils/lexicon/index). */
  lexicon?: LexiconFns;
  batchSize?: number;
  windowSize?: number;
  skipPlain?: boolean;
  /** Decode thresholds on mean P(coin) (utils/model/decode.ts DECODE_DEFAULTS). */
  decode?: { threshold?: number; rejectedThreshold?: number; unlistedThreshold?: number; newKnownThreshold?: number };
}

export interface LocalModelStatus {
  ready: boolean;
  backend: LocalBackend | null;
  modelVersion: string | null;
  /** Sequences (posts or windows) sent through the model so far; plain posts that skip it add none. */
  sequencesRun: number;
  error?: string;
}

export interface LocalModelDetector extends Detector {
  /** Loads model + runtime (idempotent); `detect` calls it too. */
  ready(): Promise<LocalModelStatus>;
  status(): LocalModelStatus;
}

const ModelConfig = z.object({
  modelVersion: z.string(),
  tags: z.array(z.string()).length(3),
  vocabSize: z.number().int().positive(),
  featureSizes: z.array(z.number().int().positive()),
  maxLength: z.number().int().positive().default(512),
  files: z.object({ fp32: z.string().nullable(), quantized: z.string() }),
});
const AliasFile = z.object({ version: z.literal(1), aliases: z.record(z.string(), z.string()) });

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof (globalThis as any).window === 'undefined';

/** Module names behind variables so the extension bundler leaves Node-only imports alone. */
const NODE_FS = 'node:fs/promises';
const NODE_PATH = 'node:path';
const NODE_URL = 'node:url';

async function defaultAssetBase(): Promise<string> {
  if (!isNode) return '/model/';
  const path = await import(/* @vite-ignore */ NODE_PATH);
  const url = await import(/* @vite-ignore */ NODE_URL);
  const here = path.dirname(url.fileURLToPath(import.meta.url));
  return path.resolve(here, '../../public/model') + '/';
}

async function readAsset(base: string, name: string): Promise<Uint8Array> {
  if (isNode && !/^(https?|chrome-extension|moz-extension):/.test(base)) {
    const fs = await import(/* @vite-ignore */ NODE_FS);
    const path = await import(/* @vite-ignore */ NODE_PATH);
    return new Uint8Array(await fs.readFile(path.join(base, name)));
  }
  const res = await fetch(new URL(name, base.endsWith('/') ? base : base + '/').toString());
  if (!res.ok) throw new Error(`local model: cannot load ${name} (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

const readJson = async (base: string, name: string) => JSON.parse(new TextDecoder().decode(await readAsset(base, name)));

async function pickBackend(wanted: LocalModelOptions['backend']): Promise<LocalBackend> {
  if (wanted && wanted !== 'auto') return wanted;
  if (isNode) return 'node';
  const gpu = (globalThis as any).navigator?.gpu;
  if (gpu) {
    try {
      // `navigator.gpu` can exist with no adapter, or with only a software
      // fallback adapter (SwiftShader: ~35× slower than WASM for this model here).
      const adapter = await gpu.requestAdapter();
      if (adapter && !(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter)) return 'webgpu';
    } catch {
      /* no adapter: WASM */
    }
  }
  return 'wasm';
}

interface Loaded {
  /** A transformers.js PreTrainedModel: `model({input_ids, features})` → {logits}. */
  model: any;
  Tensor: any;
  vocab: CharVocab;
  aliases: Map<string, string>;
  config: z.infer<typeof ModelConfig>;
  lexicon: LexiconFns;
  backend: LocalBackend;
}

interface Prepared {
  post: PostInput;
  norm: NormalizedText;
  candidates: Candidate[];
  /** Char ids and features; absent when the post skips the model. */
  input?: ModelInput;
}

export function createLocalModelDetector(opts: LocalModelOptions = {}): LocalModelDetector {
  const batchSize = opts.batchSize ?? 16;
  const skipPlain = opts.skipPlain ?? true;
  let loading: Promise<Loaded> | null = null;
  let loaded: Loaded | null = null;
  let state: LocalModelStatus = { ready: false, backend: null, modelVersion: null, sequencesRun: 0 };

  async function load(): Promise<Loaded> {
    const base = opts.assetBase ?? (await defaultAssetBase());
    const config = ModelConfig.parse(await readJson(base, 'config.json'));
    const vocab = loadVocab(await readJson(base, 'vocab.json'));
    if (vocab.size !== config.vocabSize) throw new Error(`local model: vocab has ${vocab.size} ids, model expects ${config.vocabSize}`);
    if (config.featureSizes.length !== N_FEATURES) throw new Error(`local model: expects ${config.featureSizes.length} feature channels, code has ${N_FEATURES}`);
    const aliases = new Map(Object.entries(AliasFile.parse(await readJson(base, 'aliases.json')).aliases));
    // The lexicon first: imported after onnxruntime-web has started, it took ~30 s under tsx in Node.
    const lexicon = opts.lexicon ?? ((await import('../lexicon/index')) as unknown as LexiconFns);
    const backend = await pickBackend(opts.backend);
    const file = opts.quantized === false ? config.files.fp32 : config.files.quantized;
    if (!file) throw new Error('local model: fp32 weights are not shipped (config.files.fp32 is null); use the quantized model');
    // transformers.js resolves `<localModelPath>/<id>/onnx/model[_quantized].onnx`: split the asset folder into the two.
    const folder = base.replace(/\/+$/, '');
    const cut = folder.lastIndexOf('/');
    const { env, PreTrainedModel, Tensor } = await import('@huggingface/transformers');
    env.allowRemoteModels = false; // never a hub or CDN
    env.allowLocalModels = true; // defaults to false in browsers
    env.localModelPath = folder.slice(0, cut + 1);
    env.useBrowserCache = false; // the Cache API rejects chrome-extension:// URLs
    const wasm = env.backends.onnx.wasm!;
    wasm.numThreads = 1; // extension pages are not cross-origin isolated
    if (opts.wasmPaths) wasm.wasmPaths = opts.wasmPaths;
    const model = await PreTrainedModel.from_pretrained(folder.slice(cut + 1), {
      local_files_only: true,
      dtype: file === config.files.quantized ? 'q8' : 'fp32',
      device: backend === 'node' ? 'cpu' : backend,
    });
    return { model, Tensor, vocab, aliases, config, lexicon, backend };
  }

  async function ready(): Promise<LocalModelStatus> {
    if (!loading) {
      loading = load().then(
        (l) => {
          loaded = l;
          state = { ready: true, backend: l.backend, modelVersion: l.config.modelVersion, sequencesRun: 0 };
          return l;
        },
        (err) => {
          state = { ready: false, backend: null, modelVersion: null, sequencesRun: 0, error: String(err?.message ?? err) };
          loading = null;
          throw err;
        },
      );
    }
    await loading;
    return state;
  }

  /** Run one batch of equal-treatment sequences (ids/feats slices), return per-sequence probabilities. */
  async function runBatch(l: Loaded, seqs: { ids: Int32Array; feats: Uint8Array }[]): Promise<Float32Array[]> {
    const B = seqs.length;
    const T = Math.max(...seqs.map((s) => s.ids.length));
    const ids = new BigInt64Array(B * T);
    const feats = new BigInt64Array(B * T * N_FEATURES);
    seqs.forEach((s, b) => {
      for (let t = 0; t < s.ids.length; t++) ids[b * T + t] = BigInt(s.ids[t]!);
      const o = b * T * N_FEATURES;
      for (let k = 0; k < s.feats.length; k++) feats[o + k] = BigInt(s.feats[k]!);
    });
    const out = await l.model({
      input_ids: new l.Tensor('int64', ids, [B, T]),
      features: new l.Tensor('int64', feats, [B, T, N_FEATURES]),
    });
    const logits = out.logits.data as Float32Array;
    state.sequencesRun += B;
    return seqs.map((s, b) => tagProbs(logits, s.ids.length, b * T * 3));
  }

  async function detect(posts: PostInput[]): Promise<Detection[]> {
    const l = loaded ?? (await ready(), loaded!);
    const W = Math.min(opts.windowSize ?? l.config.maxLength, l.config.maxLength);
    const prepared: Prepared[] = posts.map((raw) => {
      const post = raw;
      const norm = normalize(post.text);
      const candidates = l.lexicon.findCandidates(post.text);
      const p: Prepared = { post, norm, candidates };
      if (norm.text.length > 0 && (!skipPlain || candidates.length > 0 || /[$#@]/.test(post.text))) {
        p.input = { ids: encodeChars(norm.text, l.vocab), feats: encodeFeatures(post.text, norm, candidates) };
      }
      return p;
    });
    const seqs = windowInputs(prepared.map((p) => p.input), W);
    const seqProbs: Float32Array[] = new Array(seqs.length);
    for (const part of planBatches(seqs.map((s) => s.ids.length), batchSize)) {
      const res = await runBatch(l, part.map((j) => seqs[j]!));
      part.forEach((j, n) => (seqProbs[j] = res[n]!));
    }
    // Stitch windows: average probabilities where windows overlap.
    const sums = new Map<number, { probs: Float32Array; n: Uint16Array }>();
    seqs.forEach((s, j) => {
      const T = prepared[s.post]!.input!.ids.length;
      let acc = sums.get(s.post);
      if (!acc) sums.set(s.post, (acc = { probs: new Float32Array(T * 3), n: new Uint16Array(T) }));
      const pr = seqProbs[j]!;
      for (let t = 0; t < s.ids.length; t++) {
        for (let c = 0; c < 3; c++) acc.probs[(s.start + t) * 3 + c]! += pr[t * 3 + c]!;
        acc.n[s.start + t]! += 1;
      }
    });
    return prepared.map((p, k) => {
      const addresses = l.lexicon
        .findAddresses(p.post.text)
        .filter((a) => ['evm', 'solana', 'tron', 'sui'].includes(a.chain))
        .map((a) => ({ chain: a.chain as Detection['addresses'][number]['chain'], address: a.address, start: a.start, end: a.end }));
      const acc = sums.get(k);
      if (!acc) return { id: p.post.id, coins: [], spans: [], addresses, engine: 'local' as const };
      for (let t = 0; t < acc.n.length; t++) for (let c = 0; c < 3; c++) acc.probs[t * 3 + c]! /= acc.n[t] || 1;
      const { coins, spans } = decodePost(p.post.text, p.norm, acc.probs, p.candidates, {
        resolveSurface: (s) => l.lexicon.resolveSurface(s),
        aliases: l.aliases,
        ...opts.decode,
      });
      return { id: p.post.id, coins, spans, addresses, engine: 'local' as const };
    });
  }

  return { name: 'local', detect, ready, status: () => ({ ...state }) };
}

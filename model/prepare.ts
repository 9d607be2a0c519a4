/**
 * Training-data prep for the local model (run with tsx). Uses the runtime's own
 * normalize / tokenizer / feature code so training and inference agree.
 *
 *   tsx model/prepare.ts [--smoke] [--out model/runs/data] [--pool 8000] [--synth 8000]
 *
 * Sources: ../shared/data/silver.jsonl (gold; 10% held out for validation by id hash),
 * model/data/annotations/*.jsonl (gold, joined with pool by id; 10% held out the same way), a sample of
 * ../shared/data/pool.jsonl with weak lexicon labels, synthetic posts, and
 * ticker-swapped silver copies. dev.jsonl is read only to keep its posts out.
 *
 * Output (binary, read by model/train.py): {train,val}.{ids.u16,feats.u8,labels.i8},
 * {train,val}.index.json, vocab.json, aliases.json, meta.json, silver_val.jsonl, annotation_val.jsonl.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { normalize } from '../utils/normalize';
import { readJsonl } from '../utils/eval/dataset';
import { buildVocab, encodeChars, loadVocab } from '../utils/model/tokenizer';
import { encodeFeatures, FEATURE_CHANNELS, LEXICON_CHANNELS, N_FEATURES } from '../utils/model/features';
import { candidateTokens, labelGold, labelWeak, MASK } from './labels';
import { loadLexicon } from './candidates';
import { makeSynth, mulberry32 } from './synth';
import { sharedDir } from '../utils/eval/shared-path';
import { registry } from '../utils/registry/index';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = sharedDir();

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return (i >= 0 ? args[i + 1] : undefined) ?? def;
};
const SMOKE = flag('--smoke');
const OUT = resolve(ROOT, opt('--out', SMOKE ? 'model/runs/smoke/data' : 'model/runs/data'));
// Weakly labelled pool posts (lexicon verdicts as labels) are off by default: with 17k
// annotated posts they only taught the model to copy the lexicon (annotation holdout
// 79.7% with 8,000 of them, 80.9% without).
const N_POOL = Number(opt('--pool', SMOKE ? '200' : '0'));
const N_SYNTH = Number(opt('--synth', SMOKE ? '200' : '6000'));
const N_SILVER = SMOKE ? 300 : Infinity;
const TRAIN_WINDOW = 256;
const TRAIN_STRIDE = 192;
const VAL_WINDOW = 512;
// Silver is closest to what we are measured on; the rest helps coverage but follows its own conventions.
const WEIGHTS = { silver: 1.0, unsure: 0.5, annotation: 0.7, swap: 0.5, synth: 0.3, pool: 0.3 };

const Labeled = z.object({
  id: z.coerce.string(),
  text: z.string(),
  coins: z.array(z.string()),
  mentions: z.array(z.tuple([z.string(), z.string()])).default([]),
  unsure: z.boolean().optional(),
});
const Annotation = Labeled.omit({ text: true });
const PoolPost = z.object({ id: z.coerce.string(), text: z.string(), lang: z.string().optional() });

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

interface Example {
  text: string;
  labels: Int8Array;
  weight: number;
  src: string;
}

class Writer {
  ids: number[] = [];
  feats: number[] = [];
  labels: number[] = [];
  index: { off: number; len: number; w: number; src: string }[] = [];
  add(ids: Int32Array, feats: Uint8Array, labels: Int8Array, s: number, e: number, w: number, src: string) {
    // Windows with nothing to learn (all masked) are dropped.
    let any = false;
    for (let i = s; i < e; i++) if (labels[i] !== MASK) any = true;
    if (!any) return;
    this.index.push({ off: this.ids.length, len: e - s, w, src });
    for (let i = s; i < e; i++) {
      this.ids.push(ids[i]!);
      this.labels.push(labels[i]!);
      for (let k = 0; k < N_FEATURES; k++) this.feats.push(feats[i * N_FEATURES + k]!);
    }
  }
  save(dir: string, name: string) {
    writeFileSync(join(dir, `${name}.ids.u16`), Buffer.from(new Uint16Array(this.ids).buffer));
    writeFileSync(join(dir, `${name}.feats.u8`), Buffer.from(new Uint8Array(this.feats).buffer));
    writeFileSync(join(dir, `${name}.labels.i8`), Buffer.from(new Int8Array(this.labels).buffer));
    writeFileSync(join(dir, `${name}.index.json`), JSON.stringify(this.index));
  }
}

async function main() {
  const t0 = Date.now();
  mkdirSync(OUT, { recursive: true });
  const lex = await loadLexicon(!SMOKE && !flag('--no-lexicon'));

  let silver = readJsonl(join(SHARED, 'data/silver.jsonl'), Labeled);
  const pool = readJsonl(join(SHARED, 'data/pool.jsonl'), PoolPost);
  const devPath = join(SHARED, 'data/dev.jsonl');
  // dev is read only to exclude its posts (by id and by normalized text) from every training source.
  const dev = existsSync(devPath) ? readJsonl(devPath, PoolPost) : [];
  const devIds = new Set(dev.map((d) => d.id));
  const devTexts = new Set(dev.map((d) => normalize(d.text).text.trim()));
  const isDev = (p: { id: string; text: string }) => devIds.has(p.id) || devTexts.has(normalize(p.text).text.trim());

  const silverBefore = silver.length;
  silver = silver.filter((p) => !isDev(p)).slice(0, N_SILVER);
  const poolById = new Map(pool.map((p) => [p.id, p]));

  // Annotator labels (no text in the files: join by id). Files are read in name order and a
  // later row for the same id wins, so review_*.jsonl corrections override batch_*.jsonl rows;
  // rows for silver posts correct the silver label itself (never a second copy of the post).
  const annDir = join(ROOT, 'model/data/annotations');
  const annById = new Map<string, z.infer<typeof Annotation>>();
  if (existsSync(annDir)) {
    for (const f of readdirSync(annDir).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const a of readJsonl(join(annDir, f), Annotation)) annById.set(a.id, a);
    }
  }
  let silverFixed = 0;
  silver = silver.map((p) => {
    const a = annById.get(p.id);
    if (!a) return p;
    annById.delete(p.id);
    const same = [...a.coins].sort().join() === [...p.coins].sort().join();
    if (!same) silverFixed++;
    return { ...p, coins: a.coins, mentions: a.mentions, unsure: a.unsure ?? p.unsure };
  });
  // Labels follow the registry's renames (an annotator's SAFEMOON is today's SFM), as the lexicon does.
  const renamed = (sym: string) => registry.renames?.[sym] ?? sym;
  const followRenames = (p: z.infer<typeof Labeled>): z.infer<typeof Labeled> => ({
    ...p,
    coins: [...new Set(p.coins.map(renamed))],
    mentions: p.mentions.map(([surface, sym]) => [surface, renamed(sym)] as [string, string]),
  });
  silver = silver.map(followRenames);
  const annotations: z.infer<typeof Labeled>[] = [];
  for (const a of annById.values()) {
    const p = poolById.get(a.id);
    if (p && !isDev(p)) annotations.push(followRenames({ ...a, text: p.text }));
  }
  const usedIds = new Set([...silver.map((s) => s.id), ...annotations.map((a) => a.id)]);

  const isVal = (id: string) => fnv(id) % 10 === 0;
  const silverTrain = silver.filter((p) => !isVal(p.id));
  const silverVal = silver.filter((p) => isVal(p.id));
  const valIds = new Set(silverVal.map((p) => p.id));
  // A tenth of our annotated pool posts is held out too: a second, larger validation set for
  // choosing decode thresholds and comparing the model with the lexicon.
  const annotationTrain = annotations.filter((p) => !isVal(p.id));
  const annotationVal = annotations.filter((p) => isVal(p.id));

  // Character table from silver + pool (never dev).
  const vocabFile = buildVocab(
    (function* () {
      for (const p of silver) yield normalize(p.text).text;
      for (const p of pool) if (!isDev(p)) yield normalize(p.text).text;
    })(),
    6000,
    3,
  );
  const vocab = loadVocab(vocabFile);

  // Surface inventory (for synthetic posts and the decoder's alias fallback) from gold training labels.
  const surfaceCounts = new Map<string, Map<string, number>>();
  const bySymbol = new Map<string, string[]>();
  for (const p of [...silverTrain, ...annotationTrain]) {
    for (const [surface, symbol] of p.mentions) {
      if (!p.coins.includes(symbol)) continue;
      const key = normalize(surface).text.replace(/^[$#@]/, '').trim();
      if (!key) continue;
      const m = surfaceCounts.get(key) ?? new Map();
      m.set(symbol, (m.get(symbol) ?? 0) + 1);
      surfaceCounts.set(key, m);
      const forms = bySymbol.get(symbol) ?? [];
      const bare = surface.replace(/^[$#@]/, '');
      if (!forms.includes(bare)) forms.push(bare);
      bySymbol.set(symbol, forms);
    }
  }
  const aliases: Record<string, string> = {};
  for (const [k, m] of surfaceCounts) {
    const best = [...m.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) aliases[k] = best[0];
  }

  const examples: Example[] = [];
  let unplacedPosts = 0;
  const gold = (text: string, coins: string[], mentions: [string, string][], w: number, src: string) => {
    const norm = normalize(text);
    const { labels, unplaced } = labelGold(norm, coins, mentions, lex.findCandidates(text));
    if (unplaced.length) unplacedPosts++;
    examples.push({ text, labels, weight: w, src });
  };
  for (const p of silverTrain) gold(p.text, p.coins, p.mentions, p.unsure ? WEIGHTS.unsure : WEIGHTS.silver, 'silver');
  for (const p of annotationTrain) gold(p.text, p.coins, p.mentions, p.unsure ? WEIGHTS.unsure : WEIGHTS.annotation, 'annotation');

  // Ticker swap: silver copies whose cashtags are replaced by made-up tickers, so context (not
  // memorised names) decides; a cashtag that was a stock stays O, one that was a coin stays a coin.
  const rnd = mulberry32(11);
  let swaps = 0;
  for (const p of silverTrain) {
    if (!/\$[a-z]/i.test(p.text)) continue;
    let coins = [...p.coins];
    let mentions = [...p.mentions] as [string, string][];
    const text = p.text.replace(/\$([A-Za-z][A-Za-z0-9]{1,9})\b/g, (whole, tick: string) => {
      const n = 3 + Math.floor(rnd() * 3);
      let fake = '';
      for (let i = 0; i < n; i++) fake += String.fromCharCode(65 + Math.floor(rnd() * 26));
      if (tick === tick.toLowerCase()) fake = fake.toLowerCase();
      const hit = mentions.find(([s]) => s.replace(/^\$/, '').toLowerCase() === tick.toLowerCase());
      if (hit) {
        const sym = fake.toUpperCase();
        mentions = mentions.filter((m) => m !== hit);
        mentions.push(['$' + fake, sym]);
        // The old symbol stays only if another surface still names it.
        if (!mentions.some(([, s]) => s === hit[1])) coins = coins.filter((c) => c !== hit[1]);
        coins.push(sym);
      }
      return '$' + fake;
    });
    gold(text, coins, mentions, WEIGHTS.swap, 'swap');
    swaps++;
  }

  // Synthetic posts: labels straight from their exact spans. Only surfaces that stand on their own
  // (the lexicon reads them, alone, as an unambiguous mention of that symbol) go into generic
  // templates; ambiguous words get their own contrastive templates in synth.ts.
  const safeBySymbol = new Map<string, string[]>();
  for (const [sym, forms] of bySymbol) {
    const safe = lex.available
      ? forms.filter((f) => lex.findCandidates(f).some((c) => c.symbol === sym && c.ambiguity === 'none' && c.accepted && c.end - c.start === f.length))
      : forms;
    if (safe.length) safeBySymbol.set(sym, safe);
  }
  const synth = makeSynth({ bySymbol: safeBySymbol }, N_SYNTH, 7);
  for (const s of synth) {
    const norm = normalize(s.text);
    const labels = new Int8Array(norm.text.length);
    for (const sp of s.spans) {
      const [a, b] = candidateTokens(norm, sp);
      for (let i = a; i < b; i++) labels[i] = i === a ? 1 : 2;
    }
    examples.push({ text: s.text, labels, weight: WEIGHTS.synth, src: 'synth' });
  }

  // Weakly labelled pool sample.
  const poolFree = pool.filter((p) => !usedIds.has(p.id) && !isDev(p) && p.text.trim().length > 0);
  for (let i = poolFree.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [poolFree[i], poolFree[j]] = [poolFree[j]!, poolFree[i]!];
  }
  for (const p of poolFree.slice(0, N_POOL)) {
    examples.push({ text: p.text, labels: labelWeak(normalize(p.text), lex.findCandidates(p.text)), weight: WEIGHTS.pool, src: 'pool' });
  }

  const train = new Writer();
  const counts: Record<string, number> = {};
  for (const ex of examples) {
    const norm = normalize(ex.text);
    const ids = encodeChars(norm.text, vocab);
    const feats = encodeFeatures(ex.text, norm, lex.findCandidates(ex.text));
    const T = ids.length;
    if (T === 0) continue;
    counts[ex.src] = (counts[ex.src] ?? 0) + 1;
    for (let s = 0; ; s += TRAIN_STRIDE) {
      const e = Math.min(T, s + TRAIN_WINDOW);
      train.add(ids, feats, ex.labels, s, e, ex.weight, ex.src);
      if (e >= T) break;
    }
  }
  const val = new Writer();
  for (const p of [...silverVal, ...annotationVal]) {
    const norm = normalize(p.text);
    const { labels } = labelGold(norm, p.coins, p.mentions, lex.findCandidates(p.text));
    const ids = encodeChars(norm.text, vocab);
    const feats = encodeFeatures(p.text, norm, lex.findCandidates(p.text));
    for (let s = 0; s < ids.length; s += VAL_WINDOW) val.add(ids, feats, labels, s, Math.min(ids.length, s + VAL_WINDOW), 1, 'silver');
  }
  train.save(OUT, 'train');
  val.save(OUT, 'val');
  writeFileSync(join(OUT, 'vocab.json'), JSON.stringify(vocabFile));
  writeFileSync(
    join(OUT, 'features.json'),
    JSON.stringify({
      version: 1,
      layout: 'features input: int64 [batch, length, channels], one row per normalized UTF-16 code unit (utils/model/features.ts)',
      channels: FEATURE_CHANNELS,
      lexiconChannels: LEXICON_CHANNELS,
      tokenizer: 'one id per normalized code unit (utils/model/tokenizer.ts): 0 pad, 1 unk, 2 unk CJK, 3 surrogate half, 4 digit, then vocab.json chars',
    }, null, 2),
  );
  writeFileSync(join(OUT, 'aliases.json'), JSON.stringify({ version: 1, aliases }));
  writeFileSync(
    join(OUT, 'annotation_val.jsonl'),
    annotationVal.map((p) => JSON.stringify({ id: p.id, text: p.text, lang: poolById.get(p.id)?.lang, coins: p.coins, mentions: p.mentions, unsure: p.unsure ?? false })).join('\n') + '\n',
  );
  writeFileSync(
    join(OUT, 'silver_val.jsonl'),
    readFileSync(join(SHARED, 'data/silver.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && valIds.has(String(JSON.parse(l).id)))
      .map((l) => {
        // Keep every original field, with labels as corrected by review annotations.
        const raw = JSON.parse(l);
        const fixed = silverVal.find((p) => p.id === String(raw.id))!;
        return JSON.stringify({ ...raw, coins: fixed.coins, mentions: fixed.mentions });
      })
      .join('\n') + '\n',
  );
  const meta = {
    vocabSize: vocab.size,
    nFeatures: N_FEATURES,
    featureSizes: FEATURE_CHANNELS.map((c) => c.size),
    lexicon: lex.available,
    sources: counts,
    silver: { total: silverBefore, train: silverTrain.length, val: silverVal.length, unplacedPosts },
    annotations: { train: annotationTrain.length, val: annotationVal.length },
    silverRelabelledByReview: silverFixed,
    swaps,
    trainWindows: train.index.length,
    trainTokens: train.ids.length,
    valWindows: val.index.length,
  };
  writeFileSync(join(OUT, 'meta.json'), JSON.stringify(meta, null, 2));
  console.log(JSON.stringify(meta));
  console.log(`prepare done in ${((Date.now() - t0) / 1000).toFixed(1)}s → ${OUT}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

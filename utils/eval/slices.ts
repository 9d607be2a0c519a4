/**
 * Slice assignment for evaluation. Slices are computed from the record and
 * the registry, never from the engine under test, so every engine is scored
 * on the same groups.
 */
import type { LabeledRecord } from './dataset';
import { findCandidates } from '../lexicon';

const CJK = /[\u3400-\u9fff]/;
/** Record slices (dev's `slice` field) that mark hard-word or stock-vs-crypto posts. */
const AMBIGUOUS_RECORD_SLICES = new Set(['en_hard_words']);
const STOCK_RECORD_SLICES = new Set(['stock_vs_crypto', 'cashtag-collision']);
const ZH_TICKER_RECORD_SLICES = new Set(['zh_chinese_ticker']);

export function slicesOf(rec: LabeledRecord): string[] {
  const out: string[] = [];
  const lang = rec.lang === 'zh' || rec.lang === 'en' ? rec.lang : CJK.test(rec.text) ? 'zh' : 'other';
  out.push(`lang:${lang}`);
  const n = new Set(rec.coins).size;
  out.push(`gold:${n >= 3 ? '3+' : n}`);
  // Candidates give registry facts about the text (which words are ambiguous, which cashtags are stocks),
  // independent of the lexicon's verdicts.
  const cands = findCandidates(rec.text);
  if (AMBIGUOUS_RECORD_SLICES.has(rec.slice ?? '') || cands.some((c) => c.ambiguity === 'en_word' || c.ambiguity === 'zh_word')) {
    out.push('ambiguous_words');
  }
  if (STOCK_RECORD_SLICES.has(rec.slice ?? '') || cands.some((c) => c.ambiguity === 'stock')) out.push('stock_vs_crypto');
  if (ZH_TICKER_RECORD_SLICES.has(rec.slice ?? '') || rec.coins.some((c) => CJK.test(c))) out.push('chinese_ticker');
  if (rec.slice) out.push(`record:${rec.slice}`);
  return out;
}

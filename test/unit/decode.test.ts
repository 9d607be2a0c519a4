import { describe, expect, it } from 'vitest';
import { normalize } from '../../utils/normalize';
import { bioSpans, decodePost, newCashtagSymbol, tagProbs } from '../../utils/model/decode';
import type { Candidate } from '../../utils/lexicon/candidate';

/** Probabilities that tag normalized tokens [s, e) as one span (B then I) and everything else O. */
function probsFor(T: number, spans: [number, number, number?][]) {
  const p = new Float32Array(T * 3);
  for (let t = 0; t < T; t++) p[t * 3] = 1;
  for (const [s, e, conf = 0.9] of spans) {
    for (let t = s; t < e; t++) {
      p[t * 3] = 1 - conf;
      p[t * 3 + (t === s ? 1 : 2)] = conf;
    }
  }
  return p;
}
const ctx = (known: Record<string, string> = {}) => ({
  resolveSurface: (s: string) => known[s.toLowerCase().replace(/^[$#@]/, '')],
  aliases: new Map([['padre', 'PADRE']]),
});

describe('decode', () => {
  it('softmaxes logits per token', () => {
    const p = tagProbs(new Float32Array([0, 0, 0, 10, 0, 0]), 2);
    expect(p[0]).toBeCloseTo(1 / 3);
    expect(p[3]).toBeGreaterThan(0.99);
  });

  it('turns BIO argmax into spans, opening a span at a stray I', () => {
    const p = probsFor(8, [[1, 3], [5, 7]]);
    // make token 5 an I instead of B
    p[5 * 3 + 1] = 0;
    p[5 * 3 + 2] = 0.9;
    expect(bioSpans(p, 8)).toEqual([[1, 3], [5, 7]]);
  });

  it('keeps a candidate when the model scores it as a coin, with the lexicon symbol', () => {
    const text = 'near the top, $NEAR looks good';
    const norm = normalize(text);
    const mk = (sub: string, from = 0): Candidate => {
      const s = text.indexOf(sub, from);
      return { start: s, end: s + sub.length, text: sub, symbol: 'NEAR', kind: 'ticker', ambiguity: 'en_word', accepted: true, confidence: 0.6 };
    };
    const c1 = mk('near');
    const c2 = mk('$NEAR');
    const p = probsFor(norm.text.length, [[c2.start, c2.end]]);
    const out = decodePost(text, norm, p, [c1, c2], ctx());
    expect(out.coins.map((c) => c.symbol)).toEqual(['NEAR']);
    expect(out.spans).toHaveLength(1);
    expect(out.spans[0]).toMatchObject({ start: c2.start, end: c2.end, text: '$NEAR' });
    const none = decodePost(text, norm, probsFor(norm.text.length, [[c2.start, c2.end, 0.3]]), [c1, c2], ctx());
    expect(none.coins).toEqual([]);
  });

  it('asks more of the model to overrule a lexicon rejection than to confirm an acceptance', () => {
    const text = 'gm ONE and TWO';
    const norm = normalize(text);
    const mk = (sub: string, accepted: boolean): Candidate => {
      const s = text.indexOf(sub);
      return { start: s, end: s + sub.length, text: sub, symbol: sub, kind: 'ticker', ambiguity: 'en_word', accepted, confidence: 0.5 };
    };
    const one = mk('ONE', true);
    const two = mk('TWO', false);
    const p = probsFor(norm.text.length, [[one.start, one.end, 0.7], [two.start, two.end, 0.7]]);
    expect(decodePost(text, norm, p, [one, two], ctx()).coins.map((c) => c.symbol)).toEqual(['ONE']);
    const sure = probsFor(norm.text.length, [[two.start, two.end, 0.97]]);
    expect(decodePost(text, norm, sure, [one, two], ctx()).coins.map((c) => c.symbol)).toEqual(['TWO']);
  });

  it('decides a cashtag the registry lacks like an accepted candidate, not like a rule rejection', () => {
    const text = 'aping $ZORB and $KWIK';
    const norm = normalize(text);
    const mk = (sub: string, ambiguity: Candidate['ambiguity']): Candidate => {
      const s = text.indexOf(sub);
      return { start: s, end: s + sub.length, text: sub, symbol: sub.slice(1), kind: 'cashtag', ambiguity, accepted: false, confidence: 0.3 };
    };
    const zorb = mk('$ZORB', 'unlisted');
    const kwik = mk('$KWIK', 'stock');
    const p = probsFor(norm.text.length, [[zorb.start, zorb.end, 0.6], [kwik.start, kwik.end, 0.6]]);
    const out = decodePost(text, norm, p, [zorb, kwik], ctx());
    expect(out.coins.map((c) => [c.symbol, c.unlisted])).toEqual([['ZORB', true]]);
  });

  it('names coins the registry lacks: resolver, alias table, else only a cashtag becomes a new coin', () => {
    const text = 'aped $zorb and Padre, also 大聪明, @zorbfinance, #ZorbArmy and Solana';
    const norm = normalize(text);
    const at = (s: string): [number, number, number] => [text.indexOf(s), text.indexOf(s) + s.length, 0.99];
    const tagged = ['$zorb', 'Padre', '大聪明', '@zorbfinance', '#ZorbArmy', 'Solana'].map(at);
    const out = decodePost(text, norm, probsFor(norm.text.length, tagged), [], ctx({ solana: 'SOL' }));
    const bySym = Object.fromEntries(out.coins.map((c) => [c.symbol, c.unlisted]));
    // An unknown name, @handle or #hashtag does not tell the ticker: no guessed symbol.
    expect(bySym).toEqual({ ZORB: true, PADRE: false, SOL: false });
    expect(out.spans.find((s) => s.symbol === 'ZORB')!.text).toBe('$zorb');
  });

  it('drops a tagged span cut out of a longer Latin word', () => {
    const text = 'join #CardanoSummit2021 with $zorb';
    const norm = normalize(text);
    const at = (sub: string): [number, number] => [text.indexOf(sub), text.indexOf(sub) + sub.length];
    const p = probsFor(norm.text.length, [at('t2'), at('$zorb')]);
    expect(decodePost(text, norm, p, [], ctx({ t2: 'T2' })).coins.map((c) => c.symbol)).toEqual(['ZORB']);
  });

  it('reports spans in original offsets when normalization removed characters', () => {
    const text = '\u200b\u200bbuy $Ｗ\u200bＩＦ now';
    const norm = normalize(text);
    const s = norm.text.indexOf('$');
    const out = decodePost(text, norm, probsFor(norm.text.length, [[s, s + 4]]), [], ctx());
    expect(out.coins.map((c) => c.symbol)).toEqual(['WIF']);
    expect(out.spans[0]?.text).toBe('$Ｗ\u200bＩＦ');
  });

  it('new cashtag symbols follow LABELING.md', () => {
    expect(newCashtagSymbol('$sol')).toBe('SOL');
    expect(newCashtagSymbol('$币安Holder')).toBe('币安HOLDER');
    expect(newCashtagSymbol('$客服小何')).toBe('客服小何');
    expect(newCashtagSymbol('$100')).toBeUndefined();
    expect(newCashtagSymbol('$MMT 的价格')).toBeUndefined();
    expect(newCashtagSymbol('$这个币的价格来计算')).toBeUndefined();
  });
});

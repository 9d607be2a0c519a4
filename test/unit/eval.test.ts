import { describe, expect, it } from 'vitest';
import { DatasetError, LabeledRecord, parseJsonl } from '../../utils/eval/dataset';
import { computeMetrics, metricsBySlice, setEqual } from '../../utils/eval/metrics';
import { barChartSvg, markdownReport, type RunResult } from '../../utils/eval/report';
import { slicesOf } from '../../utils/eval/slices';

describe('metrics', () => {
  it('computes exact-set accuracy and micro P/R/F1 by hand', () => {
    const m = computeMetrics([
      { gold: ['BTC', 'ETH'], pred: ['ETH', 'BTC'] }, // exact, tp 2
      { gold: ['SOL'], pred: ['SOL', 'LINK'] }, // tp 1, fp 1
      { gold: ['DOGE'], pred: [] }, // fn 1
      { gold: [], pred: [] }, // exact
    ]);
    expect(m).toMatchObject({ n: 4, tp: 3, fp: 1, fn: 1 });
    expect(m.exact_set_accuracy).toBe(0.5);
    expect(m.micro_precision).toBe(0.75);
    expect(m.micro_recall).toBe(0.75);
    expect(m.micro_f1).toBeCloseTo(0.75, 10);
  });

  it('ignores duplicate symbols and order', () => {
    expect(setEqual(['A', 'A', 'B'], ['B', 'A'])).toBe(true);
    expect(computeMetrics([{ gold: ['A', 'A'], pred: ['A'] }])).toMatchObject({ tp: 1, fp: 0, fn: 0, exact_set_accuracy: 1 });
  });

  it('treats empty predictions as precise and empty gold as recalled', () => {
    const m = computeMetrics([{ gold: [], pred: [] }]);
    expect(m.micro_precision).toBe(1);
    expect(m.micro_recall).toBe(1);
    const f = computeMetrics([{ gold: [], pred: ['X'] }]);
    expect(f.micro_precision).toBe(0);
    expect(f.micro_f1).toBe(0);
  });

  it('groups by slice', () => {
    const by = metricsBySlice([
      { id: '1', gold: ['A'], pred: ['A'], slices: ['lang:en', 'gold:1'] },
      { id: '2', gold: ['B'], pred: [], slices: ['lang:en', 'gold:1'] },
      { id: '3', gold: [], pred: [], slices: ['lang:zh', 'gold:0'] },
    ]);
    expect(by['lang:en']!.exact_set_accuracy).toBe(0.5);
    expect(by['lang:zh']!.n).toBe(1);
    expect(Object.keys(by)).toEqual(['gold:0', 'gold:1', 'lang:en', 'lang:zh']);
  });
});

describe('dataset parsing', () => {
  it('accepts the LABELING.md record format (dev and silver variants)', () => {
    const rows = parseJsonl(
      [
        '{"id":"1","text":"$BTC","lang":"en","slice":"en_random","coins":["BTC"],"mentions":[["$BTC","BTC"]],"addresses":[],"ambiguous":false,"split":"dev"}',
        '',
        '{"id":2,"text":"大饼","lang":"zh","coins":["BTC"],"mentions":[],"addresses":[],"unsure":false,"split":"silver"}',
      ].join('\n'),
      LabeledRecord,
    );
    expect(rows.map((r) => r.id)).toEqual(['1', '2']);
  });

  it('names the line of a bad record', () => {
    const bad = '{"id":"1","text":"ok","coins":[]}\n{"id":"2","text":"x","coins":"BTC"}';
    expect(() => parseJsonl(bad, LabeledRecord, 'f.jsonl')).toThrow(DatasetError);
    expect(() => parseJsonl(bad, LabeledRecord, 'f.jsonl')).toThrow(/f\.jsonl:2: coins/);
    expect(() => parseJsonl('{"id":', LabeledRecord, 'g.jsonl')).toThrow(/g\.jsonl:1: not valid JSON/);
  });
});

describe('slices', () => {
  const rec = (o: Partial<LabeledRecord>): LabeledRecord => ({ id: '1', text: '', coins: [], ...o }) as LabeledRecord;
  it('assigns language, gold count, ambiguous words, stock and Chinese-ticker slices', () => {
    expect(slicesOf(rec({ text: 'link in bio', lang: 'en' }))).toEqual(expect.arrayContaining(['lang:en', 'gold:0', 'ambiguous_words']));
    expect(slicesOf(rec({ text: '$TSLA and $BTC', lang: 'en', coins: ['BTC'] }))).toContain('stock_vs_crypto');
    expect(slicesOf(rec({ text: '$币安人生', lang: 'zh', coins: ['币安人生', 'BTC', 'ETH'] }))).toEqual(expect.arrayContaining(['chinese_ticker', 'gold:3+', 'lang:zh']));
    expect(slicesOf(rec({ text: 'plain', slice: 'en_hard_words' }))).toEqual(expect.arrayContaining(['ambiguous_words', 'record:en_hard_words']));
  });
});

describe('report', () => {
  const run = (engine: string, acc: number): RunResult => ({
    engine,
    data: 'd.jsonl',
    seconds: 1,
    overall: { n: 2, exact_set_accuracy: acc, micro_precision: 1, micro_recall: acc, micro_f1: acc, tp: 1, fp: 0, fn: 1 },
    bySlice: { 'lang:en': { n: 2, exact_set_accuracy: acc, micro_precision: 1, micro_recall: acc, micro_f1: acc, tp: 1, fp: 0, fn: 1 } },
    items: [
      { id: 'p1', text: 'BTC | and <b>', gold: ['BTC'], pred: ['BTC'], slices: [] },
      { id: 'p2', text: 'ETH\nline', gold: ['ETH'], pred: [], slices: [] },
    ],
  });

  it('draws one bar per engine and slice', () => {
    const svg = barChartSvg([run('lexicon', 0.5), run('local', 1)]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect((svg.match(/<rect x="\d/g) ?? []).length).toBe(2 * 2 + 2); // 2 groups × 2 runs + 2 legend boxes
  });

  it('lists every wrong post with gold and predicted, escaped', () => {
    const md = markdownReport([run('lexicon', 0.5)], 'chart.svg');
    expect(md).toContain('## Wrong posts: lexicon (1)');
    expect(md).toContain('| p2 | ETH |  | ETH ⏎ line |');
    expect(md).not.toContain('| p1 |');
    expect(md).toContain('![exact-set accuracy by slice](chart.svg)');
  });
});

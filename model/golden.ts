/**
 * Golden inputs: a handful of English and Chinese texts → ids → features, written
 * with the runtime's own TypeScript code. model/export.py adds torch logits and
 * stores them in test/fixtures/golden/golden.json for test/unit/golden.test.ts.
 *
 *   tsx model/golden.ts --data model/runs/data [--no-lexicon]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalize } from '../utils/normalize';
import { encodeChars, loadVocab } from '../utils/model/tokenizer';
import { encodeFeatures } from '../utils/model/features';
import { loadLexicon } from './candidates';

export const GOLDEN_TEXTS = [
  'Just bought more $SOL and some Bitcoin, not selling my ETH below 4k',
  'I live near the station, but $NEAR is pumping today',
  '$TSLA earnings beat while $BTC dumps 3%',
  '大饼又跌了，姨太还能抄底吗？',
  '今天加仓了 $币安人生 和狗狗币 🚀',
  'BTC/USDT 突破 100000，#以太坊 也在涨 @solana',
];

async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf('--data');
  const dir = resolve((i >= 0 ? args[i + 1] : undefined) ?? 'model/runs/data');
  const lex = await loadLexicon(!args.includes('--no-lexicon'));
  const vocab = loadVocab(JSON.parse(readFileSync(join(dir, 'vocab.json'), 'utf8')));
  const cases = GOLDEN_TEXTS.map((text) => {
    const norm = normalize(text);
    const candidates = lex.findCandidates(text);
    return {
      text,
      candidates,
      ids: [...encodeChars(norm.text, vocab)],
      features: [...encodeFeatures(text, norm, candidates)],
      lexicon: lex.available,
    };
  });
  writeFileSync(join(dir, 'golden_inputs.json'), JSON.stringify({ cases }));
  console.log(`golden inputs: ${cases.length} → ${join(dir, 'golden_inputs.json')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

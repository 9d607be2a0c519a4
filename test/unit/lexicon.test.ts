import { describe, expect, it } from 'vitest';
import { findCandidates, LexiconDetector, resolveSurface } from '../../utils/lexicon';

/** Accepted symbols, sorted. */
const coins = (text: string) => [...new Set(findCandidates(text).filter((c) => c.accepted).map((c) => c.symbol))].sort();

describe('lexicon: matching and boundaries', () => {
  it('reports offsets in the original text', () => {
    const text = 'gm 🚀 ＄ＳＯＬ and 大餅';
    for (const c of findCandidates(text)) expect(text.slice(c.start, c.end)).toBe(c.text);
    const sol = findCandidates(text).find((c) => c.symbol === 'SOL')!;
    expect(sol.text).toBe('＄ＳＯＬ');
    expect(sol.kind).toBe('cashtag');
  });

  it('needs Latin word boundaries: no match inside a longer word', () => {
    expect(coins('the ethos of bitcoiners')).toEqual([]);
    expect(coins('I sold my ETH today')).toEqual(['ETH']);
    expect(coins('ETH, BTC.')).toEqual(['BTC', 'ETH']);
  });

  it('matches Latin tickers glued to Chinese text', () => {
    expect(coins('今天买了ETH和BTC')).toEqual(['BTC', 'ETH']);
  });

  it('matches Chinese names without spaces, longest first', () => {
    expect(coins('比特币现金涨了')).toEqual(['BCH']);
    expect(coins('比特币涨了')).toEqual(['BTC']);
    expect(coins('以太坊经典')).toEqual(['ETC']);
    expect(coins('大饼和姨太都在涨')).toEqual(['BTC', 'ETH']);
    expect(coins('辣条 ltc etf 要来了')).toEqual(['LTC']);
  });

  it('matches multi-word names', () => {
    expect(coins('Shiba Inu burns are up')).toEqual(['SHIB']);
    expect(coins('deploying on BNB Chain next week')).toEqual(['BNB']);
  });

  it('reads cashtags, including Chinese and traditional ones', () => {
    expect(coins('$HYPE $wif')).toEqual(['HYPE', 'WIF']);
    expect(coins('冲 $幣安人生')).toEqual(['币安人生']);
    expect(coins('$哈基米 今天')).toEqual(['哈基米']);
  });

  it('reads hashtags of names and tickers', () => {
    expect(coins('#Bitcoin is up')).toEqual(['BTC']);
    expect(coins('看好 #以太坊')).toEqual(['ETH']);
  });

  it('reads @handles that are a coin name, with project suffixes', () => {
    expect(coins('thanks @solana')).toEqual(['SOL']);
    expect(coins('gm @ethereum')).toEqual(['ETH']);
    expect(coins('staking with @solayer_labs')).toEqual(['LAYER']);
    expect(coins('hi @randomtrader99')).toEqual([]);
  });

  it('keeps only the base of pairs', () => {
    expect(coins('BTC/USDT breaking out')).toEqual(['BTC']);
    expect(coins('ETHUSDT long')).toEqual(['ETH']);
    expect(coins('SOL-PERP funding')).toEqual(['SOL']);
    expect(coins('1000PEPEUSDT perp')).toEqual(['PEPE']);
    const pair = findCandidates('BTC/USDT')[0]!;
    expect(pair.kind).toBe('pair');
    expect(pair.text).toBe('BTC');
  });

  it('a crypto-quoted pair is its base (LABELING: quote currencies in pair notation); a stable-stable pool keeps both', () => {
    expect(coins('ETH/BTC ratio is falling')).toEqual(['ETH']);
    expect(coins('the usdt-usdc pool')).toEqual(['USDC', 'USDT']);
  });

  it('does not read amount units as coins', () => {
    expect(coins('买了300u的币')).toEqual([]);
    expect(coins('赚了10万u')).toEqual([]);
    expect(coins('a 2.8e bag')).toEqual([]);
    expect(coins('stake 50 USDT')).toEqual(['USDT']);
  });

  it('maps renamed tokens to today\'s ticker', () => {
    expect(coins('$MATIC to the moon')).toEqual(['POL']);
    expect(coins('$FTM holders')).toEqual(['S']);
    expect(coins('RNDR and FET')).toEqual(['FET', 'RENDER']);
  });

  it('ignores text inside URLs', () => {
    expect(coins('read x.com/solana/status/1 now')).toEqual([]);
    expect(coins('launching on pump.fun today')).toEqual([]);
  });

  it('excludes stock cashtags, accepts unknown cashtags only in crypto talk', () => {
    expect(coins('$TSLA and $MSTR earnings')).toEqual([]);
    expect(coins('$COIN shares up 5% after earnings')).toEqual([]);
    const unlisted = findCandidates('aped $ZZQX on solana dex').find((c) => c.symbol === 'ZZQX')!;
    expect(unlisted.ambiguity).toBe('unlisted');
    expect(unlisted.accepted).toBe(true);
    expect(findCandidates('my $ZZQX position in the stock market').find((c) => c.symbol === 'ZZQX')?.accepted).toBe(false);
  });

  it('does not count text inside a contract address', () => {
    expect(coins('CA: 9BB6NFEcjBCtnNLFko2FqVQBq8HHM13kCyYcdQbgpump')).toEqual([]);
  });
});

describe('resolveSurface', () => {
  it('maps surface forms to canonical symbols', () => {
    expect(resolveSurface('$sol')).toBe('SOL');
    expect(resolveSurface('Solana')).toBe('SOL');
    expect(resolveSurface('大饼')).toBe('BTC');
    expect(resolveSurface('姨太')).toBe('ETH');
    expect(resolveSurface('@solana')).toBe('SOL');
    expect(resolveSurface('BTCUSDT')).toBe('BTC');
    expect(resolveSurface('matic')).toBe('POL');
    expect(resolveSurface('$幣安人生')).toBe('币安人生');
    expect(resolveSurface('#Bitcoin')).toBe('BTC');
  });

  it('returns undefined for non-coins', () => {
    expect(resolveSurface('hello world')).toBeUndefined();
    expect(resolveSurface('qqqzzx')).toBeUndefined();
    expect(resolveSurface('BTC/USDT')).toBe('BTC');
    expect(resolveSurface('')).toBeUndefined();
  });
});

describe('LexiconDetector', () => {
  it('returns one Detection per post, in order, with spans and addresses', async () => {
    const det = new LexiconDetector();
    expect(det.name).toBe('lexicon');
    const out = await det.detect([
      { id: 'a', text: 'Long $SOL, 大饼 next' },
      { id: 'b', text: 'nothing here' },
      { id: 'c', text: 'CA 0x6982508145454Ce325dDbE47a25d4ec3d2311933' },
    ]);
    expect(out.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(out[0]!.coins.map((c) => c.symbol).sort()).toEqual(['BTC', 'SOL']);
    expect(out[0]!.spans.map((s) => s.text).sort()).toEqual(['$SOL', '大饼']);
    expect(out[1]!.coins).toEqual([]);
    expect(out[2]!.coins).toEqual([]);
    expect(out[2]!.addresses).toEqual([{ chain: 'evm', address: '0x6982508145454Ce325dDbE47a25d4ec3d2311933', start: 3, end: 45 }]);
    expect(out[0]!.engine).toBe('lexicon');
  });
});

describe('lexicon: amounts glued to tickers', () => {
  it('reads a ticker before a glued valuation and after a glued amount', () => {
    expect(coins('估值 xpl15b，aster17b')).toEqual(['ASTER', 'XPL']);
    expect(coins('就买了5SOL小赌一下')).toEqual(['SOL']);
    expect(coins('sold 0.5eth today')).toEqual(['ETH']);
  });
});

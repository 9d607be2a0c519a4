/** One test (at least) per disambiguation rule in utils/lexicon/rules.ts. */
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../utils/lexicon';

const coins = (text: string) => [...new Set(findCandidates(text).filter((c) => c.accepted).map((c) => c.symbol))].sort();
const cand = (text: string, symbol: string) => findCandidates(text).find((c) => c.symbol === symbol);

describe('ambiguous English-word tickers (en_word)', () => {
  it('reports the rejected candidate with its ambiguity class', () => {
    const c = cand('link in bio', 'LINK')!;
    expect(c.ambiguity).toBe('en_word');
    expect(c.accepted).toBe(false);
  });

  it('upper case in crypto talk is the coin, lower case is the word (NEAR vs near)', () => {
    expect(coins('NEAR and ARB pumping, bought more tokens')).toEqual(['ARB', 'NEAR']);
    expect(coins('we are near the top of the range')).toEqual([]);
  });

  it('upper case alone (no crypto context) is not enough', () => {
    expect(coins('LINK IN BIO')).toEqual([]);
    expect(coins('NEAR my house')).toEqual([]);
  });

  it('a lower-case word counts in a list of coins or beside a price', () => {
    expect(coins('btc, eth, link all green')).toEqual(['BTC', 'ETH', 'LINK']);
    expect(coins('eth and op at 2.1')).toEqual(['ETH', 'OP']);
  });

  it('ordinary phrases stay words even in crypto talk', () => {
    expect(coins('ETH up, link in bio for the airdrop')).toEqual(['ETH']);
    expect(coins('BTC in the near term looks fine')).toEqual(['BTC']);
    expect(coins('ETH holders, check the link below')).toEqual(['ETH']);
  });

  it('a shouting post makes upper case weak evidence', () => {
    expect(coins('WE ARE NEAR THE END OF THE ROAD AND ONE DAY WE WILL SEE IT')).toEqual([]);
  });

  it('an upper-case ticker glued to Chinese text is the coin', () => {
    expect(coins('TON 我爱你，SOL被吸血')).toEqual(['SOL', 'TON']);
  });

  it('lower-case sol is the coin except in Spanish', () => {
    expect(coins('my bag is down bc of sol going down')).toEqual(['SOL']);
    expect(coins('hace mucho sol en la playa y el sol brilla')).toEqual([]);
  });
});

describe('ambiguous names', () => {
  it('a capitalized project name counts in crypto talk, the lower-case word does not', () => {
    expect(coins('Plasma mainnet is live, deposit stablecoins')).toEqual(['XPL']);
    expect(coins('blood plasma donation today')).toEqual([]);
  });
});

describe('venue / person / verb collisions (bare mention needs a token cue)', () => {
  it('PUMP the venue is not the token; PUMP with a token cue is', () => {
    expect(coins('PUMP内盘打满就发射')).toEqual([]);
    expect(coins('pump要发币了，估值40亿')).toEqual(['PUMP']);
    expect(coins('$PUMP price is up')).toEqual(['PUMP']);
  });

  it('pump / moon as verbs are not coins', () => {
    expect(coins('BTC will pump it hard, to the moon')).toEqual(['BTC']);
  });

  it('Trump the person is not the TRUMP coin', () => {
    expect(coins('President Trump signed the bill, BTC up')).toEqual(['BTC']);
    expect(coins('我27u梭哈trump')).toEqual(['TRUMP']);
  });
});

describe('Chinese ambiguous words (zh_word)', () => {
  it('链接 is a URL, not Chainlink', () => {
    const c = cand('点击以下链接提交申请', 'LINK')!;
    expect(c.ambiguity).toBe('zh_word');
    expect(c.accepted).toBe(false);
  });

  it('a Chinese phrase that is also a Chinese ticker needs a cashtag', () => {
    expect(coins('逢低买入是个好习惯')).toEqual([]);
  });

  it('famous Chinese tickers match bare', () => {
    expect(coins('币安人生和哈基米都涨了')).toEqual(['哈基米', '币安人生']);
  });
});

describe('stock collisions', () => {
  it('stock cashtags are rejected with ambiguity stock', () => {
    const c = cand('$TSLA to 300', 'TSLA')!;
    expect(c.ambiguity).toBe('stock');
    expect(c.accepted).toBe(false);
  });

  it('Coinbase stock is not a coin even next to crypto', () => {
    expect(coins('$COIN and $BTC both up today')).toEqual(['BTC']);
  });
});

describe('number cashtags', () => {
  it('$4 is the coin in crypto talk, but "$4 billion" is an amount', () => {
    expect(coins('bsc meme: $4 ca on bnbchain')).toEqual(['4', 'BNB']);
    expect(coins('raised $4 billion for the token')).toEqual([]);
    expect(coins('token at $4.5 now')).toEqual([]);
  });
});

describe('unknown cashtags', () => {
  it('are accepted in crypto talk as unlisted and rejected elsewhere', () => {
    const yes = cand('new memecoin $QWERTYZ just launched on solana', 'QWERTYZ')!;
    expect(yes.accepted).toBe(true);
    expect(yes.ambiguity).toBe('unlisted');
    expect(cand('$QWERTYZ', 'QWERTYZ')!.accepted).toBe(false);
  });

  it('are rejected in stock talk without other coins', () => {
    expect(cand('$QWERTYZ earnings beat, shares up', 'QWERTYZ')!.accepted).toBe(false);
  });
});

describe('lists, Chinese context and tag boundaries', () => {
  it('a list needs a separator and a consistent style', () => {
    expect(coins('修仙IP怎么能不参与')).toEqual(['修仙']); // glued: not a list
    expect(coins('Why Ethereum is down')).toEqual(['ETH']); // title word + name: not a list
    expect(coins('President Trump signed the bill, BTC up')).toEqual(['BTC']); // case differs: not a list
  });

  it('lower-case tickers written beside Chinese count in crypto posts', () => {
    expect(coins('hana项目偷偷解锁，一直在出货')).toEqual(['HANA']);
    expect(coins('gas费太贵了，链上转账')).toEqual([]);
  });

  it('a Chinese cashtag ends where the Latin ticker ends and never starts with an amount', () => {
    expect(coins('$GIGGLE的持有人都在等')).toEqual(['GIGGLE']);
    expect(findCandidates('$20就是结束')).toEqual([]);
  });

  it('a single Chinese character alias needs a cashtag', () => {
    expect(coins('龙年快乐，BTC 涨了')).toEqual(['BTC']);
    expect(coins('冲 $龙 了')).toEqual(['龙LONG']);
  });

  it('a Chinese alias with a token cue counts ("购买小何")', () => {
    expect(coins('最后一次20M购买小何的机会')).toEqual(['客服小何']);
  });

  it('Pendle PT-/YT- prefixes are not the PT ticker', () => {
    expect(coins('PT-sUSDe yields on pendle')).toEqual(['PENDLE', 'SUSDE']);
  });

  it('hashtags of English-word tickers need ticker case or a list of coin hashtags', () => {
    expect(coins('#meme season is back for crypto')).toEqual([]);
    expect(coins('#NFT drop on ethereum')).toEqual(['ETH']);
  });

  it('venue phrases: Binance Alpha, X Layer, coming soon', () => {
    expect(coins('币安 Alpha 上线 $BLESS')).toEqual(['BLESS']);
    expect(coins('OKX 的 X layer 上的 $XDOG')).toEqual(['XDOG']);
  });
});

describe('proper names and branded products', () => {
  it('a title-case word inside a proper name is not the coin', () => {
    expect(coins('FrodoBots Lab and Protocol Labs launch on solana')).toEqual(['SOL']);
    expect(coins('Why OP Succinct matters for Ethereum')).toEqual(['ETH']);
  });

  it('OP Stack (a framework) is not OP', () => {
    expect(coins('built with the OP Stack on ethereum')).toEqual(['ETH']);
  });
});

describe('price cues', () => {
  it('a number is a price cue, a duration or a version number is not', () => {
    expect(coins('eth and op at 2.1')).toEqual(['ETH', 'OP']);
    expect(coins('$ETH buy zones for the next 4 months')).toEqual(['ETH']);
    expect(coins('Reya update: Python SDK + API v2 launch')).toEqual(['REYA']);
  });
});

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

describe('adjudicator feedback: tokenizer', () => {
  it('Chinese glued after a cashtag ends it', () => {
    expect(coins('$GIGGLE的涨幅很大')).toEqual(['GIGGLE']);
    expect(coins('$BNB的实用性')).toEqual(['BNB']);
  });

  it('prices and amounts are not tickers', () => {
    expect(coins('target $42,000 then $4.50 and $300 raised')).toEqual([]);
    expect(coins('$8m吧 这个市值，280亿')).toEqual([]);
  });

  it('text inside a URL or a bare domain never counts (.is, .eth.limo)', () => {
    expect(coins('read limitless.is/markets and vitalik.eth.limo today')).toEqual([]);
  });
});

describe('adjudicator feedback: renames', () => {
  it('UST is USTC and $tomo is VIC today; EOS stays EOS (silver and our annotations keep it), Vaulta is A', () => {
    expect(coins('$EOS and $UST both crashed')).toEqual(['EOS', 'USTC']);
    expect(coins('$tomo and $vet pumping')).toEqual(['VET', 'VIC']);
    expect(coins('Vaulta staking is live, $A up 5%')).toEqual(['A']);
  });
});

describe('annotation feedback: chain and venue names', () => {
  it('Sonic the chain is S; $SONIC stays Sonic SVM', () => {
    expect(coins('Sonic 生态的 defi 又开始了')).toEqual(['S']);
    expect(coins('$SONIC listed today')).toEqual(['SONIC']);
  });

  it('hyper and HL are Hyperliquid; $HYPER stays Hyperlane', () => {
    expect(coins('在hyper上开了多单')).toEqual(['HYPE']);
    expect(coins('HL 的现货处理能力')).toEqual(['HYPE']);
    expect(coins('$HYPER airdrop for Hyperlane users')).toEqual(['HYPER']);
  });

  it('$HIVE, $SOS and $META are the stocks; flip and yapper are words', () => {
    expect(coins('$HIVE $SOS $META all green today')).toEqual([]);
    expect(coins('time to flip the script, the yapper era is over for $ETH')).toEqual(['ETH']);
  });

  it('GMT the time zone is not the STEPN token', () => {
    expect(coins('AMA at 2:30 PM (GMT+8) with $BTC miners')).toEqual(['BTC']);
    expect(coins('$GMT and stepn are back')).toEqual(['GMT']);
  });
});

describe('adjudicator feedback: stocks and topic hashtags', () => {
  it('a lone registry cashtag in broker / earnings talk is the stock', () => {
    expect(coins('Cheesecake Factory $CAKE Price Target Raised to $48.00 at Barclays')).toEqual([]);
    expect(coins('Genus plc 7.7% Potential Decrease Indicated by Liberum Capital $GNS #GNS')).toEqual([]);
    expect(coins('$CAKE and $BNB pumping on pancakeswap')).toEqual(['BNB', 'CAKE']);
  });

  it('pure stock and ETF tickers are listed as stocks', () => {
    expect(cand('$TGT $CSCO moving today', 'TGT')?.accepted).toBe(false);
  });

  it('topic hashtags are not coins', () => {
    expect(coins('#NFT #News #SEC #DAO #degen drop today')).toEqual([]);
  });
});

describe('adjudicator feedback: handles, products and events', () => {
  it('@base / @baseapp are the chain and app, not BASE人生', () => {
    expect(coins('bridge all assets to @base')).toEqual([]);
    expect(coins('listed on @baseapp now')).toEqual([]);
  });

  it('a product or event carrying the brand is not the coin', () => {
    expect(coins('Build with 1inch Business, the home of 1inch APIs')).toEqual([]);
    expect(coins('BNB Chain sponsors ETH Beijing this year')).toEqual(['BNB']);
    expect(coins('Jup Mobile is on another level')).toEqual([]);
  });

  it('Galxe quests are not GAL', () => {
    expect(coins('Complete quests on @Galxe to earn rewards')).toEqual([]);
  });
});

describe('adjudicator feedback: names, handles and Chinese slang', () => {
  it('project names and handles from the feedback resolve', () => {
    expect(coins('Plasma mainnet is live, stablecoin chain')).toEqual(['XPL']);
    expect(coins('earned 130 sol back trading on Padre')).toEqual(['PADRE', 'SOL']);
    expect(coins('Catizen and Aethir airdrop today')).toEqual(['ATH', 'CATI']);
    expect(coins('thanks @Sidekick_Labs and @GoPlusSecurity')).toEqual(['GPS', 'K']);
  });

  it('Chinese nicknames resolve; nicknames that are ordinary words need a cue', () => {
    expect(coins('胖企鹅和老婆币都涨了')).toEqual(['MELANIA', 'PENGU']);
    expect(coins('我养了一只松鼠')).toEqual([]);
  });

  it('lower-case "hype" is the word, HYPE in crypto talk is the coin', () => {
    expect(coins('or just hype fuel')).toEqual([]);
    expect(coins('HYPE and BTC pumping')).toEqual(['BTC', 'HYPE']);
  });
});

describe('adjudicator feedback: pairs and lower-case ticker runs', () => {
  it('a major coin as the quote of a pair is not mentioned; a slash list keeps every coin', () => {
    expect(coins('VADER/ETH pair is live')).toEqual(['VADER']);
    expect(coins('BTC/ETH/SOL all up')).toEqual(['BTC', 'ETH', 'SOL']);
  });

  it('lower-case tickers listed together in Chinese crypto talk are coins', () => {
    expect(coins('goat yb usual virtual 都是现货')).toEqual(['GOAT', 'USUAL', 'VIRTUAL', 'YB']);
    expect(coins('goat yb usual virtual all good')).toEqual([]);
  });
});

describe('adjudicator feedback: Chinese idioms and domains', () => {
  it('画大饼 is an idiom, 大饼 alone is BTC', () => {
    expect(coins('不花一分钱画的大饼往往还非常有效')).toEqual([]);
    expect(coins('大饼又涨了')).toEqual(['BTC']);
  });

  it('过上币安人生 is a phrase, 买了币安人生 is the token', () => {
    expect(coins('从此过上币安人生')).toEqual([]);
    expect(coins('买了币安人生')).toEqual(['币安人生']);
  });

  it('.sol / .eth names and ETH events written in Chinese are not coins', () => {
    expect(coins('the wallet frostx.sol is up on $TROLL')).toEqual(['TROLL']);
    expect(coins('很高兴和大家在ETH杭州见面')).toEqual([]);
  });
});

describe('adjudicator feedback: companies, market lists and Kaito slang', () => {
  it('Tether the company is not USDT; with a token cue it is', () => {
    expect(coins('2024 年，Tether 反超 Binance，成为利润最高的公司')).toEqual([]);
    expect(coins('Tether 代币 supply keeps growing')).toEqual(['USDT']);
  });

  it('Upbit quote-market lists are not mentions', () => {
    expect(cand('新增交易支持公告（KRW、BTC、USDT市场）', 'USDT')?.accepted).toBe(false);
  });

  it('yapper / Portal beside Chinese are Kaito slang, not tickers', () => {
    expect(coins('恭喜各位Yapper 和 Staker，空投代币')).toEqual([]);
  });
});

describe('adjudicator feedback: Latin cashtag of a mixed Chinese ticker', () => {
  it('$long in a Chinese post is 龙LONG; in English it stays an unlisted cashtag', () => {
    expect(cand('看好 $long 成为bsc meme', '龙LONG')?.accepted).toBe(true);
    expect(cand('I am $long here', '龙LONG')).toBeUndefined();
  });
});

describe('adjudicator feedback: ordinary words and the Terra collapse', () => {
  it('arb as arbitrage is not ARB', () => {
    expect(coins('sharing this funding rate arb opportunity on ETH')).toEqual(['ETH']);
    expect(coins('ARB and OP pumping today')).toEqual(['ARB', 'OP']);
  });

  it('Why / Next / Launch are words unless a token cue follows', () => {
    expect(coins('Why ETH could rally to a new ATH')).toEqual(['ETH']);
    expect(coins('$ETH 300$ NEXT MONDAY')).toEqual(['ETH']);
  });

  it('修仙 in 凡人修仙传 / 在家修仙 is the idiom', () => {
    expect(coins('在B站看了《凡人修仙传》之后')).toEqual([]);
  });

  it('LUNA is the old Terra coin (LUNC) unless the relaunched chain is named', () => {
    expect(coins('经历过luna暴雷的都知道')).toEqual(['LUNC']);
    expect(coins('$dot $luna $ada $vet to the moon')).toEqual(['ADA', 'DOT', 'LUNC', 'VET']);
    expect(coins('$LUNA staking is live on the new chain')).toEqual(['LUNA']);
    expect(coins('LUNA 2.0 airdrop snapshot for $LUNA holders')).toEqual(['LUNA']);
  });
});

describe('adjudicator feedback: dash pairs and launchpad handles', () => {
  it('PEPE-SOL is a pool of PEPE quoted in SOL', () => {
    expect(coins('* PEPE-SOL - Fees 24h: $150.3K')).toEqual(['PEPE']);
  });

  it('launchpad handles (@bonk_fun, @pumpdotfun) are venues, not tokens', () => {
    expect(coins('🚨 @bonk_fun 24-hour revenue is nearly 2x @pumpdotfun')).toEqual([]);
  });
});

describe('adjudicator feedback: wordy tickers and people', () => {
  it('NEWS headings, "5 people", degen风 are words', () => {
    expect(coins('BREAKING NEWS: $BTC ETF approved')).toEqual(['BTC']);
    expect(coins("i'm giving 5 people $50k in ETH")).toEqual(['ETH']);
    expect(coins('官网做的很好看 degen风 代币')).toEqual([]);
  });

  it('逢低买入 written bare is the phrase; the cashtag is the token', () => {
    expect(coins('逢低买入 逢高卖出')).toEqual([]);
    expect(coins('买了 $逢低买入')).toEqual(['逢低买入']);
  });
});

describe('adjudicator feedback: Chinese hashtags and distinctive tickers', () => {
  it('a Chinese ticker as a hashtag in crypto talk is the token', () => {
    expect(coins('集体买入 #重生 这个币')).toEqual(['重生']);
    expect(coins('#重生 进行时，再见少年拉满弓')).toEqual([]);
  });

  it('bnbholder and USDS written bare are the tokens', () => {
    expect(coins('bnbholder 我80m被套')).toEqual(['BNBHOLDER']);
    expect(coins('ABC 代币与 USDT / DAI / USDS 的池子')).toEqual(['DAI', 'USDS', 'USDT']);
  });
});

describe('adjudicator feedback: idioms and products (2)', () => {
  it('土狗币 is a junk memecoin, not DOGE; 狗狗币 is DOGE', () => {
    expect(coins('当土狗币跑得快')).toEqual([]);
    expect(coins('买了狗狗币')).toEqual(['DOGE']);
  });

  it('"2k soon" is the word soon', () => {
    expect(coins('eth will go 2k soon')).toEqual(['ETH']);
  });

  it('Jupiter Lend / Jupiter Swap APIs are products', () => {
    expect(coins('Mastering the Multiply Tab on Jupiter Lend')).toEqual([]);
  });
});

describe('names and renames from our pool annotations (round 6)', () => {
  it('SafeMoon takes its V2 ticker SFM, hashtags included', () => {
    expect(coins('#safemoon to the moon, holding $SAFEMOON')).toEqual(['SFM']);
  });

  it('project names whose ticker differs map to the ticker', () => {
    expect(coins('Bubblemaps flagged the cluster')).toEqual(['BMT']);
    expect(coins('notcoin holders got the drop')).toEqual(['NOT']);
    expect(coins('farming on Initia and Aerodrome')).toEqual(['AERO', 'INIT']);
  });

  it('protocol names whose ticker differs; a curated ticker that is a word stays cashtag-only', () => {
    expect(coins('restaked on StakeStone, LP on Velodrome')).toEqual(['STO', 'VELO']);
    expect(coins('swapped on Thena, the pool is deep')).toEqual(['THE']);
    expect(coins('the market is wet today')).toEqual([]);
  });

  it('wrapped and staked tickers written bare are the tokens', () => {
    expect(coins('bridged cbBTC and tBTC into the vault, paid in wbnb')).toEqual(['CBBTC', 'TBTC', 'WBNB']);
  });
});

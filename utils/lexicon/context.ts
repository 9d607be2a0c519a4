/**
 * Post-level and local context cues used by the disambiguation rules.
 * All patterns run on normalized (lower-cased, folded) text.
 */

/** Words that make a post crypto talk even without a named coin. */
export const CRYPTO_CUES =
  /\b(crypto|cryptos|token|tokens|coin|coins|altcoins?|alts|memecoins?|meme coins?|defi|airdrops?|staking|stake|onchain|on-chain|blockchain|wallet|dex|cex|perps?|futures|leverage|liquidat\w*|tge|listing|listed|binance|okx|bybit|bitget|kucoin|coinbase|pump\.fun|mint|minted|nft|nfts|web3|hodl|ath|mcap|market cap|fdv|tvl|yield|apy|swap|bridge|mainnet|testnet|validator|satoshi|sats|degen|rug|rugged|presale|ca|contract|launchpad|dyor|wagmi|gm|lfg|moonbag|bags|shill|whales?|chart|longs?|shorts?|longed|shorted|entry|tp|sl|hype|l1|l2|layer ?[12]|x100|100x|10x|1000x|mev|fees|dapp|liquidity|slippage|ecosystem|points|protocol|rollup|zk|evm|stablecoins?|bitcoin|ethereum|solana)\b|币|链|空投|合约|做多|做空|多单|空单|现货|交易所|钱包|质押|挖矿|上线|上币|主网|测试网|撸毛|代币|牛市|熊市|土狗|山寨|市值|爆仓|杠杆|抄底|止损|止盈|仓位|开单|埋伏|开多|开空|链上|打新|冲了|梭哈|拉盘|砸盘|庄家|二级|一级|叙事|赛道|meme|仓|涨|跌|生态|上车|接盘|拉升|回调|反弹|k线|链游|项目|社区|钱包|发射|内盘|外盘|上所|交易|地址|发币|梭哈|协议|项目方|创始人|公链|二层|跨链|稳定币|交易对|质押|链抽象|主网|打新|alpha/;

/** Stock-market talk: makes unknown cashtags and stock-colliding tickers stocks. */
export const STOCK_CUES =
  /\b(stocks?|shares?|earnings|nasdaq|nyse|otc|s&p|dow|dividends?|calls|puts|options|premarket|pre-market|after ?hours|eps|revenue|guidance|ipo|etf|etfs|short interest|float|sec filing|10-k|10-q|fda|ceo)\b|美股|股票|股价|财报|纳指|标普|港股|a股/;

/** A price / amount right next to a ticker: "SOL 150", "ETH at $3,200", "$2.1 OP", "op 涨了". */
/** A price / amount right next to a ticker: "SOL 150", "ETH at $3,200", "op 涨了" (not "next 4 months"). */
export const NEAR_PRICE =
  /^\s{0,2}(?:at\s+|@\s*|is\s+|to\s+)?[$¥]?\d[\d,.]*(?![\d,.]|\s*(?:months?|days?|hours?|weeks?|years?|mins?|minutes?|seconds?|h\b|am\b|pm\b|天|小时|个月|年|月|日|号|点|分钟|周))|^\s{0,2}(?:[+-]\d|\d+(?:\.\d+)?%)|^\s{0,2}(?:涨|跌|价格|多|空|现货|合约|突破|回调|拉|砸|爆|破|的价格|永续)/;
export const PRICE_BEFORE = /(?:(?:^|[^a-z0-9])[$¥]?\d[\d,.]*\s?(?:[kmb]|万|亿)?\s*|买入|卖出|做多|做空|开多|开空|long|short|buy|sell|bought|sold|longed|shorted|holding|hold|stake|staked|accumulate|ape into|aped)\s*$/;

/** Word-level verbs and phrases that make ambiguous English words ordinary words. */
export const ORDINARY_PHRASES: Record<string, RegExp> = {
  pump: /\bpump(?:ed|ing|s)?\s+(?:it|and|up|the|this|that|my|your|our|to|into|&)\b|\b(?:to|will|gonna|let it|can|could|must|might|should|would|need to|not)\s+pump\b|pump\s*\.\s*fun|\bpumpfun|\bpump\s+fun\b|\bpump\s+and\s+dump\b/,
  moon: /\bto the moon\b|\bthe moon\b|\bmoon\s*(?:soon|mission|boy|shot)\b|\bmooning\b|\bmoonshot\b/,
  ape: /\bape(?:d|s|ing)?\s+(?:in|into|on)\b|\b(?:i|we|they|you|just|will)\s+aped?\b/,
  near: /\bnear\s+(?:term|future|the|a|an|\d|zero|support|resistance|ath|high|low|bottom|top|my|our|by|me|you|here|there)\b|\b(?:in|the|or|very|so|too|anywhere|nowhere|come|came|get|got|draw|draws|drawing)\s+near\b/,
  link: /\blink\s+(?:in|below|above|to|here|up)\b|\b(?:the|this|my|a|click|check|via)\s+link\b/,
  one: /\b(?:no|any|some|every|the|this|that|a|each|only|which)\s+one\b|\bone\s+(?:of|day|more|thing|year|month|week|time)\b/,
  gas: /\bgas\s+(?:fee|fees|price|prices|war|limit)\b|\b(?:low|high|no|pay|paying)\s+gas\b/,
  op: /\bop\s+(?:is|said|says|here|stack|succinct|superchain)\b|(?:\bthe|@)\s*op\b/,
  ai: /\bai\s+(?:agent|agents|model|models|tools?|coins?|tokens?|sector|narrative|meta|x)\b|\b(?:an|the|gen|genai)\s+ai\b/,
  sol: /\b(?:el|la|del|al)\s+sol\b|\bsol\s+(?:y|de|en)\b/,
  alpha: /(?:币安|binance|bn|okx|bitget|bybit|gate)\s*alpha\b|\balpha\s*(?:积分|空投|活动|points|events?|leak|group|call)/,
  layer: /\bx\s*layer\b|\blayer\s*(?:[0-9]|one|two|zero)\b|\blayers\b/,
  soon: /\d[\d,.]*[kmb]?\s+soon\b|\bcoming\s+soon\b|\bsoon\s+(?:enough|to|after)\b|\bsee you soon\b/,
  arb: /\b(?:funding|rate|risk-free|basis|cex|dex|stat|cross-market)\s+arb\b|\barb\s+(?:bots?|opportunit\w*|spreads?|trades?|trading|strateg\w*|the|that|this|it)\b|\b(?:an|the)\s+arb\b/,
  trump: /\b(?:president|donald|mr\.?|potus|former president)\s+trump\b|\btrump\s+(?:administration|said|says|signed|tariffs?|officials?|team|family|campaign)\b/,
};

/**
 * Synthetic training posts (English / Chinese / mixed) with exact spans:
 * every surface form (cashtag, bare ticker, name, hashtag, @handle, pair, Chinese
 * names), contrastive sentences where common-word tickers are plain words, stock
 * cashtags in stock talk, and made-up tickers so the model learns from context
 * rather than memorising names.
 */

export interface SynthPost {
  text: string;
  coins: string[];
  /** Coin spans in original offsets. */
  spans: { start: number; end: number; symbol: string }[];
}

export interface SurfaceInventory {
  /** symbol → surface forms seen in gold training data or the registry. */
  bySymbol: Map<string, string[]>;
}

const EN_COIN = [
  '{c} just broke {p}, next stop ATH',
  'longed {c} at {p}, tp {p2}',
  'bought more {c} today 🚀',
  '{c} vs {c2}: which one are you holding?',
  'not selling my {c} below {p}',
  '{c} looking bullish on the 4h',
  'rotating out of {c} into {c2}',
  'just aped {n}k into {c}',
  'gm. {c} holders where you at',
  '{c} funding flipped negative, shorts getting greedy',
  "who's still holding {c}?",
  'my bags: {c}, {c2} and a bit of {c3}',
  '{c} is the play this cycle, not {c2}',
  'if {c} holds {p} we send',
  'stacking {c} every dip',
  '{c} chart looks like {c2} before the run',
  'sold my {c} for {c2}, regret?',
  'new ATH for {c} 🔥',
  'staking {c} for {n}% apy',
  '{c} dumped {n}% in an hour lol',
  'accumulating {c} under {p}',
  '{c} ecosystem is heating up',
];
const EN_PAIR = ['{t}/USDT breakout on the 1h', 'short {t}USDT here, stop {p}', '{t}-PERP open interest at record', '{t}/USDC pool is live'];
const EN_STOCK = [
  '{s} earnings beat, stock up {n}% after hours',
  '{s} guidance cut, shares down {n}% premarket',
  'NYSE: {s} hits a 52-week high',
  'adding {s} and {s} to my IRA',
  '{s} dividend raised again',
  'options flow: big {s} puts for next week',
  '{s} stock split announced',
  'my portfolio: {s} {s} {s}, all in on tech',
  '{s} Q3 revenue {p}M vs {p2}M expected',
  'bought {s} calls expiring friday',
  '{s} shares down premarket, nasdaq weak',
  '{s} to the moon, best stock in my portfolio',
  'trimmed my {s} position before CPI',
  '{s} breaking out on volume, long the stock',
];
const EN_MIXED = ['{s} up {n}% while {c} dumps', 'sold {s} shares to buy more {c}', '{c} treasury companies like {s} keep buying'];
const EN_WORDS = [
  'i live near the station', "we're near the end of the year", 'log in to claim your reward', 'in my opinion this is fine',
  'my ip got banned again', 'one of the best days of my life', 'one more time', 'gas prices are insane this week',
  'link in bio', 'check the link below', 'a ton of work to do today', 'that truck carries 10 ton', 'op is right about this',
  'great point op', "don't ape into random stuff", 'they will pump it and dump it on you', 'this is going to the moon',
  'ai agents are everywhere now', 'sol y playa todo el verano', 'trump says new tariffs are coming', 'cz posted again',
  'vitalik wrote a new blog post', 'binance lists a new token today', 'coinbase app is down again', 'pump.fun volume is crazy',
  'memecoins are back', 'altcoins bleeding hard', 'total crypto market cap is up', 'stablecoins supply keeps growing',
  'near the top now', 'ip lawyers will sue', 'one day or day one', 'the gas station ran out', 'link up later?',
  'sun is out', 'so much hype for nothing', 'just ape in and pray', 'pump your tires before the trip', 'ai will take our jobs',
  'the op stack docs are great', 'this is a rug, stay safe', 'wen airdrop', 'meme season', 'degen mode on',
  'i sent 100u to my friend', 'paid 2.8e for that nft', 'in and out in 5 minutes', 'move fast and break things', 'the best is near',
];
const ZH_COIN = [
  '{c}又跌了，还能抄底吗', '今天加仓了{c}，目标{p}', '{c}突破{p}了，空军爆仓', '梭哈{c}，不成功便成仁', '{c}和{c2}哪个更有潜力？',
  '现货拿着{c}，合约开了{c2}的多单', '{c}这波拉盘太猛了', '{c}止跌了吗', '昨晚{c}插针到{p}', '继续看好{c}',
  '{c}的生态越来越热闹了', '手里的{c}全换成了{c2}', '{c}今天涨了{n}%', '{c}空单止盈了', '{c} 回调就是上车机会', '拿住{c}别下车',
];
const ZH_STOCK = ['美股{s}财报超预期，盘后涨了{n}%', '买了点{s}的股票', '{s}股价又新高了', '{s}期权到期了', '港股和美股一起跌，{s}也没跑掉', '{s}盘前大跌{n}%，纳指承压'];
const ZH_WORDS = [
  '点击链接领取空投', '今天太阳很大', '山寨季来了吗', '土狗冲冲冲', '平台币表现不错', '币安上新了', '欧易的活动不错',
  '合约还是少玩', '牛市什么时候来', '100u 起步', '10万u 爆仓了', '这个项目方跑路了', '大家注意风险', '今天行情一般',
  '一起吃个饼吧', '画饼而已', '孙宇晨又发推了', '狗庄又在砸盘', '稳定币的市场越来越大', '链接在评论区',
];
const STOCKS = ['$TSLA', '$MSTR', '$COIN', '$NVDA', '$AAPL', '$AMZN', '$SPY', '$QQQ', '$HOOD', '$GME', '$AMC', '$IBIT', '$PLTR', '$META', '$MSFT', '$AMD', '$SMCI', '$CRCL', '$GOOGL', '$NFLX', 'TSLA', 'NVDA', 'AAPL', 'MSTR'];
/** Tickers that are also common words: shown in coin sense only in trading talk, and as words in EN_WORDS. */
const WORD_TICKERS: [string, string][] = [
  ['near', 'NEAR'], ['ip', 'IP'], ['one', 'ONE'], ['gas', 'GAS'], ['link', 'LINK'], ['ton', 'TON'], ['op', 'OP'], ['ape', 'APE'],
  ['pump', 'PUMP'], ['ai', 'AI'], ['sol', 'SOL'], ['moon', 'MOON'],
];

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeSynth(inv: SurfaceInventory, count: number, seed = 7): SynthPost[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const symbols = [...inv.bySymbol.keys()];
  const latinSymbols = symbols.filter((s) => /^[A-Z0-9]+$/.test(s));
  const fakeTicker = () => {
    const n = 3 + Math.floor(rnd() * 4);
    let t = '';
    for (let i = 0; i < n; i++) t += String.fromCharCode(65 + Math.floor(rnd() * 26));
    return t;
  };
  const caseVariant = (t: string) => (rnd() < 0.7 ? t.toUpperCase() : t.toLowerCase());
  /** A coin surface plus its symbol. */
  const coin = (zh: boolean): [string, string] => {
    const r = rnd();
    if (r < 0.12) {
      const t = fakeTicker();
      return ['$' + caseVariant(t), t];
    }
    if (r < 0.16) {
      const [w, sym] = pick(WORD_TICKERS);
      return [rnd() < 0.5 ? '$' + caseVariant(w) : rnd() < 0.5 ? w.toUpperCase() : w, sym];
    }
    const sym = pick(symbols);
    const forms = inv.bySymbol.get(sym)!;
    const r2 = rnd();
    if (/^[A-Z0-9]+$/.test(sym)) {
      if (r2 < 0.3) return ['$' + caseVariant(sym), sym];
      if (r2 < 0.4) return ['#' + sym, sym];
      if (r2 < 0.5 && !zh) return [sym, sym];
    }
    let f = pick(forms);
    if (zh && rnd() < 0.5) {
      const zhForms = forms.filter((x) => /[\u4e00-\u9fff]/.test(x));
      if (zhForms.length) f = pick(zhForms);
    }
    return [f, sym];
  };
  const num = () => String(1 + Math.floor(rnd() * 90));
  const price = () => (rnd() < 0.5 ? String(Math.floor(rnd() * 100000)) : (rnd() * 10).toFixed(2));

  function fill(tpl: string, zh: boolean, out: SynthPost) {
    // Fill placeholders left to right so span offsets are exact.
    const re = /\{(c2|c3|c|s|n|p2|p|t)\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    let text = out.text;
    while ((m = re.exec(tpl))) {
      text += tpl.slice(last, m.index);
      last = m.index + m[0].length;
      const key = m[1];
      if (key === 'c' || key === 'c2' || key === 'c3') {
        const [surface, sym] = coin(zh);
        out.spans.push({ start: text.length, end: text.length + surface.length, symbol: sym });
        if (!out.coins.includes(sym)) out.coins.push(sym);
        text += surface;
      } else if (key === 't') {
        const sym = rnd() < 0.2 ? fakeTicker() : pick(latinSymbols.length ? latinSymbols : ['BTC']);
        const surface = caseVariant(sym);
        out.spans.push({ start: text.length, end: text.length + surface.length, symbol: sym });
        if (!out.coins.includes(sym)) out.coins.push(sym);
        text += surface;
      } else if (key === 's') {
        // Half the stock cashtags are made up, so stock context (not a list of names) decides.
        text += rnd() < 0.5 ? pick(STOCKS) : (rnd() < 0.8 ? '$' : '') + fakeTicker();
      }
      else if (key === 'n') text += num();
      else text += price();
    }
    out.text = text + tpl.slice(last);
  }

  const posts: SynthPost[] = [];
  for (let k = 0; k < count; k++) {
    const post: SynthPost = { text: '', coins: [], spans: [] };
    const parts = 1 + Math.floor(rnd() * 3);
    for (let p = 0; p < parts; p++) {
      if (p > 0) post.text += pick([' ', '\n', '. ', '，', '\n\n']);
      const r = rnd();
      const zh = rnd() < 0.45;
      if (zh) {
        if (r < 0.55) fill(pick(ZH_COIN), true, post);
        else if (r < 0.7) fill(pick(ZH_STOCK), true, post);
        else fill(pick(ZH_WORDS), true, post);
      } else {
        if (r < 0.36) fill(pick(EN_COIN), false, post);
        else if (r < 0.44) fill(pick(EN_PAIR), false, post);
        else if (r < 0.62) fill(pick(EN_STOCK), false, post);
        else if (r < 0.7) fill(pick(EN_MIXED), false, post);
        else fill(pick(EN_WORDS), false, post);
      }
    }
    posts.push(post);
  }
  return posts;
}

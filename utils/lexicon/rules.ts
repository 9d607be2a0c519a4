/**
 * Disambiguation: turns raw matches into Candidates with the lexicon's own
 * verdict. Every rule here has a unit test in test/unit/lexicon-rules.test.ts.
 */
import type { AmbiguityClass, Candidate } from './candidate';
import type { MatchText } from './fold';
import { toOriginalSpan } from '../normalize';
import type { RawMatch } from './scan';
import { CRYPTO_CUES, NEAR_PRICE, ORDINARY_PHRASES, PRICE_BEFORE, STOCK_CUES } from './context';

/**
 * Spans inside URLs and domain names (pump.fun, x.com/solana) never count; nor
 * a word cut off by "…". Checked per candidate on its whitespace-delimited token.
 */
const URL_PREFIX = /https?:\/\/|www\./;
/** A dot then a top-level domain (or .sol / .eth name) ending the word; the TLD is checked in URL_TLDS. */
const DOMAIN_TAIL = /(?<=[a-z0-9-])\.([a-z]{2,11})(?![a-z0-9])/g;
const URL_TLDS = new Set(['com', 'io', 'xyz', 'fi', 'fun', 'finance', 'org', 'net', 'app', 'gg', 'so', 'ai', 'co', 'me', 'money', 'exchange', 'trade', 'network', 'foundation', 'build', 'dev', 'meme', 'cc', 'tv', 'ly', 'to', 'info', 'sh', 'pro', 'live', 'wtf', 'academy', 'market', 'land', 'world', 'cash', 'bot', 'club', 'site', 'top', 'space', 'tech', 'link', 'lol', 'ag', 'is', 'limo', 'sol', 'eth', 'bnb', 'id', 'gl', 'ws', 'social', 'page', 'art', 'wiki', 'news', 'tools', 'cn', 'de', 'uk', 'jp', 'kr', 'in', 'us', 'eu', 'vc']);

function urlish(token: string): boolean {
  // Every URL or domain has a dot: most tokens are rejected here without a regex.
  if (token.indexOf('.') < 0) return false;
  if (URL_PREFIX.test(token)) return true;
  DOMAIN_TAIL.lastIndex = 0;
  for (let d = DOMAIN_TAIL.exec(token); d; d = DOMAIN_TAIL.exec(token)) if (URL_TLDS.has(d[1]!)) return true;
  return false;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 0x3000 || (c >= 0x3400 && c <= 0x9fff);

export function inUrlToken(t: string, s: number, e: number): boolean {
  let a = s;
  while (a > 0 && !isSpace(t.charCodeAt(a - 1))) a--;
  let b = e;
  while (b < t.length && !isSpace(t.charCodeAt(b))) b++;
  if (t.charCodeAt(e) === 0x2026) return true; // "sol…": a truncated word
  return urlish(t.slice(a, b));
}

/** Post-level facts, computed lazily: most posts only have unambiguous matches and never need them. */
export class PostContext {
  private _cue?: boolean;
  private _stock?: boolean;
  private _finance?: boolean;
  private _shouting?: boolean;
  /** Number of distinct symbols matched unambiguously. */
  readonly strong: number;

  constructor(
    private readonly original: string,
    private readonly t: string,
    live: RawMatch[],
    private readonly hasAddress: boolean,
  ) {
    const strong = new Set<string>();
    for (const m of live) if (isStrong(m)) strong.add(m.symbol);
    this.strong = strong.size;
  }

  /** Post talks about crypto (cue words, addresses). */
  get cue(): boolean {
    return (this._cue ??= this.hasAddress || CRYPTO_CUES.test(this.t));
  }

  /** Broker / earnings talk and no crypto cue words: a lone cashtag is a stock. */
  get finance(): boolean {
    return (this._finance ??= FINANCE_CUES.test(this.t) && !this.cue);
  }

  /** Post talks about stocks. */
  get stock(): boolean {
    return (this._stock ??= STOCK_CUES.test(this.t));
  }

  /** Most letters are upper case (shouting): case is weak evidence then. */
  get shouting(): boolean {
    if (this._shouting === undefined) {
      let letters = 0;
      let uppers = 0;
      for (let i = 0; i < this.original.length; i++) {
        const c = this.original.charCodeAt(i);
        if (c >= 65 && c <= 90) (letters++, uppers++);
        else if (c >= 97 && c <= 122) letters++;
      }
      this._shouting = letters >= 20 && uppers / letters > 0.6;
    }
    return this._shouting;
  }
}

function isUpperWord(s: string): boolean {
  return /[A-Z]/.test(s) && s === s.toUpperCase();
}
function isCapitalized(s: string): boolean {
  return /^[A-Z]/.test(s);
}

/** A raw match is "strong" when it needs no context: it then counts as context for the others. */
function isStrong(m: RawMatch): boolean {
  if (m.listing !== 'asset') return false;
  const amb = m.entry?.ambiguity ?? 'none';
  if (m.kind === 'cashtag' || m.kind === 'pair' || m.kind === 'handle') return true;
  if (amb !== 'none') return false;
  if (m.kind === 'ticker') return m.entry?.bare === true && m.symbol.length >= 3;
  return true;
}

export function decide(original: string, norm: MatchText, raws: RawMatch[], hasAddress: boolean): Candidate[] {
  const t = norm.text;
  const live: RawMatch[] = [];
  for (const m of raws) if (!inUrlToken(t, m.start, m.end)) live.push(m);
  // LUNA is the pre-2022 Terra coin, today's LUNC (78 of 84 annotated LUNA posts), unless the post
  // names the relaunched chain ("LUNA 2.0", "luna2", "new chain").
  for (const m of live) if (m.symbol === 'LUNA' && !LUNA_RELAUNCH.test(t)) m.symbol = 'LUNC';
  const ctx = new PostContext(original, t, live, hasAddress);
  const out: Candidate[] = [];
  const surfaces: string[] = [];
  const spans: [number, number][] = [];
  for (const m of live) {
    const span: [number, number] = norm.identity ? [m.start, m.end] : toOriginalSpan(norm, m.start, m.end);
    const surface = original.slice(span[0], span[1]);
    m.upper = isUpperWord(surface.replace(/^[$#@]/, ''));
    spans.push(span);
    surfaces.push(surface);
  }
  for (let k = 0; k < live.length; k++) {
    const m = live[k]!;
    const [start, end] = spans[k]!;
    const surface = surfaces[k]!;
    const v = verdict(m, surface, t, ctx, live, original, start);
    if (!v) continue;
    out.push({ start, end, text: surface, symbol: m.symbol, kind: m.kind, ambiguity: v.ambiguity, accepted: v.accepted, confidence: v.confidence });
  }
  return out;
}

interface Verdict {
  accepted: boolean;
  ambiguity: AmbiguityClass;
  confidence: number;
}

function returnsTrue(): boolean {
  return true;
}
function accept(ambiguity: AmbiguityClass, confidence: number): Verdict {
  return { accepted: true, ambiguity, confidence };
}
function reject(ambiguity: AmbiguityClass, confidence: number): Verdict {
  return { accepted: false, ambiguity, confidence };
}

/** Other coins listed right beside this one ("BTC, ETH, SOL" / "btc eth link"). */
function inCoinList(m: RawMatch, all: RawMatch[], t: string, sameCase = false): boolean {
  return all.some((o) => {
    if (o === m || o.symbol === m.symbol || !isStrong(o)) return false;
    // "btc, eth, link" is a list; "the bill, BTC up" is not.
    if (sameCase && o.upper !== m.upper) return false;
    // A list is written in one style: tickers with tickers, #tags with #tags ("Why Ethereum", "Alpha $X" are not lists).
    // With a punctuation separator any bare words form a list ("PALU、小何"); with spaces only,
    // both must be written alike ("btc eth link"; not "Why Ethereum").
    const gap = o.end <= m.start ? t.slice(o.end, m.start) : o.start >= m.end ? t.slice(m.end, o.start) : null;
    // A separator is required: "修仙IP" (glued) is not a list.
    if (gap === null || gap.length === 0 || !/^\s*(?:[,/&|、，+]|and|or|vs\.?|和|与|跟)?\s*$/.test(gap)) return false;
    return gap.trim() === '' ? writing(o.kind) === writing(m.kind) : family(o.kind) === family(m.kind);
  });
}

const HAS_CJK = /[\u3400-\u9fff]/;

/** Beside another bare ticker (listed or not, strong or not) with only a list separator between them. */
function inTickerRun(m: RawMatch, all: RawMatch[], t: string): boolean {
  return all.some((o) => {
    if (o === m || o.symbol === m.symbol || o.kind !== 'ticker' || o.listing !== 'asset') return false;
    const gap = o.end <= m.start ? t.slice(o.end, m.start) : o.start >= m.end ? t.slice(m.end, o.start) : null;
    return gap !== null && gap.length > 0 && /^\s*(?:[,/&|、，+]|and|or|和|与|跟)?\s*$/.test(gap);
  });
}

function family(k: RawMatch['kind']): string {
  return k === 'pair' || k === 'ticker' || k === 'name' || k === 'zh_name' ? 'word' : k;
}
function writing(k: RawMatch['kind']): string {
  return k === 'pair' ? 'ticker' : k;
}

/** Latin words Chinese posts use as ordinary words (gas费, 点开link, ai赛道). */
const ZH_LATIN_COMMON = new Set(['gas', 'link', 'ai', 'ip', 'app', 'web', 'kol', 'vc', 'ok', 'up', 'fomo', 'meme', 'alpha', 'beta', 'pro', 'max', 'plus', 'mini', 'air', 'pay', 'bot', 'go', 'one', 'new', 'top', 'hot', 'space', 'live', 'dex', 'cex', 'vip', 'defi', 'id', 'time', 'key', 'real', 'based', 'fast', 'safe', 'gold', 'moon', 'pump', 'apr', 'apy', 'ath', 'tge', 'soon', 'layer', 'news', 'yap', 'yaps', 'yapper', 'yappers', 'portal', 'labubu']);

/** An upper-case Latin word glued to Chinese text ("SOL被吸血") is written as a ticker. */
function cjkBeside(m: RawMatch, t: string): boolean {
  const cjk = (i: number) => i >= 0 && i < t.length && /[\u3400-\u9fff]/.test(t[i]!);
  return cjk(m.start - 1) || cjk(m.end) || (t[m.end] === ' ' && cjk(m.end + 1));
}

function standsAlone(m: RawMatch, t: string): boolean {
  const cjk = (i: number) => i >= 0 && i < t.length && /[\u3400-\u9fff]/.test(t[i]!);
  return !cjk(m.start - 1) && !cjk(m.end);
}

function nearPrice(m: RawMatch, t: string): boolean {
  return NEAR_PRICE.test(t.slice(m.end, m.end + 16)) || PRICE_BEFORE.test(t.slice(Math.max(0, m.start - 16), m.start));
}

/** Token cue right beside a mention: price, 币 / 代币 / token / coin, a number. */
const TOKEN_AFTER = /^\s?(?:币|代币|token|coin|price|价格|空投|airdrop|涨|跌|\/|usdt|[$]?\d|(?:要|将|会|就)?发币|的代币|现货|合约|上线|上所|市值|mc\b|mcap)/;
const TOKEN_BEFORE = /(?:buy|sell|bought|sold|long|short|aped|购买|买|卖|买入|卖出|做多|做空|持有|梭哈|吃上|打到|上车|埋伏|买了|卖了|空|多|\d)\s*$/;
function tokenCue(m: RawMatch, t: string): boolean {
  return TOKEN_AFTER.test(t.slice(m.end, m.end + 10)) || TOKEN_BEFORE.test(t.slice(Math.max(0, m.start - 8), m.start));
}

/** Global copies of ORDINARY_PHRASES, made once (a phrase may occur several times in the window). */
const ORDINARY_G = new Map(Object.entries(ORDINARY_PHRASES).map(([k, re]) => [k, new RegExp(re.source, `${re.flags}g`)]));

function ordinaryPhrase(m: RawMatch, t: string): boolean {
  const key = t.slice(m.start, m.end).replace(/^[$#]/, '');
  const re = ORDINARY_G.get(key);
  if (!re) return false;
  const from = Math.max(0, m.start - 20);
  const win = t.slice(from, Math.min(t.length, m.end + 20));
  re.lastIndex = 0;
  for (let hit = re.exec(win); hit; hit = re.exec(win)) {
    const pos = from + hit.index;
    if (pos <= m.start && pos + hit[0].length >= m.end) return true;
    if (hit[0].length === 0) re.lastIndex++;
  }
  return false;
}

/**
 * "Delphinus Lab", "Protocol Labs", "OP Succinct": a title-case word right after another
 * capitalized word (not at a sentence start) is part of a proper name.
 */
function insideProperName(original: string, start: number, surface: string): boolean {
  if (!/^[A-Z][a-z]/.test(surface)) return false;
  const before = original.slice(Math.max(0, start - 40), start);
  const m = /([A-Z][A-Za-z0-9]*)[ \t]+$/.exec(before);
  if (!m) return false;
  if (SENTENCE_WORDS.has(m[1]!.toLowerCase())) return false;
  const head = before.slice(0, before.length - m[0].length);
  return !/[#@$]$/.test(head);
}

/** Capitalized words that start sentences rather than names ("Why Plasma …", "Buy Sign"). */
const SENTENCE_WORDS = new Set(
  'the a an why how what when where who my our your their his her its this that these those and but or so if in on at for with to from by of is are was i we you they he she it just buy sell long short bullish bearish hold new big all no not yes gm hey hi ok'.split(' '),
);

/** Chinese set phrases that contain a coin's name or ticker, keyed by the matched surface. */
const ZH_IDIOM_BEFORE: Record<string, RegExp> = {
  大饼: /画(?:了|的|个|一个|出|着|这种)?$|画的这个$/,
  饼: /画(?:了|的|个|一个|出|着)?大?$/,
  币安人生: /(?:过上了?|过上一个|重启你?的|真正的|开启|开启你的|走上)$/,
  修仙: /(?:凡人|在家|如|这条路上|[“《"])$/,
  // 土狗币: a junk memecoin, not DOGE.
  狗币: /土$/,
};
const ZH_IDIOM_AFTER: Record<string, RegExp> = {
  修仙: /^(?:传|[”》"]|之路|小说)/,
  // "buy the dip": the token is written as a cashtag ($逢低买入).
  逢低买入: /^/,
};

/** Tickers that are ordinary English words in title or upper case ("Why ETH", "NEXT MONDAY"): need a token cue. */
const WORDY_TOKEN_AFTER = /^\s?(?:币|代币|token|coin|price|价格|市值|mc\b|mcap)/;
const WORDY_TICKERS = new Set(['WHY', 'NEXT', 'LAUNCH', 'NEWS', 'PEOPLE', 'DEGEN', 'BOOP', 'GOATED', 'NEET', 'CRASHOUT', 'TRENCHES', 'PASTERNAK']);

/** Companies whose name is also their token's name; the name alone means the company. */
const COMPANY_NAMES = new Set(['tether', 'ripple', 'htx']);
/** First characters MARKET_AFTER can start with (a cheap pre-check on the hot path). */
const MARKET_FIRST = new Set([32, 0x5e02, 0xb9c8, 109]);
const MARKET_AFTER = /^\s?(?:市场|마켓|markets?\b)/;

const LUNA_RELAUNCH = /luna\s?(?:2\.0|v2)|luna2|terra\s?2\.0|new (?:luna|terra|chain)|新链/;

/** Topic hashtags that collide with tickers or names. */
const GENERIC_HASHTAGS = new Set(['nft', 'nfts', 'news', 'sec', 'live', 'startup', 'startups', 'sea', 'sun', 'fx', 'dao', 'degen', 'web3', 'ai', 'defi', 'crypto', 'blockchain', 'gamefi', 'metaverse']);

/** Words after a project's name that make it a product, event or venue of that project. */
const PRODUCT_AFTER: Record<string, RegExp> = {
  JUP: /^\s?(?:mobile|apis?|studio|wallet|pro|lend|swap apis?|perps? apis?)\b/,
  '1INCH': /^\s?(?:wallet|pro|business|apis?|swap api|app|dev portal)\b/,
  BLUE: /^\s?pro\b/,
  ETH: /^\s?(?:(?:beijing|hangzhou|denver|shanghai|prague|cc|global|taipei|singapore|belgrade|lisbon|bucharest|tokyo)\b|北京|杭州|上海|深圳|香港|丹佛)/,
};
function productAfter(m: RawMatch, t: string): boolean {
  const re = PRODUCT_AFTER[m.symbol];
  return re !== undefined && re.test(t.slice(m.end, m.end + 16));
}

/** Broker / earnings vocabulary: stock talk strong enough to turn a lone registry cashtag into a stock. */
const FINANCE_CUES =
  /\b(?:plc|inc|corp|ltd|price target|earnings|eps|analysts?|brokers|rating|upgraded|downgraded|nasdaq|nyse|lse|gbx|dividends?|investment research|shares? of|#stocks)\b/;

function verdict(
  m: RawMatch,
  surface: string,
  t: string,
  ctx: PostContext,
  all: RawMatch[],
  original: string,
  start: number,
): Verdict | undefined {
  const entry = m.entry;
  const amb: AmbiguityClass = m.listing === 'stock' ? 'stock' : m.listing === 'unlisted' ? 'unlisted' : (entry?.ambiguity ?? 'none');
  const otherStrong = ctx.strong - (isStrong(m) ? 1 : 0) > 0;
  // Lazy: reading ctx.cue runs the cue regex.
  const cryptoCtx = otherStrong ? returnsTrue : () => ctx.cue;

  // Products and events carrying a project's brand (1inch Wallet, Jupiter Mobile, ETH Denver) are not the coin.
  if (m.kind !== 'cashtag' && m.kind !== 'pair' && productAfter(m, t)) return reject(amb, 0.8);
  // Upbit-style market lists "(KRW, BTC, USDT 마켓)": quote markets, not mentions.
  if (m.kind === 'ticker' && MARKET_FIRST.has(t.charCodeAt(m.end)) && MARKET_AFTER.test(t.slice(m.end, m.end + 8)) && /\bkrw\b/.test(t)) return reject(amb, 0.7);
  switch (m.kind) {
    case 'cashtag': {
      if (m.listing === 'stock') {
        // $COIN, $MSTR: stocks, unless the ticker is also a registry coin and the post is crypto-only talk.
        return entry && cryptoCtx() && !ctx.stock && otherStrong ? accept(amb, 0.55) : reject(amb, 0.8);
      }
      if (m.listing === 'unlisted' || m.listing === 'known') {
        // Stock talk (cues, or other stock cashtags like $SPY beside it) makes an unknown cashtag a stock.
        if (ctx.stock || all.some((o) => o.listing === 'stock') || ctx.finance) return reject(amb, 0.6);
        return cryptoCtx() ? accept(amb, m.listing === 'known' ? 0.75 : 0.6) : reject(amb, 0.55);
      }
      if (/^\d+$/.test(m.symbol)) {
        // $4: a coin only when not an amount ("$4 billion", "$4.5", "$4k").
        const after = t.slice(m.end, m.end + 12);
        if (/^(?:[.,]\d|\s?(?:[kmb]\b|bn\b|mn\b|billion|million|thousand|万|亿|千|刀|美元|usd|per|\/|-\s?\$?\d|to\b))/.test(after)) return reject(amb, 0.8);
        return cryptoCtx() ? accept(amb, 0.6) : reject(amb, 0.5);
      }
      // $CAKE (Cheesecake Factory), $GNS (Genus plc): a lone registry cashtag in broker / earnings talk is the stock.
      if (!otherStrong && (m.entry?.rank ?? 5000) > 30 && ctx.finance) return reject('stock', 0.7);
      return accept(amb, 0.97);
    }
    case 'pair':
      return accept(amb, 0.95);
    case 'handle':
      return accept(amb, 0.85);
    case 'hashtag':
      // #NFT, #News, #SEC, #DAO: topic tags, never a coin.
      if (GENERIC_HASHTAGS.has(surface.slice(1).toLowerCase())) return reject(amb, 0.8);
      if (!otherStrong && ctx.finance) return reject('stock', 0.7);
      // #重生, #修仙: a Chinese ticker tagged in crypto talk is the token.
      if (entry?.cjk && entry.form === 'symbol' && cryptoCtx()) return accept(amb, 0.7);
      // #NFT, #DAO: tickers that are never bare are not hashtag coins either.
      if (entry?.form === 'symbol' && !entry.bare) return reject(amb, 0.7);
      if (entry?.needsCue && entry.form === 'symbol') return tokenCue(m, t) || inCoinList(m, all, t) ? accept(amb, 0.7) : reject(amb, 0.7);
      if (amb === 'none') return accept(amb, 0.9);
      // #near, #link: a coin hashtag only when written as a ticker or listed with other coins.
      return cryptoCtx() && (isUpperWord(surface) || inCoinList(m, all, t)) ? accept(amb, 0.7) : reject(amb, 0.6);
    case 'ticker': {
      const upper = isUpperWord(surface) && !ctx.shouting;
      // "funding arb", "Why ETH", "NEXT MONDAY": the word, whatever the ticker's class.
      if (ORDINARY_G.has(m.symbol.toLowerCase()) && ordinaryPhrase(m, t)) return reject(amb, 0.85);
      if (WORDY_TICKERS.has(m.symbol) && !WORDY_TOKEN_AFTER.test(t.slice(m.end, m.end + 8))) return reject(amb, 0.7);
      if (!entry?.bare) {
        // Cashtag-only assets: reported (rejected) only when written like a ticker, for the model's features.
        if (!isUpperWord(surface) || surface.length < 3) return undefined;
        return reject(amb, 0.6);
      }
      if (entry.needsCue) {
        // PUMP (pump.fun the venue), TRUMP (the person), BONK (the launchpad): the token only with a token cue.
        if (ordinaryPhrase(m, t)) return reject(amb, 0.85);
        if (tokenCue(m, t)) return accept(amb, 0.7);
        return isUpperWord(surface) && otherStrong && inCoinList(m, all, t) ? accept(amb, 0.65) : reject(amb, 0.7);
      }
      if (amb === 'none') return accept(amb, 0.9);
      if (amb === 'stock') return upper && cryptoCtx() && !ctx.stock ? accept(amb, 0.55) : reject(amb, 0.7);
      // en_word tickers: near, link, op, ton, sol, ape, pump, ...
      if (ordinaryPhrase(m, t)) return reject(amb, 0.85);
      // Upper case plus evidence: another coin, a price, a token cue, or Chinese beside it.
      // Crypto cue words alone are not enough ("ALPHA", "NEWS" headings in crypto posts).
      if (upper && (otherStrong || nearPrice(m, t) || tokenCue(m, t) || cjkBeside(m, t))) return accept(amb, 0.75);
      // A list of coins wins over the proper-name reading ("Griffain Zerebro Arc Alch").
      if (!upper && otherStrong && (inCoinList(m, all, t, true) || nearPrice(m, t))) return accept(amb, 0.6);
      if (insideProperName(original, start, surface)) return reject(amb, 0.85);
      // Chinese trading talk lists lower-case tickers without a cashtag: "goat yb usual 都是现货".
      if (!upper && ctx.cue && HAS_CJK.test(t) && !ZH_LATIN_COMMON.has(surface.toLowerCase()) && inTickerRun(m, all, t)) return accept(amb, 0.6);
      // In Chinese posts tickers are often written in lower / title case right beside the Chinese:
      // "hana项目", "Sign的质押", "kaito有点像".
      if (cjkBeside(m, t) && cryptoCtx() && !ZH_LATIN_COMMON.has(surface.toLowerCase())) return accept(amb, 0.6);
      // Lower-case "sol" is the coin in crypto talk and in English / Chinese posts (Spanish "sol" is caught above).
      if (!upper && surface.toLowerCase() === 'sol' && (cryptoCtx() || !/\b(?:el|la|de|que|y|en|los|las)\b/.test(t))) return accept(amb, 0.6);
      return reject(amb, 0.7);
    }
    case 'name': {
      // Tether, Ripple: the companies unless the token is meant ("buy Ripple", "Tether 代币").
      if (COMPANY_NAMES.has(surface.toLowerCase()) && !tokenCue(m, t)) return reject(amb, 0.7);
      if (amb === 'none') return accept(amb, 0.9);
      if (ordinaryPhrase(m, t) || insideProperName(original, start, surface)) return reject(amb, 0.85);
      // Plasma, Falcon, Momentum: the project only when capitalized in crypto talk,
      // or written right beside Chinese in a crypto post ("lighter目前").
      if (isCapitalized(surface) && !ctx.shouting && cryptoCtx()) return accept(amb, 0.7);
      if (cjkBeside(m, t) && cryptoCtx() && !ZH_LATIN_COMMON.has(surface.toLowerCase())) return accept(amb, 0.6);
      return reject(amb, 0.65);
    }
    case 'zh_name': {
      // Idioms: 画大饼 (empty promises), 过上币安人生 (the good life).
      const idiom = ZH_IDIOM_BEFORE[surface];
      if (idiom && idiom.test(t.slice(Math.max(0, m.start - 6), m.start))) return reject(amb, 0.8);
      const idiomAfter = ZH_IDIOM_AFTER[surface];
      if (idiomAfter && idiomAfter.test(t.slice(m.end, m.end + 4))) return reject(amb, 0.8);
      if (amb === 'none') return accept(amb, 0.9);
      // A single Chinese character (龙, 饼) is far too common: cashtag only.
      if (m.end - m.start === 1) return reject(amb, 0.8);
      // A Chinese ticker that is also a phrase (重生, 七崽, BASE人生) counts in crypto talk when it
      // stands alone (no Chinese glued on either side), like an item in a list of coins.
      if (entry?.form === 'symbol' && (standsAlone(m, t) || tokenCue(m, t)) && cryptoCtx()) return accept(amb, 0.6);
      // 链接, 雪崩, 小何: a token cue beside it ("购买小何"), or another coin plus a price / list.
      if (tokenCue(m, t) || (otherStrong && (nearPrice(m, t) || inCoinList(m, all, t)))) return accept(amb, 0.6);
      return reject(amb, 0.7);
    }
  }
  return undefined;
}


/**
 * The prompt the remote engine sends, written from ../shared/LABELING.md, and
 * the machine-readable user-message format: instructions, a marker line, then
 * the posts as one line of JSON. `npm run serve` parses the same format back,
 * so a RemoteDetector pointed at our own server round-trips exactly.
 */
import { z } from 'zod';
import { PostInput } from '../detector';

/** Bump when the wording changes, so logged results can be traced to a prompt. */
export const PROMPT_VERSION = 1;

export const SYSTEM_PROMPT = `You label which crypto assets social-media posts talk about (X/Twitter, StockTwits, Binance Square; English and Chinese).

For every post return "coins": the set of crypto assets the post refers to, each as its canonical ticker, and "mentions": each stretch of the post that names one, as [surface exactly as written, ticker].

How to write a ticker:
- Latin tickers in upper case as listed on major exchanges or CoinGecko: BTC, ETH, SOL, HYPE, FARTCOIN.
- A token whose own ticker is Chinese keeps it as written, traditional characters folded to simplified: 币安人生, 哈基米.
- Numbers and mixed scripts keep their form ($4 -> 4, $币安Holder -> 币安HOLDER); several spellings of one token take its on-chain symbol.
- Renamed tokens take today's ticker (MATIC -> POL, RNDR -> RENDER, FTM -> S); wrapped or staked variants are themselves (WBTC, STETH).
- A token shilled by name with a contract address but no ticker: its name, upper case, no spaces.
- If two assets share a ticker, the ticker is the answer.

Count as a mention:
- cashtags, and tickers used as tickers in any case ($SOL, SOL, sol in the crypto sense);
- coin names and nicknames in any language (Bitcoin, 比特币, 大饼 -> BTC; 以太坊, 姨太, 二饼 -> ETH; 狗狗币 -> DOGE) and hashtags of them;
- a chain, DEX or protocol whose name is its token's name (Ethereum -> ETH, Solana -> SOL, Hyperliquid -> HYPE, Uniswap -> UNI, Aave, Jupiter -> JUP, BNB Chain / BSC -> BNB, Story -> IP), also for testnet, airdrop or "will it have a token" talk;
- an @handle that is the coin's or project's name, alone or with a suffix such as _labs, Labs, HQ, FND, Protocol (@solana -> SOL, @solayer_labs -> LAYER);
- stablecoins discussed as assets (USDT supply, farm USDC, a standalone $USDT, 50 USDT);
- negated, compared and hypothetical mentions ("not ETH, only BTC" -> BTC and ETH).

Do not count:
- stocks, ETFs, indices, fiat, commodities ($TSLA, $MSTR, $COIN the Coinbase stock, IBIT, $SPY, XAU, USD);
- exchanges, wallets, launchpads and companies whose name is not their token's name (Binance is not BNB, OKX is not OKB, Coinbase, pump.fun, four.meme, Polymarket, Binance Alpha); their token counts only when the token itself is named ($BNB, $PUMP);
- the quote side of a pair (BTC/USDT, ETHUSDT -> only BTC, ETH);
- generic words: crypto, altcoins, memecoins, stablecoins, 山寨, 土狗, 平台币;
- ordinary words that look like tickers (near, in, ip, one, gas, link, op as "original poster", ton as tonnes, sol as Spanish "sun", ape or pump or moon as verbs, ai), and Trump the person;
- the letter u or e used as an amount unit (100u, 10万u, 2.8e);
- people, even when they stand for a project (CZ, Vitalik, 孙宇晨);
- text that only appears inside a URL; software products carrying a brand (OP Stack, Cosmos SDK);
- a meme or trend word unless it is used as a coin (traded, priced, listed with coins).

Contract addresses never add a coin by themselves. When a post is truncated or unclear, answer what a crypto trader would take it to mean.

Reply with JSON only, no prose: {"posts":[{"id":"<id as given>","coins":["BTC"],"mentions":[["大饼","BTC"]]}]}. Include every post exactly once; a post with no crypto asset gets "coins":[] and "mentions":[].`;

/** Line that precedes the posts' JSON in the user message. */
export const POSTS_MARKER = 'POSTS_JSON:';

/** Posts as they travel in the prompt: PostInput, with short per-request ids instead of the real ones. */
export const PromptPayload = z.object({ posts: z.array(PostInput).min(1) });
export type PromptPayload = z.infer<typeof PromptPayload>;

export function buildUserMessage(posts: PostInput[]): string {
  // JSON.stringify escapes newlines, so the payload is exactly one line.
  const payload = JSON.stringify({ posts: posts.map((p) => (p.lang ? { id: p.id, lang: p.lang, text: p.text } : { id: p.id, text: p.text })) });
  return `Label these ${posts.length} post(s). Reply with the JSON object described in the instructions.\n${POSTS_MARKER}\n${payload}`;
}

/**
 * Reads the posts back out of a user message built by `buildUserMessage`.
 * Throws an Error with a message fit for a 400 reply.
 */
export function parseUserMessage(content: string): PromptPayload {
  const lines = content.split('\n');
  const at = lines.findIndex((l) => l.trim() === POSTS_MARKER);
  if (at < 0 || at + 1 >= lines.length) {
    throw new Error(`user message must contain a line "${POSTS_MARKER}" followed by one line of JSON {"posts":[{"id","text"}]}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(lines.slice(at + 1).join('\n'));
  } catch (err) {
    throw new Error(`posts after "${POSTS_MARKER}" are not valid JSON: ${(err as Error).message}`);
  }
  const parsed = PromptPayload.safeParse(json);
  if (!parsed.success) throw new Error(`posts after "${POSTS_MARKER}" do not match {"posts":[{"id","text","lang?"}]}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

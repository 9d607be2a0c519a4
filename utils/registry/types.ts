/** Shape of one asset in the generated registry (utils/registry/registry.json). */
import type { AmbiguityClass } from '../lexicon/candidate';

export interface Asset {
  /** Canonical symbol as ../shared/LABELING.md defines it: BTC, FARTCOIN, 币安人生. */
  symbol: string;
  name: string;
  /** Market-cap rank where a source gives one (1 = largest); absent otherwise. */
  rank?: number;
  coingeckoId?: string;
  /** Chart symbols, e.g. { tradingview: 'BINANCE:BTCUSDT', binance: 'BTC_USDT', okx: 'BTC-USDT' }. */
  chart?: { tradingview?: string; binance?: string; okx?: string };
  /** File name under the extension's icons/ folder, when an icon exists. */
  icon?: string;
  /** Surface forms beyond the symbol itself: English names, Chinese names and slang. */
  aliases: { en: string[]; zh: string[] };
  /** Why a bare mention may not be this coin; 'none' when a bare mention is safe. */
  ambiguity: AmbiguityClass;
  /** Known contract addresses. */
  addresses?: { chain: string; address: string }[];
  /** True when the bare ticker (no `$`) may be matched at all; otherwise cashtag / pair only. */
  bare?: boolean;
  /** A bare mention needs a token cue nearby (venue / person / verb collisions: PUMP, TRUMP, BONK). */
  bareNeedsCue?: boolean;
  /** X handles (lower-case, no `@`) that are the project's own account. */
  handles?: string[];
  /** Ambiguity of individual aliases (lower-cased key) when it is not 'none'. */
  aliasAmbiguity?: Record<string, AmbiguityClass>;
}

export interface Registry {
  generatedAt: string;
  sources: { name: string; version: string }[];
  assets: Asset[];
  /** Symbols of other known crypto assets (no aliases): a cashtag of one counts as listed. */
  knownSymbols?: string[];
  /** Stock / ETF / index / fiat tickers that collide with cashtags. */
  stocks?: string[];
  /** Quote currencies dropped from pair notation (BTC/USDT → BTC). */
  quoteCurrencies?: string[];
  /** Old ticker → today's ticker (MATIC → POL). */
  renames?: Record<string, string>;
}

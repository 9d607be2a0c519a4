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
}

export interface Registry {
  generatedAt: string;
  sources: { name: string; version: string }[];
  assets: Asset[];
}

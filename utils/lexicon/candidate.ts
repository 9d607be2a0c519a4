/**
 * What the lexicon matcher reports for every stretch of text that could be a
 * coin. The lexicon engine keeps the accepted ones; the local model receives
 * all of them as per-character input features and decides itself.
 */

/** How the candidate was written. */
export type MatchKind =
  | 'cashtag' // $SOL, $币安人生
  | 'hashtag' // #Bitcoin
  | 'handle' // @solana
  | 'pair' // BTC/USDT, ETHUSDT, SOL-PERP (base only)
  | 'ticker' // bare SOL / sol
  | 'name' // Solana, Bitcoin
  | 'zh_name'; // 比特币, 大饼

/** Why a candidate may not be a coin. */
export type AmbiguityClass =
  | 'none'
  | 'en_word' // near, in, ip, one, gas, link, ton, op ...
  | 'zh_word' // 链接, 太阳 ...
  | 'stock' // COIN, HOOD ... (stock-ticker collision)
  | 'unlisted'; // cashtag not in the registry

export interface Candidate {
  /** [start, end) in original UTF-16 offsets. */
  start: number;
  end: number;
  text: string;
  /** Canonical symbol this surface would map to. */
  symbol: string;
  kind: MatchKind;
  ambiguity: AmbiguityClass;
  /** The lexicon engine's own verdict after its disambiguation rules. */
  accepted: boolean;
  /** The lexicon's confidence in its verdict, 0..1. */
  confidence: number;
}

export const MATCH_KINDS: readonly MatchKind[] = ['cashtag', 'hashtag', 'handle', 'pair', 'ticker', 'name', 'zh_name'];
export const AMBIGUITY_CLASSES: readonly AmbiguityClass[] = ['none', 'en_word', 'zh_word', 'stock', 'unlisted'];

/**
 * Token and cost accounting for the remote engine, and the rough token
 * estimate our own server reports in `usage` (it has no tokenizer).
 */

export interface UsageTotals {
  tokensIn: number;
  tokensOut: number;
  /** Replies that carried no `usage` object; their tokens are not in the totals. */
  repliesWithoutUsage: number;
  estimatedCostUsd: number;
}

export class UsageMeter {
  private tokensIn = 0;
  private tokensOut = 0;
  private withoutUsage = 0;

  constructor(
    private readonly pricePerMTokIn = 0,
    private readonly pricePerMTokOut = 0,
  ) {}

  /** Records one reply's `usage` (undefined when the server sent none). */
  add(usage: { prompt_tokens: number; completion_tokens: number } | undefined): void {
    if (!usage) {
      this.withoutUsage += 1;
      return;
    }
    this.tokensIn += usage.prompt_tokens;
    this.tokensOut += usage.completion_tokens;
  }

  totals(): UsageTotals {
    return {
      tokensIn: this.tokensIn,
      tokensOut: this.tokensOut,
      repliesWithoutUsage: this.withoutUsage,
      estimatedCostUsd: (this.tokensIn * this.pricePerMTokIn + this.tokensOut * this.pricePerMTokOut) / 1e6,
    };
  }
}

const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{3134F}]/u;

/**
 * Rough token count in the spirit of BPE tokenizers: about one token per CJK
 * character and one per four other characters. Only for our server's `usage`.
 */
export function estimateTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (CJK.test(ch)) cjk += 1;
    else other += 1;
  }
  return cjk + Math.ceil(other / 4);
}

/**
 * The one contract every engine (lexicon, local model, remote) fulfils, with
 * zod schemas because results cross message and network boundaries.
 */
import { z } from 'zod';

export const EngineName = z.enum(['lexicon', 'local', 'remote']);
export type EngineName = z.infer<typeof EngineName>;

export const Chain = z.enum(['evm', 'solana', 'tron', 'sui']);
export type Chain = z.infer<typeof Chain>;

export const PostInput = z.object({
  id: z.string().min(1).max(200),
  text: z.string().max(20_000),
  lang: z.string().max(20).optional(),
});
export type PostInput = z.infer<typeof PostInput>;

/** A matched stretch of the original text, in original UTF-16 offsets. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  symbol: z.string().min(1),
  confidence: z.number().min(0).max(1),
});
export type Span = z.infer<typeof Span>;

export const AddressHit = z.object({
  chain: Chain,
  address: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type AddressHit = z.infer<typeof AddressHit>;

export const CoinHit = z.object({
  /** Canonical symbol as LABELING.md defines it (upper-case Latin, or the Chinese ticker as written). */
  symbol: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** True when the symbol is not in the registry (e.g. an unknown cashtag in a crypto context). */
  unlisted: z.boolean().default(false),
});
export type CoinHit = z.infer<typeof CoinHit>;

export const Detection = z.object({
  id: z.string(),
  coins: z.array(CoinHit),
  spans: z.array(Span),
  addresses: z.array(AddressHit),
  engine: EngineName,
});
export type Detection = z.infer<typeof Detection>;

export interface Detector {
  readonly name: EngineName;
  /** One Detection per input post, in input order. */
  detect(posts: PostInput[]): Promise<Detection[]>;
}

/**
 * Every message that crosses a context boundary, as zod schemas:
 *   content script / demo page → background   (detect, open-chart)
 *   popup → background                         (get-status)
 *   background → offscreen document            (offscreen-detect, offscreen-status)
 * Receivers parse with these schemas and answer a clear error for anything
 * else; senders parse replies too, because the other side may be an older or
 * a dying context.
 */
import { z } from 'zod';
import { Chain, Detection, EngineName, PostInput } from './detector';

export const MAX_BATCH = 64;

// ---- chips: what the content script renders -------------------------------------------------

export const CoinChip = z.object({
  kind: z.literal('coin'),
  symbol: z.string().min(1).max(60),
  name: z.string().max(200).optional(),
  /** Extension-relative icon path (icons/<file>), when the registry has one. */
  icon: z.string().regex(/^icons\/[\w.\-]+$/).optional(),
  href: z.string().url(),
  confidence: z.number().min(0).max(1),
  engine: EngineName,
  /** Surface forms in the post that led to this coin. */
  matched: z.array(z.string().max(200)).max(50),
  unlisted: z.boolean(),
});
export type CoinChip = z.infer<typeof CoinChip>;

export const AddressChip = z.object({
  kind: z.literal('address'),
  chain: Chain,
  address: z.string().min(1).max(200),
  href: z.string().url(),
  engine: EngineName,
});
export type AddressChip = z.infer<typeof AddressChip>;

export const Chip = z.discriminatedUnion('kind', [CoinChip, AddressChip]);
export type Chip = z.infer<typeof Chip>;

export const PostChips = z.object({
  id: z.string().min(1),
  chips: z.array(Chip),
  engine: EngineName,
});
export type PostChips = z.infer<typeof PostChips>;

// ---- engine status ----------------------------------------------------------------------------

export const Backend = z.enum(['webgpu', 'wasm', 'lexicon']);
export type Backend = z.infer<typeof Backend>;

export const EngineStatus = z.object({
  backend: Backend,
  modelVersion: z.string().optional(),
  error: z.string().optional(),
});
export type EngineStatus = z.infer<typeof EngineStatus>;

// ---- background requests ----------------------------------------------------------------------

export const DetectRequest = z.object({
  type: z.literal('detect'),
  posts: z.array(PostInput).min(1).max(MAX_BATCH),
});
export type DetectRequest = z.infer<typeof DetectRequest>;

export const OpenChartRequest = z.object({
  type: z.literal('open-chart'),
  url: z.string().url(),
});

export const GetStatusRequest = z.object({ type: z.literal('get-status') });

export const BackgroundRequest = z.discriminatedUnion('type', [DetectRequest, OpenChartRequest, GetStatusRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

export const ErrorReply = z.object({ ok: z.literal(false), error: z.string() });

export const DetectReply = z.union([z.object({ ok: z.literal(true), results: z.array(PostChips) }), ErrorReply]);
export type DetectReply = z.infer<typeof DetectReply>;

export const OkReply = z.union([z.object({ ok: z.literal(true) }), ErrorReply]);

export const TopCoin = z.object({ symbol: z.string(), posts: z.number().int().nonnegative() });

export const Status = z.object({
  engine: z.enum(['local', 'remote']),
  local: EngineStatus.optional(),
  postsAnnotated: z.number().int().nonnegative(),
  /** Median wall time of engine calls (cache misses), ms; absent before the first call. */
  medianLatencyMs: z.number().nonnegative().optional(),
  remote: z
    .object({
      configured: z.boolean(),
      tokensIn: z.number().nonnegative(),
      tokensOut: z.number().nonnegative(),
      costUsd: z.number().nonnegative(),
      lastError: z.string().optional(),
      /** Whether the endpoint's origin was granted; without it only endpoints sending CORS headers work. */
      hostPermission: z.boolean().optional(),
    })
    .optional(),
  topCoinsLastHour: z.array(TopCoin),
});
export type Status = z.infer<typeof Status>;

export const StatusReply = z.union([z.object({ ok: z.literal(true), status: Status }), ErrorReply]);
export type StatusReply = z.infer<typeof StatusReply>;

// ---- offscreen document -------------------------------------------------------------------------

export const OFFSCREEN_TARGET = 'offscreen';

export const OffscreenDetect = z.object({
  target: z.literal(OFFSCREEN_TARGET),
  type: z.literal('offscreen-detect'),
  posts: z.array(PostInput).min(1).max(MAX_BATCH),
});
export const OffscreenStatusRequest = z.object({
  target: z.literal(OFFSCREEN_TARGET),
  type: z.literal('offscreen-status'),
});
export const OffscreenRequest = z.discriminatedUnion('type', [OffscreenDetect, OffscreenStatusRequest]);
export type OffscreenRequest = z.infer<typeof OffscreenRequest>;

export const OffscreenDetectReply = z.union([
  z.object({ ok: z.literal(true), detections: z.array(Detection), status: EngineStatus }),
  ErrorReply,
]);
export type OffscreenDetectReply = z.infer<typeof OffscreenDetectReply>;

export const OffscreenStatusReply = z.union([z.object({ ok: z.literal(true), status: EngineStatus }), ErrorReply]);

/** True when a runtime message is meant for the offscreen document (other contexts ignore it). */
export function isForOffscreen(msg: unknown): boolean {
  return !!msg && typeof msg === 'object' && (msg as { target?: unknown }).target === OFFSCREEN_TARGET;
}

/** Readable one-line summary of a zod error, for replies and logs. */
export function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

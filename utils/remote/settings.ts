/**
 * Settings of the remote (OpenAI-compatible) engine. One zod schema serves the
 * Node env loader and the extension's options page / storage, so both accept
 * and reject the same values.
 */
import { z } from 'zod';

/** Why `u` is not a usable base URL, or undefined when it is. */
function baseUrlProblem(u: string): string | undefined {
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return 'baseUrl must be an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'baseUrl must use http or https';
  if (url.username !== '' || url.password !== '') return 'baseUrl must not carry credentials; put the key in apiKey';
  if (url.search !== '' || url.hash !== '') return 'baseUrl must not have a query or fragment';
  return undefined;
}

const HttpUrl = z
  .string()
  .trim()
  .check((ctx) => {
    const problem = baseUrlProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  // Canonical form without a trailing slash, so `${baseUrl}/chat/completions` is well formed.
  .transform((u) => u.replace(/\/+$/, ''));

export const RemoteSettings = z.object({
  /** Base of the OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://127.0.0.1:8787/v1. */
  baseUrl: HttpUrl,
  model: z.string().trim().min(1, 'model is required').max(200),
  /** Sent as `Authorization: Bearer …` to baseUrl's origin only. Empty means no header. */
  apiKey: z.string().trim().max(500).optional(),
  /** Posts per chat-completions request. */
  batchSize: z.number().int().min(1).max(64).default(16),
  /** Requests in flight at once. */
  concurrency: z.number().int().min(1).max(16).default(2),
  /** Per-attempt timeout. */
  timeoutMs: z.number().int().min(100).max(300_000).default(30_000),
  /** Retries after the first attempt, for 429 / 5xx / network errors / timeouts. */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** USD per million input / output tokens, for the cost estimate; 0 when unknown. */
  pricePerMTokIn: z.number().nonnegative().max(10_000).default(0),
  pricePerMTokOut: z.number().nonnegative().max(10_000).default(0),
});
/** Parsed settings (defaults filled in). */
export type RemoteSettings = z.infer<typeof RemoteSettings>;
/** What a caller may pass (defaults optional). */
export type RemoteSettingsInput = z.input<typeof RemoteSettings>;

/** Env variables read by `createRemoteDetectorFromEnv`, with the setting each one fills. */
export const REMOTE_ENV = {
  baseUrl: 'TICKERLENS_REMOTE_BASE_URL',
  model: 'TICKERLENS_REMOTE_MODEL',
  apiKey: 'TICKERLENS_REMOTE_API_KEY',
  batchSize: 'TICKERLENS_REMOTE_BATCH',
  concurrency: 'TICKERLENS_REMOTE_CONCURRENCY',
  timeoutMs: 'TICKERLENS_REMOTE_TIMEOUT_MS',
  maxRetries: 'TICKERLENS_REMOTE_MAX_RETRIES',
  pricePerMTokIn: 'TICKERLENS_REMOTE_PRICE_IN',
  pricePerMTokOut: 'TICKERLENS_REMOTE_PRICE_OUT',
} as const satisfies Record<keyof RemoteSettings, string>;

const NUMERIC: ReadonlySet<keyof RemoteSettings> = new Set([
  'batchSize',
  'concurrency',
  'timeoutMs',
  'maxRetries',
  'pricePerMTokIn',
  'pricePerMTokOut',
]);

/**
 * Reads RemoteSettings from env variables. Throws an Error naming the missing
 * or invalid variables (never echoing the key's value).
 */
export function remoteSettingsFromEnv(env: Record<string, string | undefined>): RemoteSettings {
  const missing = (['baseUrl', 'model'] as const).filter((k) => !env[REMOTE_ENV[k]]?.trim()).map((k) => REMOTE_ENV[k]);
  if (missing.length > 0) {
    throw new Error(
      `remote engine is not configured: set ${missing.join(' and ')} ` +
        `(e.g. ${REMOTE_ENV.baseUrl}=http://127.0.0.1:8787/v1 ${REMOTE_ENV.model}=tickerlens-local for \`npm run serve\`)`,
    );
  }
  const raw: Record<string, unknown> = {};
  const badNumbers: string[] = [];
  for (const [key, name] of Object.entries(REMOTE_ENV) as [keyof RemoteSettings, string][]) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (NUMERIC.has(key)) {
      const n = Number(value);
      if (!Number.isFinite(n)) badNumbers.push(`${name} must be a number`);
      raw[key] = n;
    } else raw[key] = value;
  }
  if (badNumbers.length > 0) throw new Error(`invalid remote settings: ${badNumbers.join('; ')}`);
  const parsed = RemoteSettings.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${REMOTE_ENV[i.path[0] as keyof RemoteSettings] ?? i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid remote settings: ${problems.join('; ')}`);
  }
  return parsed.data;
}

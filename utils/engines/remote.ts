/**
 * The remote engine: asks any OpenAI-compatible chat-completions endpoint
 * (a hosted LLM, or `npm run serve`) which coins each post mentions.
 *
 * Platform-neutral (fetch + AbortController only): runs in the extension's
 * background service worker and in Node for eval. Posts the endpoint cannot
 * decide (HTTP or network failure after retries, timeout, malformed JSON,
 * schema violation, posts missing from the reply) are decided by the
 * `fallback` detector; those Detections carry the fallback's engine name and
 * the reason is reported by `detectWithOutcome` and `stats()`.
 */
import { z } from 'zod';
import { type AddressHit, type Detection, type Detector, PostInput } from '../detector';
import { findAddresses as lexiconFindAddresses, LexiconDetector } from '../lexicon';
import { assetBySymbol } from '../registry';
import { ChatCompletionResponse, type ResponseFormat } from '../remote/chat-completions';
import { locateMentions } from '../remote/locate';
import { buildUserMessage, SYSTEM_PROMPT } from '../remote/prompt';
import { type PostLabels, parseReply, REPLY_JSON_SCHEMA, ReplyError } from '../remote/reply';
import { backoffMs, createLimiter, isRetryableStatus, retryAfterMs, sleep } from '../remote/retry';
import { RemoteSettings, type RemoteSettingsInput, remoteSettingsFromEnv } from '../remote/settings';
import { UsageMeter } from '../remote/usage';

/** The model gives no probabilities; remote verdicts get this fixed confidence. */
export const REMOTE_CONFIDENCE = 0.9;

export type RemoteFailureKind =
  | 'http' // non-retryable 4xx, or 429/5xx after the last retry
  | 'network'
  | 'timeout'
  | 'redirect'
  | 'bad_response' // 2xx whose body is not a chat completion
  | 'refused' // the model returned no content
  | 'malformed_json'
  | 'schema_violation'
  | 'missing_posts';

/** Why a request (or part of its reply) could not be used. Its message never contains the API key. */
export class RemoteFailure extends Error {
  constructor(
    readonly kind: RemoteFailureKind,
    message: string,
    readonly status?: number,
    /** The server's Retry-After, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RemoteFailure';
  }
}

export interface RemoteStats {
  /** HTTP attempts made, retries included. */
  requests: number;
  retries: number;
  /** Batches (or parts of batches) whose posts went to the fallback. */
  failures: number;
  fallbackPosts: number;
  lastError?: string;
  /** The response_format in use: starts at json_schema, drops to json_object if the server rejects it. */
  responseFormat: 'json_schema' | 'json_object';
  /** Whether requests carry temperature 0; dropped once a server rejects it (some reasoning models do). */
  sendsTemperature: boolean;
  tokensIn: number;
  tokensOut: number;
  /** Replies without a `usage` object; their tokens are missing from the totals and the cost. */
  repliesWithoutUsage: number;
  estimatedCostUsd: number;
}

export interface RemoteOutcome {
  /** One per input post, in input order. */
  detections: Detection[];
  /** Posts the remote engine did not decide, with the reason (empty when all went well). */
  fallbacks: { ids: string[]; kind: RemoteFailureKind; reason: string }[];
}

export interface RemoteDetectorOptions extends RemoteSettingsInput {
  /** Defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  /** Decides posts the endpoint could not; without one such posts make detect() reject. */
  fallback?: Detector;
  /** Address finder (addresses never come from the LLM); defaults to the lexicon's. */
  findAddresses?: (text: string) => AddressHit[];
  /** Whether a symbol is in the registry (else its CoinHit is `unlisted`); defaults to the generated registry. */
  isListed?: (symbol: string) => boolean;
  /** Backoff for retries without Retry-After: full jitter over base·2^attempt, capped. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited for: the batch goes to the fallback. */
  maxRetryAfterMs?: number;
  /** Called with one line per failure, key-free; e.g. console.warn in Node. */
  log?: (message: string) => void;
  /** Injected by tests to observe waits. */
  sleep?: (ms: number) => Promise<void>;
}

const PostInputs = z.array(PostInput);

interface RequestShape {
  format: 'json_schema' | 'json_object';
  temperature: boolean;
}

interface BatchResult {
  /** Labels by index into the batch. */
  labels: Map<number, PostLabels>;
  failed: { indexes: number[]; failure: RemoteFailure }[];
}

export class RemoteDetector implements Detector {
  readonly name = 'remote' as const;
  readonly settings: RemoteSettings;
  private readonly endpoint: string;
  private readonly fetchFn: typeof fetch;
  private readonly fallback?: Detector;
  private readonly findAddresses: (text: string) => AddressHit[];
  private readonly isListed: (symbol: string) => boolean;
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly usage: UsageMeter;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly maxRetryAfterMs: number;
  private readonly log?: (message: string) => void;
  private readonly wait: (ms: number) => Promise<void>;
  /** Request shape, adapted once per setting when a server rejects it (see adaptTo). */
  private shape: RequestShape = { format: 'json_schema', temperature: true };
  private counters = { requests: 0, retries: 0, failures: 0, fallbackPosts: 0, lastError: undefined as string | undefined };

  constructor(options: RemoteDetectorOptions) {
    const parsed = RemoteSettings.safeParse(options);
    if (!parsed.success) {
      // Paths and messages only: zod messages do not echo values, and the key must never leak.
      throw new Error(`invalid remote settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    this.settings = parsed.data;
    this.endpoint = `${this.settings.baseUrl}/chat/completions`;
    const fetchFn = options.fetch ?? globalThis.fetch;
    // Calling fetch unbound throws "Illegal invocation" in browsers.
    this.fetchFn = (input, init) => fetchFn.call(globalThis, input, init);
    this.fallback = options.fallback;
    this.findAddresses = options.findAddresses ?? lexiconFindAddresses;
    this.isListed = options.isListed ?? ((symbol) => assetBySymbol(symbol) !== undefined);
    this.limit = createLimiter(this.settings.concurrency);
    this.usage = new UsageMeter(this.settings.pricePerMTokIn, this.settings.pricePerMTokOut);
    this.backoff = { baseMs: options.backoffBaseMs ?? 500, maxMs: options.backoffMaxMs ?? 8_000 };
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.log = options.log;
    this.wait = options.sleep ?? ((ms) => sleep(ms));
  }

  stats(): RemoteStats {
    return { ...this.counters, responseFormat: this.shape.format, sendsTemperature: this.shape.temperature, ...this.usage.totals() };
  }

  async detect(posts: PostInput[]): Promise<Detection[]> {
    return (await this.detectWithOutcome(posts)).detections;
  }

  async detectWithOutcome(posts: PostInput[]): Promise<RemoteOutcome> {
    const input = PostInputs.parse(posts);
    const { batchSize } = this.settings;
    const batches: PostInput[][] = [];
    for (let i = 0; i < input.length; i += batchSize) batches.push(input.slice(i, i + batchSize));
    const results = await Promise.all(batches.map((batch) => this.limit(() => this.runBatch(batch))));

    const detections: (Detection | undefined)[] = new Array(input.length);
    const fallbacks: RemoteOutcome['fallbacks'] = [];
    const pending: { at: number; post: PostInput }[] = [];
    results.forEach((result, b) => {
      const batch = batches[b]!;
      const offset = b * batchSize;
      for (const [i, labels] of result.labels) detections[offset + i] = this.toDetection(batch[i]!, labels);
      for (const { indexes, failure } of result.failed) {
        fallbacks.push({ ids: indexes.map((i) => batch[i]!.id), kind: failure.kind, reason: failure.message });
        pending.push(...indexes.map((i) => ({ at: offset + i, post: batch[i]! })));
      }
    });

    if (pending.length > 0) {
      const [first] = fallbacks;
      if (!this.fallback) {
        throw new RemoteFailure(first!.kind, `remote engine could not decide ${pending.length} post(s) and no fallback detector is set: ${first!.reason}`);
      }
      const decided = await this.fallback.detect(pending.map((p) => p.post));
      if (decided.length !== pending.length) throw new Error(`fallback detector ${this.fallback.name} returned ${decided.length} results for ${pending.length} posts`);
      pending.forEach(({ at }, k) => (detections[at] = decided[k]));
    }
    return { detections: detections as Detection[], fallbacks };
  }

  private toDetection(post: PostInput, labels: PostLabels): Detection {
    return {
      id: post.id,
      coins: labels.coins.map((symbol) => ({ symbol, confidence: REMOTE_CONFIDENCE, unlisted: !this.isListed(symbol) })),
      spans: locateMentions(post.text, labels.mentions, REMOTE_CONFIDENCE),
      addresses: this.findAddresses(post.text),
      engine: 'remote',
    };
  }

  /** One chat-completions exchange for up to batchSize posts; never throws. */
  private async runBatch(batch: PostInput[]): Promise<BatchResult> {
    const all = batch.map((_, i) => i);
    let labelsById: Map<string, PostLabels>;
    let cutOff = false;
    try {
      const reply = await this.complete(batch);
      cutOff = reply.finishReason === 'length';
      labelsById = parseReply(reply.content);
    } catch (err) {
      const hint = cutOff ? ' (finish_reason "length": the reply was cut off; use a smaller batch size)' : '';
      const failure =
        err instanceof RemoteFailure
          ? err
          : err instanceof ReplyError
            ? new RemoteFailure(err.problem, err.message + hint)
            : new RemoteFailure('network', String(err));
      return { labels: new Map(), failed: [this.recordFailure(all, failure)] };
    }
    // Prompt ids are the 1-based positions in the batch.
    const labels = new Map<number, PostLabels>();
    const missing: number[] = [];
    for (const i of all) {
      const found = labelsById.get(String(i + 1));
      if (found) labels.set(i, found);
      else missing.push(i);
    }
    const failed =
      missing.length === 0
        ? []
        : [this.recordFailure(missing, new RemoteFailure('missing_posts', `reply left out ${missing.length} of ${batch.length} post(s)`))];
    return { labels, failed };
  }

  private recordFailure(indexes: number[], failure: RemoteFailure): BatchResult['failed'][number] {
    this.counters.failures += 1;
    this.counters.fallbackPosts += indexes.length;
    this.counters.lastError = `${failure.kind}: ${failure.message}`;
    this.log?.(`remote engine: ${indexes.length} post(s) go to the ${this.fallback?.name ?? 'caller (no fallback)'}: ${this.counters.lastError}`);
    return { indexes, failure };
  }

  /** Sends the batch, retrying as configured; returns the model's message content. */
  private async complete(batch: PostInput[]): Promise<{ content: string; finishReason?: string | null }> {
    const user = buildUserMessage(batch.map((p, i) => ({ id: String(i + 1), text: p.text, lang: p.lang })));
    for (let attempt = 0; ; attempt++) {
      const shape = this.shape;
      try {
        return await this.attempt(user, shape);
      } catch (err) {
        const failure = err instanceof RemoteFailure ? err : new RemoteFailure('network', this.redact(String(err)));
        if (this.adaptTo(failure, shape)) {
          attempt -= 1; // an adapted request is not a retry
          continue;
        }
        const retryable = failure.kind === 'network' || failure.kind === 'timeout' || (failure.kind === 'http' && isRetryableStatus(failure.status ?? 0));
        if (!retryable || attempt >= this.settings.maxRetries) throw failure;
        const delay = failure.retryAfterMs ?? backoffMs(attempt, this.backoff);
        if (delay > this.maxRetryAfterMs) {
          throw new RemoteFailure(failure.kind, `${failure.message}; Retry-After ${Math.round(delay / 1000)} s is longer than the ${Math.round(this.maxRetryAfterMs / 1000)} s limit`, failure.status);
        }
        this.counters.retries += 1;
        await this.wait(delay);
      }
    }
  }

  /**
   * When a 400/422 says the server does not take part of the request that
   * `sent` had, changes the shape for this and later requests and returns true.
   * Each change happens at most once, so adapting cannot loop: servers without
   * structured outputs get JSON mode; models that reject a temperature get none.
   */
  private adaptTo(failure: RemoteFailure, sent: RequestShape): boolean {
    if (failure.kind !== 'http' || (failure.status !== 400 && failure.status !== 422)) return false;
    if (sent.format === 'json_schema' && /response_format|json_schema/i.test(failure.message)) {
      this.shape = { ...this.shape, format: 'json_object' };
      return true;
    }
    if (sent.temperature && /temperature/i.test(failure.message)) {
      this.shape = { ...this.shape, temperature: false };
      return true;
    }
    return false;
  }

  /** One HTTP attempt under the per-request timeout. */
  private async attempt(user: string, shape: RequestShape): Promise<{ content: string; finishReason?: string | null }> {
    const { model, apiKey, timeoutMs } = this.settings;
    const responseFormat: ResponseFormat =
      shape.format === 'json_schema' ? { type: 'json_schema', json_schema: REPLY_JSON_SCHEMA } : { type: 'json_object' };
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    this.counters.requests += 1;
    try {
      let res: Response;
      try {
        res = await this.fetchFn(this.endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            model,
            ...(shape.temperature ? { temperature: 0 } : {}),
            messages: [
              { role: 'system', content: SYSTEM_PROMPT },
              { role: 'user', content: user },
            ],
            response_format: responseFormat,
          }),
          signal: controller.signal,
          // Never carry the key to another origin: a redirect is a failure, not followed.
          redirect: 'manual',
          credentials: 'omit',
        });
      } catch (err) {
        throw this.transportFailure(err, controller.signal);
      }
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
        throw new RemoteFailure('redirect', `endpoint answered with a redirect (HTTP ${res.status}); not followed, so the API key stays with ${new URL(this.endpoint).origin}`, res.status);
      }
      let body: string;
      try {
        body = await res.text();
      } catch (err) {
        throw this.transportFailure(err, controller.signal);
      }
      if (!res.ok) {
        throw new RemoteFailure(
          'http',
          `HTTP ${res.status} from ${new URL(this.endpoint).origin}: ${this.redact(errorSummary(body))}`,
          res.status,
          retryAfterMs(res.headers),
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new RemoteFailure('bad_response', `HTTP ${res.status} body is not JSON: ${this.redact(body.slice(0, 200))}`, res.status);
      }
      const parsed = ChatCompletionResponse.safeParse(json);
      if (!parsed.success) throw new RemoteFailure('bad_response', `reply is not a chat completion: ${z.prettifyError(parsed.error)}`, res.status);
      this.usage.add(parsed.data.usage ?? undefined);
      const { message, finish_reason: finishReason } = parsed.data.choices[0]!; // zod: at least one choice
      if (message.content === null || message.content.trim() === '') {
        throw new RemoteFailure('refused', `model returned no content${message.refusal ? `: ${this.redact(message.refusal.slice(0, 200))}` : ''}`);
      }
      return { content: message.content, finishReason };
    } finally {
      clearTimeout(timer);
    }
  }

  private transportFailure(err: unknown, signal: AbortSignal): RemoteFailure {
    if (signal.aborted) return new RemoteFailure('timeout', `no complete reply within ${this.settings.timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return new RemoteFailure('network', this.redact(`${(err as Error).message ?? String(err)}${cause?.code ? ` (${cause.code})` : ''}`));
  }

  private redact(text: string): string {
    const key = this.settings.apiKey;
    return key ? text.split(key).join('[redacted]') : text;
  }
}

/** The useful part of an error body: OpenAI's error.message when present, else the start of the text. */
function errorSummary(body: string): string {
  try {
    const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 300) || '(empty body)';
}

/**
 * Node: a RemoteDetector configured from TICKERLENS_REMOTE_* env variables
 * (see REMOTE_ENV in utils/remote/settings.ts), falling back to the lexicon
 * engine and logging failures to stderr. Throws a clear Error when unset.
 */
export function createRemoteDetectorFromEnv(
  env: Record<string, string | undefined> = globalThis.process?.env ?? {},
  overrides: Partial<RemoteDetectorOptions> = {},
): RemoteDetector {
  const settings = remoteSettingsFromEnv(env);
  return new RemoteDetector({
    ...settings,
    fallback: new LexiconDetector(),
    log: (message) => console.warn(message),
    ...overrides,
  });
}

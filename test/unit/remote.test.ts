import { afterEach, describe, expect, it } from 'vitest';
import type { Detection, Detector, PostInput } from '../../utils/detector';
import { createRemoteDetectorFromEnv, RemoteDetector, type RemoteDetectorOptions, RemoteFailure } from '../../utils/engines/remote';
import { SYSTEM_PROMPT } from '../../utils/remote/prompt';
import { REMOTE_ENV } from '../../utils/remote/settings';
import { answerWith, type FakeHandler, type FakeOpenAI, rejectingJsonSchema, startFakeOpenAI } from '../support/fake-openai-server';

/** Stand-in fallback that labels every post FALLBACK, so tests can see who decided. */
class MarkerFallback implements Detector {
  readonly name = 'lexicon' as const;
  calls: string[][] = [];
  async detect(posts: PostInput[]): Promise<Detection[]> {
    this.calls.push(posts.map((p) => p.id));
    return posts.map((p) => ({ id: p.id, coins: [{ symbol: 'FALLBACK', confidence: 0.5, unlisted: false }], spans: [], addresses: [], engine: 'lexicon' }));
  }
}

/** Labels by a toy rule: every $cashtag in the text. */
const cashtags = answerWith((p) => {
  const tags = [...p.text.matchAll(/\$([a-z]+)/gi)].map((m) => m[0]);
  return { coins: tags.map((t) => t.slice(1)), mentions: tags.map((t) => [t, t.slice(1)] as [string, string]) };
});

const servers: FakeOpenAI[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fake(handler: FakeHandler): Promise<FakeOpenAI> {
  const server = await startFakeOpenAI({ handler });
  servers.push(server);
  return server;
}

function detector(server: FakeOpenAI, options: Partial<RemoteDetectorOptions> = {}) {
  const fallback = new MarkerFallback();
  const waits: number[] = [];
  const det = new RemoteDetector({
    baseUrl: server.url,
    model: 'test-model',
    apiKey: 'sk-test-key-123',
    batchSize: 4,
    concurrency: 2,
    timeoutMs: 2_000,
    maxRetries: 2,
    fallback,
    findAddresses: (text) => (text.includes('0x') ? [{ chain: 'evm', address: '0xabc', start: text.indexOf('0x'), end: text.indexOf('0x') + 5 }] : []),
    isListed: (symbol) => symbol !== 'COINX',
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { det, fallback, waits };
}

const posts = (n: number): PostInput[] => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, text: `post ${i} $coin${'abcdefgh'[i % 8]}` }));

describe('RemoteDetector against a fake OpenAI server', () => {
  it('labels posts from a valid reply: normalized symbols, located spans, addresses, usage and cost', async () => {
    const server = await fake(
      answerWith((p) => (p.text.includes('大饼') ? { coins: ['btc', '$SOL', 'CoinX'], mentions: [['大饼', 'btc'], ['sol', 'SOL']] } : { coins: [] }), { prompt_tokens: 2_000, completion_tokens: 500 }),
    );
    const { det } = detector(server, { pricePerMTokIn: 1, pricePerMTokOut: 4 });
    const out = await det.detect([
      { id: 'a', text: '大饼 and sol pump, send to 0xabc', lang: 'zh' },
      { id: 'b', text: 'nothing here' },
    ]);
    expect(out.map((d) => d.id)).toEqual(['a', 'b']);
    expect(out[0]!.engine).toBe('remote');
    expect(out[0]!.coins.map((c) => [c.symbol, c.unlisted])).toEqual([
      ['BTC', false],
      ['SOL', false],
      ['COINX', true],
    ]);
    expect(out[0]!.spans.map((s) => [s.text, s.symbol, s.start])).toEqual([
      ['大饼', 'BTC', 0],
      ['sol', 'SOL', 7],
    ]);
    expect(out[0]!.addresses).toEqual([{ chain: 'evm', address: '0xabc', start: 25, end: 30 }]);
    expect(out[1]).toEqual({ id: 'b', coins: [], spans: [], addresses: [], engine: 'remote' });

    const req = server.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test-key-123');
    expect(req.body.model).toBe('test-model');
    expect(req.body.temperature).toBe(0);
    expect(req.body.messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    expect(req.responseFormat).toBe('json_schema');
    // Real ids stay local: the prompt carries 1-based positions.
    expect(req.posts).toEqual([
      { id: '1', lang: 'zh', text: '大饼 and sol pump, send to 0xabc' },
      { id: '2', text: 'nothing here' },
    ]);
    expect(det.stats()).toMatchObject({ requests: 1, retries: 0, failures: 0, fallbackPosts: 0, tokensIn: 2_000, tokensOut: 500, estimatedCostUsd: 0.004 });
  });

  it('splits posts into batches and keeps input order', async () => {
    const server = await fake(cashtags);
    const { det } = detector(server, { batchSize: 2 });
    const input = posts(5);
    const out = await det.detect(input);
    expect(server.requests.map((r) => r.posts?.length)).toEqual([2, 2, 1]);
    expect(out.map((d) => d.id)).toEqual(input.map((p) => p.id));
    expect(out.map((d) => d.coins[0]!.symbol)).toEqual(['COINA', 'COINB', 'COINC', 'COIND', 'COINE']);
    expect(await det.detect([])).toEqual([]);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const server = await fake(async (req) => ({ kind: 'delay', ms: 80, then: await cashtags(req) }));
    const { det } = detector(server, { batchSize: 1, concurrency: 3 });
    await det.detect(posts(10));
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight()).toBe(3);
  });

  it('sends malformed JSON replies to the fallback with the reason, without retrying', async () => {
    const server = await fake(() => ({ kind: 'content', content: '{"posts": [{"id": "1", "coins": ["BTC"]' }));
    const { det, fallback } = detector(server);
    const outcome = await det.detectWithOutcome(posts(2));
    expect(server.requests).toHaveLength(1);
    expect(outcome.detections.map((d) => [d.engine, d.coins[0]!.symbol])).toEqual([
      ['lexicon', 'FALLBACK'],
      ['lexicon', 'FALLBACK'],
    ]);
    expect(outcome.fallbacks).toEqual([{ ids: ['p0', 'p1'], kind: 'malformed_json', reason: expect.stringMatching(/not valid JSON/) }]);
    expect(fallback.calls).toEqual([['p0', 'p1']]);
    expect(det.stats()).toMatchObject({ failures: 1, fallbackPosts: 2, lastError: expect.stringMatching(/^malformed_json/) });
  });

  it('says when a malformed reply was cut off by the token limit', async () => {
    const server = await fake(() => ({ kind: 'content', content: '{"posts": [{"id": "1", "coins": ["BT', finishReason: 'length' }));
    const { det } = detector(server);
    const outcome = await det.detectWithOutcome(posts(1));
    expect(outcome.fallbacks[0]).toMatchObject({ kind: 'malformed_json', reason: expect.stringMatching(/cut off; use a smaller batch size/) });
  });

  it('sends schema violations to the fallback', async () => {
    const server = await fake(() => ({ kind: 'content', content: JSON.stringify({ posts: [{ id: '1', coins: 'BTC' }] }) }));
    const { det } = detector(server);
    const outcome = await det.detectWithOutcome(posts(1));
    expect(outcome.fallbacks[0]!.kind).toBe('schema_violation');
    expect(outcome.detections[0]!.engine).toBe('lexicon');
  });

  it('decides posts missing from a reply by the fallback and keeps the rest', async () => {
    const server = await fake((req) => ({ kind: 'labels', posts: [{ id: req.posts![0]!.id, coins: ['ETH'] }] }));
    const { det, fallback } = detector(server);
    const outcome = await det.detectWithOutcome(posts(3));
    expect(outcome.detections.map((d) => d.engine)).toEqual(['remote', 'lexicon', 'lexicon']);
    expect(outcome.detections[0]!.coins.map((c) => c.symbol)).toEqual(['ETH']);
    expect(outcome.fallbacks).toEqual([{ ids: ['p1', 'p2'], kind: 'missing_posts', reason: 'reply left out 2 of 3 post(s)' }]);
    expect(fallback.calls).toEqual([['p1', 'p2']]);
  });

  it('treats a null (refused) message as a failure', async () => {
    const server = await fake(() => ({ kind: 'content', content: null }));
    const { det } = detector(server);
    expect((await det.detectWithOutcome(posts(1))).fallbacks[0]!.kind).toBe('refused');
  });

  it('waits as Retry-After says on 429, then succeeds', async () => {
    let n = 0;
    const server = await fake((req) => (n++ === 0 ? { kind: 'error', status: 429, message: 'slow down', headers: { 'retry-after': '2' } } : cashtags(req)));
    const { det, waits } = detector(server);
    const out = await det.detect(posts(1));
    expect(out[0]!.engine).toBe('remote');
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(det.stats()).toMatchObject({ requests: 2, retries: 1, failures: 0 });
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs', async () => {
    const server = await fake(() => ({ kind: 'error', status: 429, headers: { 'retry-after': '600' } }));
    const { det, waits } = detector(server, { maxRetryAfterMs: 10_000 });
    const outcome = await det.detectWithOutcome(posts(1));
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(outcome.fallbacks[0]!.reason).toMatch(/Retry-After 600 s/);
  });

  it('retries 5xx with growing backoff, and falls back after the last retry', async () => {
    const server = await fake(() => ({ kind: 'error', status: 503, message: 'overloaded' }));
    const { det, waits } = detector(server, { maxRetries: 3, backoffBaseMs: 100, backoffMaxMs: 250 });
    const outcome = await det.detectWithOutcome(posts(1));
    expect(server.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
    waits.forEach((w, i) => expect(w).toBeLessThanOrEqual(Math.min(250, 100 * 2 ** i)));
    expect(outcome.fallbacks[0]).toMatchObject({ kind: 'http', reason: expect.stringMatching(/HTTP 503 .*overloaded/) });
  });

  it('recovers from a 500 and from a dropped connection', async () => {
    let n = 0;
    const server = await fake((req) => (n++ === 0 ? { kind: 'error', status: 500 } : n === 2 ? { kind: 'drop' } : cashtags(req)));
    const { det } = detector(server);
    const out = await det.detect(posts(1));
    expect(out[0]!.engine).toBe('remote');
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry other 4xx, and keeps the key out of errors and stats', async () => {
    const server = await fake(() => ({ kind: 'error', status: 401, message: 'Incorrect API key provided: sk-test-key-123' }));
    const log: string[] = [];
    const { det } = detector(server, { log: (m) => log.push(m) });
    const outcome = await det.detectWithOutcome(posts(1));
    expect(server.requests).toHaveLength(1);
    expect(outcome.fallbacks[0]).toMatchObject({ kind: 'http', reason: expect.stringMatching(/HTTP 401.*\[redacted\]/) });
    const everything = JSON.stringify([outcome.fallbacks, det.stats(), log]);
    expect(everything).not.toContain('sk-test-key-123');
    expect(log).toHaveLength(1);
  });

  it('times out a hanging server, retries, then falls back', async () => {
    const server = await fake(() => ({ kind: 'hang' }));
    const { det } = detector(server, { timeoutMs: 150, maxRetries: 1 });
    const outcome = await det.detectWithOutcome(posts(1));
    expect(server.requests).toHaveLength(2);
    expect(outcome.fallbacks[0]).toMatchObject({ kind: 'timeout', reason: 'no complete reply within 150 ms' });
  });

  it('drops to json_object once when the server rejects json_schema, and remembers it', async () => {
    const server = await fake(rejectingJsonSchema(cashtags));
    const { det } = detector(server);
    const first = await det.detect(posts(1));
    expect(first[0]!.engine).toBe('remote');
    expect(server.requests.map((r) => r.responseFormat)).toEqual(['json_schema', 'json_object']);
    await det.detect(posts(1));
    expect(server.requests.map((r) => r.responseFormat)).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(det.stats()).toMatchObject({ responseFormat: 'json_object', retries: 0 });
  });

  it('stops sending temperature once a model rejects it, and remembers it', async () => {
    const server = await fake((req) =>
      'temperature' in req.body ? { kind: 'error', status: 400, message: "Unsupported value: 'temperature' does not support 0 with this model." } : cashtags(req),
    );
    const { det } = detector(server);
    expect((await det.detect(posts(1)))[0]!.engine).toBe('remote');
    await det.detect(posts(1));
    expect(server.requests.map((r) => 'temperature' in r.body)).toEqual([true, false, false]);
    expect(det.stats()).toMatchObject({ sendsTemperature: false, responseFormat: 'json_schema', retries: 0, failures: 0 });
  });

  it('rejects when posts cannot be decided and there is no fallback', async () => {
    const server = await fake(() => ({ kind: 'content', content: 'I think BTC' }));
    const { det } = detector(server, { fallback: undefined });
    await expect(det.detect(posts(1))).rejects.toThrow(RemoteFailure);
    await expect(det.detect(posts(1))).rejects.toThrow(/no fallback detector/);
  });

  it('sends the key only to the configured origin: redirects are not followed', async () => {
    const elsewhere = await fake(cashtags);
    const server = await fake(() => ({ kind: 'raw', status: 307, body: '', headers: { location: `${elsewhere.url}/chat/completions` } }));
    const { det } = detector(server);
    const outcome = await det.detectWithOutcome(posts(1));
    expect(elsewhere.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
    expect(outcome.fallbacks[0]!.kind).toBe('redirect');
  });

  it('sends no Authorization header without a key', async () => {
    const server = await fake(cashtags);
    const { det } = detector(server, { apiKey: undefined });
    await det.detect(posts(1));
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('rejects invalid settings and invalid posts clearly', async () => {
    expect(() => new RemoteDetector({ baseUrl: 'file:///etc/passwd', model: 'm' })).toThrow(/baseUrl must use http or https/);
    const server = await fake(cashtags);
    const { det } = detector(server);
    await expect(det.detect([{ id: '', text: 'x' }])).rejects.toThrow();
    expect(server.requests).toHaveLength(0);
  });

  it('marks symbols missing from the generated registry as unlisted by default', async () => {
    const server = await fake(answerWith(() => ({ coins: ['BTC', 'NOSUCHCOINZZ'] })));
    const det = new RemoteDetector({ baseUrl: server.url, model: 'm' });
    const [d] = await det.detect([{ id: '1', text: 'x' }]);
    expect(d!.coins.map((c) => [c.symbol, c.unlisted])).toEqual([
      ['BTC', false],
      ['NOSUCHCOINZZ', true],
    ]);
  });
});

describe('createRemoteDetectorFromEnv', () => {
  it('explains which variables are missing', () => {
    expect(() => createRemoteDetectorFromEnv({})).toThrow(/TICKERLENS_REMOTE_BASE_URL and TICKERLENS_REMOTE_MODEL/);
  });

  it('falls back to the lexicon engine by default', async () => {
    const server = await fake(() => ({ kind: 'content', content: 'not json' }));
    const log: string[] = [];
    const det = createRemoteDetectorFromEnv({ [REMOTE_ENV.baseUrl]: server.url, [REMOTE_ENV.model]: 'm' }, { log: (m) => log.push(m) });
    const [d] = await det.detect([{ id: '1', text: 'Bought more $ETH' }]);
    expect(d!.engine).toBe('lexicon');
    expect(d!.coins.map((c) => c.symbol)).toEqual(['ETH']);
    expect(log[0]).toMatch(/1 post\(s\) go to the lexicon: malformed_json/);
  });

  it('builds a working detector from env', async () => {
    const server = await fake(cashtags);
    const det = createRemoteDetectorFromEnv({ [REMOTE_ENV.baseUrl]: server.url, [REMOTE_ENV.model]: 'env-model', [REMOTE_ENV.batchSize]: '3' }, { fallback: new MarkerFallback(), log: () => {} });
    expect(det.settings).toMatchObject({ model: 'env-model', batchSize: 3 });
    const out = await det.detect(posts(4));
    expect(out.map((d) => d.engine)).toEqual(['remote', 'remote', 'remote', 'remote']);
    expect(server.requests).toHaveLength(2);
  });
});


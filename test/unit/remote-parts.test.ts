import { describe, expect, it } from 'vitest';
import { locateMentions } from '../../utils/remote/locate';
import { buildUserMessage, parseUserMessage, POSTS_MARKER } from '../../utils/remote/prompt';
import { normalizeSymbol, parseReply, ReplyError } from '../../utils/remote/reply';
import { backoffMs, createLimiter, isRetryableStatus, retryAfterMs } from '../../utils/remote/retry';
import { REMOTE_ENV, RemoteSettings, remoteSettingsFromEnv } from '../../utils/remote/settings';
import { estimateTokens, UsageMeter } from '../../utils/remote/usage';

describe('normalizeSymbol', () => {
  it('upper-cases Latin, strips sigils and spaces, keeps Chinese', () => {
    expect(normalizeSymbol('$sol')).toBe('SOL');
    expect(normalizeSymbol('#eth')).toBe('ETH');
    expect(normalizeSymbol(' 币安人生 ')).toBe('币安人生');
    expect(normalizeSymbol('$幣安人生')).toBe('币安人生');
    expect(normalizeSymbol('$币安Holder')).toBe('币安HOLDER');
    expect(normalizeSymbol('ｂｔｃ')).toBe('BTC');
    expect(normalizeSymbol('Used Car')).toBe('USEDCAR');
    expect(normalizeSymbol('$')).toBe('');
  });
});

describe('parseReply', () => {
  it('reads labels per id with normalized, de-duplicated symbols', () => {
    const labels = parseReply(JSON.stringify({ posts: [{ id: '1', coins: ['btc', '$BTC', '哈基米'], mentions: [['大饼', 'btc'], ['哈基米', '哈基米']] }, { id: 2, coins: [] }] }));
    expect(labels.get('1')).toEqual({ coins: ['BTC', '哈基米'], mentions: [['大饼', 'BTC'], ['哈基米', '哈基米']] });
    expect(labels.get('2')).toEqual({ coins: [], mentions: [] });
  });

  it('accepts object mentions and a ``` fence, drops mentions of symbols not in coins, keeps the first of repeated ids', () => {
    const content = '```json\n' + JSON.stringify({ posts: [{ id: '1', coins: ['SOL'], mentions: [{ surface: 'sol', symbol: 'SOL' }, ['doge', 'DOGE']] }, { id: '1', coins: ['ETH'] }] }) + '\n```';
    expect(parseReply(content).get('1')).toEqual({ coins: ['SOL'], mentions: [['sol', 'SOL']] });
  });

  it('rejects malformed JSON and schema violations with distinct problems', () => {
    expect(() => parseReply('{"posts": [')).toThrow(ReplyError);
    try {
      parseReply('{"posts": [');
    } catch (e) {
      expect((e as ReplyError).problem).toBe('malformed_json');
    }
    for (const bad of ['{"posts":[{"id":"1","coins":"BTC"}]}', '{"results":[]}', '[]', '{"posts":[{"id":"1","coins":["BTC"],"mentions":[["only one"]]}]}']) {
      try {
        parseReply(bad);
        expect.unreachable(`accepted ${bad}`);
      } catch (e) {
        expect((e as ReplyError).problem).toBe('schema_violation');
      }
    }
  });
});

describe('prompt user message', () => {
  it('round-trips posts whose text holds newlines, fences and the marker itself', () => {
    const posts = [
      { id: '1', text: `line one\n${POSTS_MARKER}\n\`\`\`json {"posts":[]}\`\`\``, lang: 'en' },
      { id: '2', text: '大饼 \u2028 二饼' },
    ];
    const message = buildUserMessage(posts);
    expect(parseUserMessage(message)).toEqual({ posts });
  });

  it('explains what is wrong with a foreign message', () => {
    expect(() => parseUserMessage('hello')).toThrow(/POSTS_JSON:/);
    expect(() => parseUserMessage(`${POSTS_MARKER}\n{"posts":`)).toThrow(/not valid JSON/);
    expect(() => parseUserMessage(`${POSTS_MARKER}\n{"posts":[{"id":1}]}`)).toThrow(/do not match/);
    expect(() => parseUserMessage(`${POSTS_MARKER}\n{"posts":[]}`)).toThrow(/do not match/);
  });
});

describe('locateMentions', () => {
  it('maps surfaces to original offsets, all occurrences, whole Latin words only', () => {
    const text = 'Ｓｏｌ and $sol, not the solution; sol again';
    const spans = locateMentions(text, [['$sol', 'SOL'], ['sol', 'SOL']], 0.9);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Ｓｏｌ', '$sol', 'sol']);
    expect(spans.every((s) => s.symbol === 'SOL' && s.confidence === 0.9)).toBe(true);
    expect(spans.map((s) => s.text)).toEqual(['Ｓｏｌ', '$sol', 'sol']);
  });

  it('prefers longer surfaces and finds Chinese inside running text', () => {
    const text = '以太坊涨了，以太也涨';
    const spans = locateMentions(text, [['以太', 'ETH'], ['以太坊', 'ETH']], 0.9);
    expect(spans.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 3, '以太坊'],
      [6, 8, '以太'],
    ]);
  });

  it('gives no span for a surface the model rewrote', () => {
    expect(locateMentions('buy bitcoin', [['BTC', 'BTC']], 0.9)).toEqual([]);
  });
});

describe('retry helpers', () => {
  it('reads Retry-After as seconds, HTTP date or retry-after-ms', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '3' }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect(backoffMs(0, { ...opts, random: () => 1 })).toBe(100);
    expect(backoffMs(3, { ...opts, random: () => 1 })).toBe(800);
    expect(backoffMs(10, { ...opts, random: () => 1 })).toBe(1000);
    expect(backoffMs(3, { ...opts, random: () => 0.5 })).toBe(400);
  });

  it('retries 408/409/429/5xx only', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 503].filter(isRetryableStatus)).toEqual([408, 409, 429, 500, 503]);
  });

  it('limiter never runs more than its limit, even when tasks finish and start in the same tick', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let most = 0;
    const task = async (ms: number) => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, ms));
      active -= 1;
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => limit(() => task(i % 4))));
    expect(most).toBe(3);
    expect(() => createLimiter(0)).toThrow();
  });
});

describe('RemoteSettings', () => {
  it('fills defaults and trims a trailing slash', () => {
    const s = RemoteSettings.parse({ baseUrl: 'http://127.0.0.1:8787/v1/', model: 'm' });
    expect(s).toMatchObject({ baseUrl: 'http://127.0.0.1:8787/v1', model: 'm', batchSize: 16, concurrency: 2, maxRetries: 2 });
  });

  it('rejects non-http URLs, credentials in the URL and bad numbers', () => {
    for (const baseUrl of ['ftp://x/v1', 'not a url', 'https://user:pw@host/v1', 'https://host/v1?key=1']) {
      expect(RemoteSettings.safeParse({ baseUrl, model: 'm' }).success, baseUrl).toBe(false);
    }
    expect(RemoteSettings.safeParse({ baseUrl: 'https://h/v1', model: 'm', batchSize: 0 }).success).toBe(false);
    expect(RemoteSettings.safeParse({ baseUrl: 'https://h/v1', model: '' }).success).toBe(false);
  });

  it('reads env variables, naming what is missing or wrong and never the key', () => {
    expect(() => remoteSettingsFromEnv({})).toThrow(new RegExp(`${REMOTE_ENV.baseUrl} and ${REMOTE_ENV.model}`));
    const env = { [REMOTE_ENV.baseUrl]: 'https://api.example.com/v1', [REMOTE_ENV.model]: 'gpt-x', [REMOTE_ENV.apiKey]: 'sk-secret', [REMOTE_ENV.batchSize]: '8', [REMOTE_ENV.pricePerMTokIn]: '0.15' };
    expect(remoteSettingsFromEnv(env)).toMatchObject({ baseUrl: 'https://api.example.com/v1', model: 'gpt-x', apiKey: 'sk-secret', batchSize: 8, pricePerMTokIn: 0.15 });
    expect(() => remoteSettingsFromEnv({ ...env, [REMOTE_ENV.batchSize]: 'many' })).toThrow(/TICKERLENS_REMOTE_BATCH must be a number/);
    expect(() => remoteSettingsFromEnv({ ...env, [REMOTE_ENV.batchSize]: '1000' })).toThrow(/TICKERLENS_REMOTE_BATCH/);
    try {
      remoteSettingsFromEnv({ ...env, [REMOTE_ENV.apiKey]: 'sk-'.padEnd(600, 'x') });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/TICKERLENS_REMOTE_API_KEY/);
      expect((e as Error).message).not.toMatch(/sk-x/);
    }
  });
});

describe('usage accounting', () => {
  it('sums tokens, prices them per million, counts replies without usage', () => {
    const meter = new UsageMeter(0.5, 2);
    meter.add({ prompt_tokens: 1_000_000, completion_tokens: 250_000 });
    meter.add(undefined);
    meter.add({ prompt_tokens: 1_000_000, completion_tokens: 0 });
    expect(meter.totals()).toEqual({ tokensIn: 2_000_000, tokensOut: 250_000, repliesWithoutUsage: 1, estimatedCostUsd: 1.5 });
  });

  it('estimates about one token per CJK character and per four other characters', () => {
    expect(estimateTokens('比特币')).toBe(3);
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('买 btc')).toBe(2);
  });
});

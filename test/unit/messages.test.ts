import { describe, expect, test } from 'vitest';
import {
  BackgroundRequest,
  Chip,
  DetectReply,
  isForOffscreen,
  MAX_BATCH,
  OffscreenDetectReply,
  OffscreenRequest,
  Status,
  describeIssues,
} from '../../utils/messages';

const post = { id: '1', text: 'gm $BTC', lang: 'en' };
const coin = { kind: 'coin', symbol: 'BTC', href: 'https://www.tradingview.com/chart/?symbol=BINANCE%3ABTCUSDT', confidence: 0.9, engine: 'lexicon', matched: ['$BTC'], unlisted: false };

describe('background requests', () => {
  test('accepts the three request types', () => {
    expect(BackgroundRequest.parse({ type: 'detect', posts: [post] })).toEqual({ type: 'detect', posts: [post] });
    expect(BackgroundRequest.parse({ type: 'get-status' }).type).toBe('get-status');
    expect(BackgroundRequest.parse({ type: 'open-chart', url: 'https://dexscreener.com/solana/x' }).type).toBe('open-chart');
  });

  test.each([
    ['unknown type', { type: 'delete-everything' }],
    ['no type', { posts: [post] }],
    ['not an object', 'detect'],
    ['null', null],
    ['empty batch', { type: 'detect', posts: [] }],
    ['oversized batch', { type: 'detect', posts: Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ ...post, id: String(i) })) }],
    ['post without id', { type: 'detect', posts: [{ text: 'x' }] }],
    ['post with empty id', { type: 'detect', posts: [{ id: '', text: 'x' }] }],
    ['text not a string', { type: 'detect', posts: [{ id: '1', text: 42 }] }],
    ['huge text', { type: 'detect', posts: [{ id: '1', text: 'a'.repeat(20_001) }] }],
    ['chart url not a url', { type: 'open-chart', url: 'javascript alert(1)' }],
  ])('rejects %s', (_name, msg) => {
    const r = BackgroundRequest.safeParse(msg);
    expect(r.success).toBe(false);
    if (!r.success) expect(describeIssues(r.error)).not.toBe('');
  });
});

describe('replies', () => {
  test('detect reply: chips validated, errors carried', () => {
    expect(DetectReply.parse({ ok: true, results: [{ id: '1', engine: 'lexicon', chips: [coin] }] }).ok).toBe(true);
    expect(DetectReply.parse({ ok: false, error: 'engine down' })).toEqual({ ok: false, error: 'engine down' });
    expect(DetectReply.safeParse({ ok: true }).success).toBe(false);
    expect(DetectReply.safeParse(undefined).success).toBe(false);
  });

  test('chips: bad href, unknown engine, icon path escaping icons/ and unknown chains are rejected', () => {
    expect(Chip.safeParse(coin).success).toBe(true);
    expect(Chip.safeParse({ ...coin, href: 'not a url' }).success).toBe(false);
    expect(Chip.safeParse({ ...coin, engine: 'magic' }).success).toBe(false);
    expect(Chip.safeParse({ ...coin, icon: '../../secrets.png' }).success).toBe(false);
    expect(Chip.safeParse({ ...coin, icon: 'icons/btc.png' }).success).toBe(true);
    expect(Chip.safeParse({ kind: 'address', chain: 'solana', address: 'abc', href: 'https://dexscreener.com/solana/abc', engine: 'remote' }).success).toBe(true);
    expect(Chip.safeParse({ kind: 'address', chain: 'dogechain', address: 'abc', href: 'https://dexscreener.com/x', engine: 'remote' }).success).toBe(false);
  });

  test('status: backends are webgpu / wasm / lexicon only', () => {
    const base = { engine: 'local', postsAnnotated: 0, topCoinsLastHour: [] };
    expect(Status.parse({ ...base, local: { backend: 'wasm', modelVersion: 'v1' } }).local?.backend).toBe('wasm');
    expect(Status.safeParse({ ...base, local: { backend: 'cuda' } }).success).toBe(false);
    expect(Status.safeParse({ ...base, postsAnnotated: -1 }).success).toBe(false);
  });
});

describe('offscreen messages', () => {
  test('need the offscreen target, so other contexts can ignore them', () => {
    expect(OffscreenRequest.safeParse({ target: 'offscreen', type: 'offscreen-detect', posts: [post] }).success).toBe(true);
    expect(OffscreenRequest.safeParse({ type: 'offscreen-detect', posts: [post] }).success).toBe(false);
    expect(OffscreenRequest.safeParse({ target: 'offscreen', type: 'detect', posts: [post] }).success).toBe(false);
    expect(isForOffscreen({ target: 'offscreen' })).toBe(true);
    expect(isForOffscreen({ type: 'detect' })).toBe(false);
    expect(isForOffscreen(null)).toBe(false);
  });

  test('detect reply carries detections that match the Detection schema and the engine status', () => {
    const det = { id: '1', coins: [{ symbol: 'BTC', confidence: 0.9, unlisted: false }], spans: [], addresses: [], engine: 'lexicon' };
    expect(OffscreenDetectReply.parse({ ok: true, detections: [det], status: { backend: 'lexicon' } }).ok).toBe(true);
    expect(OffscreenDetectReply.safeParse({ ok: true, detections: [{ ...det, coins: [{ symbol: '', confidence: 2 }] }], status: { backend: 'lexicon' } }).success).toBe(false);
  });
});

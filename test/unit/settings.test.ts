import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, updateSettings, validRemote, watchSettings, type Settings } from '../../utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings schema', () => {
  test('defaults: local engine, TradingView for coins, DexScreener for addresses, browser language', () => {
    expect(DEFAULT_SETTINGS).toEqual({ engine: 'local', chartProvider: 'tradingview', addressProvider: 'dexscreener', language: 'auto', remote: {} });
  });

  test('a corrupt stored value falls back field by field, keeping the good fields', () => {
    expect(parseSettings({ engine: 'quantum', chartProvider: 'okx', language: 'fr', remote: 'nope' })).toEqual({ ...DEFAULT_SETTINGS, chartProvider: 'okx' });
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  test('remote settings are checked with the remote engine\'s own schema', () => {
    const bad = validRemote(parseSettings({ remote: { baseUrl: 'ftp://x', model: '' } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/baseUrl/);
    expect(validRemote(DEFAULT_SETTINGS).ok).toBe(false);
    const good = validRemote(parseSettings({ remote: { baseUrl: 'http://127.0.0.1:8787/v1/', model: 'm', apiKey: 'sk-test' } }));
    expect(good).toMatchObject({ ok: true, value: { baseUrl: 'http://127.0.0.1:8787/v1', model: 'm', apiKey: 'sk-test', batchSize: 16 } });
  });
});

describe('settings storage (storage.local)', () => {
  test('empty storage reads as defaults; updates merge and persist', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings({ engine: 'remote' });
    await updateSettings({ chartProvider: 'binance' });
    expect(await loadSettings()).toMatchObject({ engine: 'remote', chartProvider: 'binance' });
    // The API key lives in storage.local, never sync.
    await updateSettings({ remote: { baseUrl: 'https://api.example.com/v1', model: 'm', apiKey: 'sk-1' } });
    expect(((await fakeBrowser.storage.local.get('settings')) as { settings: Settings }).settings.remote.apiKey).toBe('sk-1');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  test('an invalid update is refused and loses nothing', async () => {
    await updateSettings({ chartProvider: 'okx' });
    await expect(updateSettings({ bogus: 1 } as unknown as Partial<Settings>)).rejects.toThrow();
    expect((await loadSettings()).chartProvider).toBe('okx');
  });

  test('watchers see parsed values', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings({ engine: 'remote' });
    await fakeBrowser.storage.local.set({ settings: { engine: 42 } });
    unwatch();
    expect(seen.map((s) => s.engine)).toEqual(['remote', 'local']);
  });
});

describe('UI language', async () => {
  const { resolveLanguage, translator } = await import('../../utils/i18n');
  const en = (await import('../../locales/en.json')).default;
  const zh = (await import('../../locales/zh_CN.json')).default;

  test('English and 简体中文 have the same messages, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) expect(v.trim(), k).not.toBe('');
  });

  test('the setting wins over the browser language; auto follows it', () => {
    expect(resolveLanguage('zh_CN', 'en-US')).toBe('zh_CN');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh_CN');
    expect(resolveLanguage('auto', 'de')).toBe('en');
  });

  test('substitutes $1 and never returns the raw key for known messages', () => {
    expect(translator('en')('chipOpenChart', 'BTC')).toBe('Open BTC chart');
    expect(translator('zh_CN')('chipOpenChart', 'BTC')).toBe('打开 BTC 行情图');
  });
});

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assetBySymbol, registry } from '../../utils/registry';

const root = join(__dirname, '../..');

const AssetSchema = z.object({
  symbol: z.string().min(1),
  name: z.string().min(1),
  rank: z.number().int().positive().optional(),
  coingeckoId: z.string().optional(),
  chart: z.object({ tradingview: z.string().optional(), binance: z.string().optional(), okx: z.string().optional() }).optional(),
  icon: z.string().optional(),
  aliases: z.object({ en: z.array(z.string()), zh: z.array(z.string()) }),
  ambiguity: z.enum(['none', 'en_word', 'zh_word', 'stock', 'unlisted']),
  addresses: z.array(z.object({ chain: z.string(), address: z.string() })).optional(),
  bare: z.boolean().optional(),
  bareNeedsCue: z.boolean().optional(),
  handles: z.array(z.string()).optional(),
  aliasAmbiguity: z.record(z.string(), z.enum(['none', 'en_word', 'zh_word', 'stock', 'unlisted'])).optional(),
});

describe('registry.json', () => {
  it('matches the Asset shape and records its sources', () => {
    for (const a of registry.assets) AssetSchema.parse(a);
    const names = registry.sources.map((s) => s.name);
    for (const n of ['crypto-symbol', 'cryptocurrencies', 'cryptocurrency-icons', '@uniswap/default-token-list', '@solana/spl-token-registry', '@sonarwatch/token-lists']) {
      expect(names).toContain(n);
    }
    expect(registry.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('is small enough to ship (< 1.5 MB) and has unique symbols', () => {
    expect(statSync(join(root, 'utils/registry/registry.json')).size).toBeLessThan(1.5 * 1024 * 1024);
    const symbols = registry.assets.map((a) => a.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });

  it('knows 2024–2026 coins', () => {
    for (const s of ['HYPE', 'WIF', 'PUMP', 'IP', 'ASTER', 'XPL', 'WLFI', 'FARTCOIN', '币安人生', '哈基米', 'MON', 'REYA']) {
      expect(assetBySymbol(s), s).toBeDefined();
    }
    expect(assetBySymbol('HYPE')!.name).toBe('Hyperliquid');
    expect(assetBySymbol('MON')!.aliases.en).toContain('monad');
  });

  it('carries Chinese slang and skips aliases marked dubious or wrong', () => {
    expect(assetBySymbol('BTC')!.aliases.zh).toContain('大饼');
    expect(assetBySymbol('ETH')!.aliases.zh).toEqual(expect.arrayContaining(['以太', '姨太', '二饼']));
    expect(assetBySymbol('LTC')!.aliases.zh).toContain('辣条');
    expect(assetBySymbol('SOL')!.aliases.zh).toContain('索拉拉');
    const allZh = registry.assets.flatMap((a) => a.aliases.zh);
    for (const bad of ['太阳', '皇上', '大阳', '太子', '修']) expect(allZh).not.toContain(bad);
  });

  it('classifies ambiguous tickers', () => {
    for (const s of ['NEAR', 'LINK', 'ONE', 'GAS', 'TON', 'OP', 'APE', 'SOL']) expect(assetBySymbol(s)?.ambiguity, s).toBe('en_word');
    expect(assetBySymbol('BTC')!.ambiguity).toBe('none');
    expect(assetBySymbol('LINK')!.aliasAmbiguity?.['链接']).toBe('zh_word');
    expect(registry.stocks).toEqual(expect.arrayContaining(['COIN', 'HOOD', 'MSTR', 'TSLA']));
  });

  it('only bare-matches well-known or distinctive tickers', () => {
    expect(assetBySymbol('BTC')!.bare).toBe(true);
    expect(assetBySymbol('K')!.bare).toBe(false);
    const bare = registry.assets.filter((a) => a.bare).length;
    expect(bare).toBeLessThan(registry.assets.length);
    expect(registry.knownSymbols!.length).toBeGreaterThan(5000);
  });

  it('maps renamed tokens to today\'s ticker', () => {
    expect(registry.renames).toMatchObject({ MATIC: 'POL', RNDR: 'RENDER', FTM: 'S' });
    expect(assetBySymbol('MATIC')).toBeUndefined();
  });

  it('gives chart symbols and icons that exist on disk', () => {
    expect(assetBySymbol('SOL')!.chart).toEqual({ tradingview: 'BINANCE:SOLUSDT', binance: 'SOL_USDT', okx: 'SOL-USDT' });
    const withIcon = registry.assets.filter((a) => a.icon);
    expect(withIcon.length).toBeGreaterThan(20);
    for (const a of withIcon) expect(existsSync(join(root, 'public/icons', a.icon!)), a.icon).toBe(true);
  });
});

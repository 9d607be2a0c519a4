import { describe, expect, test } from 'vitest';
import { addressChartUrl, coinChartUrl, isChartUrl, shortAddress, type ChartAsset } from '../../utils/charts';
import { chipsFor } from '../../utils/chips';
import { CHART_PROVIDERS } from '../../utils/settings';
import type { Detection } from '../../utils/detector';
import type { Asset } from '../../utils/registry/types';

const BTC: ChartAsset = { symbol: 'BTC', coingeckoId: 'bitcoin', chart: { tradingview: 'BINANCE:BTCUSDT', binance: 'BTC_USDT', okx: 'BTC-USDT' } };
const BARE: ChartAsset = { symbol: 'NEWCOIN' };
const ZH: ChartAsset = { symbol: '币安人生' };
const MEME: ChartAsset = { symbol: 'WIF', addresses: [{ chain: 'solana', address: 'EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm' }] };

describe('coin chart URLs', () => {
  test('uses the registry\'s chart symbols per provider', () => {
    expect(coinChartUrl(BTC, 'tradingview')).toBe('https://www.tradingview.com/chart/?symbol=BINANCE%3ABTCUSDT');
    expect(coinChartUrl(BTC, 'coingecko')).toBe('https://www.coingecko.com/en/coins/bitcoin');
    expect(coinChartUrl(BTC, 'binance')).toBe('https://www.binance.com/en/trade/BTC_USDT?type=spot');
    expect(coinChartUrl(BTC, 'okx')).toBe('https://www.okx.com/trade-spot/btc-usdt');
    expect(coinChartUrl(BTC, 'dexscreener')).toBe('https://dexscreener.com/search?q=BTC');
  });

  test('falls back sensibly when the registry lacks chart symbols', () => {
    expect(coinChartUrl(BARE, 'tradingview')).toBe('https://www.tradingview.com/chart/?symbol=CRYPTO%3ANEWCOINUSD');
    // No exchange pair known: TradingView's index rather than a made-up pair.
    expect(coinChartUrl(BARE, 'binance')).toBe(coinChartUrl(BARE, 'tradingview'));
    expect(coinChartUrl(BARE, 'okx')).toBe(coinChartUrl(BARE, 'tradingview'));
    expect(coinChartUrl(BARE, 'coingecko')).toBe('https://www.coingecko.com/en/search?query=NEWCOIN');
  });

  test('non-Latin tickers go to a CoinGecko search, URL-encoded', () => {
    expect(coinChartUrl(ZH, 'tradingview')).toBe(`https://www.coingecko.com/en/search?query=${encodeURIComponent('币安人生')}`);
    expect(coinChartUrl(ZH, 'dexscreener')).toBe(`https://dexscreener.com/search?q=${encodeURIComponent('币安人生')}`);
  });

  test('DexScreener uses a token address when the registry has one, skipping placeholder addresses', () => {
    expect(coinChartUrl(MEME, 'dexscreener')).toBe('https://dexscreener.com/solana/EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm');
    const eth: ChartAsset = { symbol: 'ETH', addresses: [{ chain: 'evm', address: '0x0000000000000000000000000000000000000000' }, { chain: 'evm', address: '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE' }] };
    expect(coinChartUrl(eth, 'dexscreener')).toBe('https://dexscreener.com/search?q=ETH');
  });

  test('every provider\'s URL passes the background\'s chart-URL check', () => {
    for (const p of CHART_PROVIDERS) for (const a of [BTC, BARE, ZH, MEME]) expect(isChartUrl(coinChartUrl(a, p)), `${p} ${a.symbol}`).toBe(true);
  });
});

describe('address chart URLs', () => {
  test('chain pages where DexScreener has them, search for EVM (many chains share the format)', () => {
    expect(addressChartUrl('solana', 'So11111111111111111111111111111111111111112')).toBe('https://dexscreener.com/solana/So11111111111111111111111111111111111111112');
    expect(addressChartUrl('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe('https://dexscreener.com/tron/TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    expect(addressChartUrl('evm', '0x6982508145454Ce325dDbE47a25d4ec3d2311933')).toBe('https://dexscreener.com/search?q=0x6982508145454Ce325dDbE47a25d4ec3d2311933');
    expect(addressChartUrl('sui', '0x2::sui::SUI')).toBe('https://dexscreener.com/sui/0x2%3A%3Asui%3A%3ASUI');
  });

  test('short form keeps both ends', () => {
    expect(shortAddress('0x6982508145454Ce325dDbE47a25d4ec3d2311933')).toBe('0x6982…1933');
    expect(shortAddress('short')).toBe('short');
  });
});

describe('isChartUrl', () => {
  test.each(['javascript:alert(1)', 'http://www.tradingview.com/chart/', 'https://evil.example/www.tradingview.com', 'https://www.tradingview.com.evil.example/', 'not a url', 'chrome://settings'])(
    'rejects %s',
    (u) => expect(isChartUrl(u)).toBe(false),
  );
});

describe('chips from a detection', () => {
  const registry: Record<string, Asset> = {
    BTC: { symbol: 'BTC', name: 'Bitcoin', coingeckoId: 'bitcoin', chart: BTC.chart, icon: 'btc.png', aliases: { en: [], zh: [] }, ambiguity: 'none' },
    EVIL: { symbol: 'EVIL', name: 'Evil', icon: '../../x.png', aliases: { en: [], zh: [] }, ambiguity: 'none' },
  };
  const det: Detection = {
    id: '7',
    engine: 'lexicon',
    coins: [
      { symbol: 'BTC', confidence: 0.95, unlisted: false },
      { symbol: 'MYSTERY', confidence: 0.6, unlisted: true },
      { symbol: 'EVIL', confidence: 0.7, unlisted: false },
      { symbol: 'BTC', confidence: 0.9, unlisted: false },
    ],
    spans: [
      { start: 0, end: 4, text: '$BTC', symbol: 'BTC', confidence: 0.95 },
      { start: 10, end: 12, text: '大饼', symbol: 'BTC', confidence: 0.9 },
      { start: 20, end: 24, text: '$BTC', symbol: 'BTC', confidence: 0.95 },
    ],
    addresses: [
      { chain: 'solana', address: '7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr', start: 30, end: 74 },
      { chain: 'solana', address: '7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr', start: 80, end: 124 },
    ],
  };

  test('one chip per coin with registry name, icon, matched words and chart link; then address chips', () => {
    const chips = chipsFor(det, (s) => registry[s], { chartProvider: 'tradingview', addressProvider: 'dexscreener' });
    expect(chips.map((c) => (c.kind === 'coin' ? c.symbol : `${c.chain}:${c.address.slice(0, 6)}`))).toEqual(['BTC', 'MYSTERY', 'EVIL', 'solana:7GCihg']);
    expect(chips[0]).toMatchObject({ name: 'Bitcoin', icon: 'icons/btc.png', matched: ['$BTC', '大饼'], confidence: 0.95, unlisted: false, href: 'https://www.tradingview.com/chart/?symbol=BINANCE%3ABTCUSDT' });
    expect(chips[1]).toMatchObject({ unlisted: true, name: undefined, icon: undefined, matched: [] });
    expect(chips[2]).toMatchObject({ icon: undefined }); // an icon name with a path is not trusted
    expect(chips[3]).toMatchObject({ kind: 'address', href: 'https://dexscreener.com/solana/7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr', engine: 'lexicon' });
  });

  test('the chart provider setting changes the links', () => {
    const chips = chipsFor(det, (s) => registry[s], { chartProvider: 'coingecko', addressProvider: 'dexscreener' });
    expect(chips[0]!.href).toBe('https://www.coingecko.com/en/coins/bitcoin');
  });
});

/**
 * Chart URLs for coin and address chips. Pure functions: the asset data comes
 * from the registry (chart symbols, CoinGecko id, addresses), the provider from
 * the settings. When the registry lacks what a provider needs, the URL falls
 * back to something that still finds the coin (a search or an index chart)
 * instead of a broken trading pair.
 */
import type { Asset } from './registry/types';
import type { AddressProvider, ChartProvider } from './settings';

/** What a chart URL needs to know about a coin. */
export type ChartAsset = Pick<Asset, 'symbol' | 'coingeckoId' | 'chart' | 'addresses'>;

const LATIN_TICKER = /^[A-Z0-9]{1,15}$/;

/** Hosts chips may open; the background refuses to open anything else. */
export const CHART_HOSTS = [
  'www.tradingview.com',
  'www.coingecko.com',
  'dexscreener.com',
  'www.binance.com',
  'www.okx.com',
] as const;

export function isChartUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (CHART_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}

function coingeckoSearch(symbol: string): string {
  return `https://www.coingecko.com/en/search?query=${encodeURIComponent(symbol)}`;
}

function coingecko(asset: ChartAsset): string {
  return asset.coingeckoId
    ? `https://www.coingecko.com/en/coins/${encodeURIComponent(asset.coingeckoId)}`
    : coingeckoSearch(asset.symbol);
}

function tradingview(asset: ChartAsset): string {
  const tv = asset.chart?.tradingview;
  if (tv) return `https://www.tradingview.com/chart/?symbol=${encodeURIComponent(tv)}`;
  // TradingView's CRYPTO: index covers most listed coins by ticker; non-Latin tickers have no index.
  if (LATIN_TICKER.test(asset.symbol)) return `https://www.tradingview.com/chart/?symbol=${encodeURIComponent(`CRYPTO:${asset.symbol}USD`)}`;
  return coingecko(asset);
}

function binance(asset: ChartAsset): string {
  const pair = asset.chart?.binance;
  if (pair) return `https://www.binance.com/en/trade/${encodeURIComponent(pair)}?type=spot`;
  return tradingview(asset);
}

function okx(asset: ChartAsset): string {
  const pair = asset.chart?.okx;
  if (pair) return `https://www.okx.com/trade-spot/${encodeURIComponent(pair.toLowerCase())}`;
  return tradingview(asset);
}

/** Registries list placeholder addresses for native coins (0x000…0, 0xEeee…E); they have no pair page. */
const PLACEHOLDER = /^0x(?:0{40}|e{40})$/i;

function dexscreener(asset: ChartAsset): string {
  const first = asset.addresses?.find((a) => !PLACEHOLDER.test(a.address));
  if (first) return addressChartUrl(first.chain, first.address, 'dexscreener');
  return `https://dexscreener.com/search?q=${encodeURIComponent(asset.symbol)}`;
}

export function coinChartUrl(asset: ChartAsset, provider: ChartProvider): string {
  switch (provider) {
    case 'tradingview':
      return tradingview(asset);
    case 'coingecko':
      return coingecko(asset);
    case 'dexscreener':
      return dexscreener(asset);
    case 'binance':
      return binance(asset);
    case 'okx':
      return okx(asset);
  }
}

/** DexScreener's path segment per chain; EVM addresses exist on many chains, so they go through search. */
const DEXSCREENER_CHAIN: Record<string, string | undefined> = { solana: 'solana', tron: 'tron', sui: 'sui' };

export function addressChartUrl(chain: string, address: string, _provider: AddressProvider = 'dexscreener'): string {
  const seg = DEXSCREENER_CHAIN[chain];
  if (seg) return `https://dexscreener.com/${seg}/${encodeURIComponent(address)}`;
  return `https://dexscreener.com/search?q=${encodeURIComponent(address)}`;
}

/** 0x1234…abcd — enough to recognise an address without the full string. */
export function shortAddress(address: string): string {
  if (address.length <= 12) return address;
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

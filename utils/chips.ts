/**
 * Turns an engine's Detection into the chips the content script shows:
 * coin chips with registry name / icon / chart link, then address chips.
 * Runs in the background, which has the registry and the settings, so the
 * content script never loads the registry.
 */
import type { Detection } from './detector';
import type { Asset } from './registry/types';
import type { Chip } from './messages';
import { addressChartUrl, coinChartUrl } from './charts';
import type { Settings } from './settings';

export type AssetLookup = (symbol: string) => Asset | undefined;

const ICON_FILE = /^[\w.\-]+$/;

export function chipsFor(det: Detection, lookup: AssetLookup, settings: Pick<Settings, 'chartProvider' | 'addressProvider'>): Chip[] {
  const chips: Chip[] = [];
  const seen = new Set<string>();
  for (const coin of det.coins) {
    if (seen.has(coin.symbol)) continue;
    seen.add(coin.symbol);
    const asset = lookup(coin.symbol);
    const matched = [...new Set(det.spans.filter((s) => s.symbol === coin.symbol).map((s) => s.text))];
    chips.push({
      kind: 'coin',
      symbol: coin.symbol,
      name: asset?.name,
      icon: asset?.icon && ICON_FILE.test(asset.icon) ? `icons/${asset.icon}` : undefined,
      href: coinChartUrl(asset ?? { symbol: coin.symbol }, settings.chartProvider),
      confidence: coin.confidence,
      engine: det.engine,
      matched,
      unlisted: coin.unlisted || !asset,
    });
  }
  const seenAddr = new Set<string>();
  for (const a of det.addresses) {
    const key = `${a.chain}:${a.address}`;
    if (seenAddr.has(key)) continue;
    seenAddr.add(key);
    chips.push({
      kind: 'address',
      chain: a.chain,
      address: a.address,
      href: addressChartUrl(a.chain, a.address, settings.addressProvider),
      engine: det.engine,
    });
  }
  return chips;
}

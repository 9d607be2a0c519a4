/** The generated registry, typed. Import this instead of the JSON file. */
import registryJson from './registry.json';
import type { Asset, Registry } from './types';

export const registry = registryJson as unknown as Registry;

let bySymbol: Map<string, Asset> | undefined;
/** Asset by canonical symbol. */
export function assetBySymbol(symbol: string): Asset | undefined {
  bySymbol ??= new Map(registry.assets.map((a) => [a.symbol, a]));
  return bySymbol.get(symbol);
}

/**
 * The extension's stored settings: one zod schema, one storage item in
 * storage.local (the remote API key included: it never goes to sync storage).
 * Stored values are parsed on every read, so a corrupt or outdated entry falls
 * back to defaults field by field instead of breaking the extension.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { RemoteSettings } from './remote/settings';

export const ChartProvider = z.enum(['tradingview', 'coingecko', 'dexscreener', 'binance', 'okx']);
export type ChartProvider = z.infer<typeof ChartProvider>;
export const CHART_PROVIDERS = ChartProvider.options;

export const AddressProvider = z.enum(['dexscreener']);
export type AddressProvider = z.infer<typeof AddressProvider>;

export const EngineChoice = z.enum(['local', 'remote']);
export type EngineChoice = z.infer<typeof EngineChoice>;

export const UiLanguage = z.enum(['auto', 'en', 'zh_CN']);
export type UiLanguage = z.infer<typeof UiLanguage>;

/**
 * Remote settings as stored: possibly incomplete until the user fills the
 * options form, so only shapes are checked here (no defaults filled in);
 * `validRemote` applies the RemoteSettings schema when the engine is built.
 */
export const StoredRemote = z.object({
  baseUrl: z.string().max(2000).optional(),
  model: z.string().max(200).optional(),
  apiKey: z.string().max(500).optional(),
  batchSize: z.number().optional(),
  concurrency: z.number().optional(),
  timeoutMs: z.number().optional(),
  maxRetries: z.number().optional(),
  pricePerMTokIn: z.number().optional(),
  pricePerMTokOut: z.number().optional(),
});
export type StoredRemote = z.infer<typeof StoredRemote>;

export const Settings = z.object({
  engine: EngineChoice.catch('local'),
  chartProvider: ChartProvider.catch('tradingview'),
  addressProvider: AddressProvider.catch('dexscreener'),
  language: UiLanguage.catch('auto'),
  /** Raw remote settings; validated with RemoteSettings when the remote engine is built. */
  remote: StoredRemote.catch({}),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** Parses anything (stored JSON, a message) into Settings, defaulting bad fields. */
export function parseSettings(raw: unknown): Settings {
  const obj = raw && typeof raw === 'object' ? raw : {};
  return Settings.parse(obj);
}

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Merges a partial update into the stored settings after validating the result. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = Settings.strict().parse({ ...current, ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(parseSettings(v)));
}

/** The remote settings validated for use, or the reason they cannot be used. */
export function validRemote(s: Settings): { ok: true; value: RemoteSettings } | { ok: false; error: string } {
  const r = RemoteSettings.safeParse(s.remote);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'remote'}: ${i.message}`).join('; ') };
}

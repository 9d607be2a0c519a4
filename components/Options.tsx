/**
 * Options: chart providers, UI language, and the remote engine's endpoint,
 * validated with the same RemoteSettings schema the engine uses. Saving asks
 * for host access to the endpoint's origin only (optional_host_permissions).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RemoteSettings } from '../utils/remote/settings';
import { CHART_PROVIDERS, loadSettings, updateSettings, watchSettings, type Settings } from '../utils/settings';
import { resolveLanguage, translator } from '../utils/i18n';

const PROVIDER_LABEL: Record<string, string> = {
  tradingview: 'TradingView',
  coingecko: 'CoinGecko',
  dexscreener: 'DexScreener',
  binance: 'Binance',
  okx: 'OKX',
};

interface RemoteForm {
  baseUrl: string;
  model: string;
  apiKey: string;
  batchSize: string;
  pricePerMTokIn: string;
  pricePerMTokOut: string;
}

function toForm(s: Settings): RemoteForm {
  const r = s.remote;
  return {
    baseUrl: r.baseUrl ?? '',
    model: r.model ?? '',
    apiKey: r.apiKey ?? '',
    batchSize: String(r.batchSize ?? 16),
    pricePerMTokIn: String(r.pricePerMTokIn ?? 0),
    pricePerMTokOut: String(r.pricePerMTokOut ?? 0),
  };
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [form, setForm] = useState<RemoteForm | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void loadSettings().then((s) => {
      setSettings(s);
      setForm(toForm(s));
    });
    return watchSettings(setSettings);
  }, []);
  if (!settings || !form) return null;
  const t = translator(resolveLanguage(settings.language));
  const save = (patch: Partial<Settings>) => void updateSettings(patch).then(setSettings);
  const field = (key: keyof RemoteForm) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });

  const saveRemote = (e: Event) => {
    e.preventDefault();
    const parsed = RemoteSettings.safeParse({
      ...settings.remote,
      baseUrl: form.baseUrl,
      model: form.model,
      apiKey: form.apiKey || undefined,
      batchSize: Number(form.batchSize),
      pricePerMTokIn: Number(form.pricePerMTokIn),
      pricePerMTokOut: Number(form.pricePerMTokOut),
    });
    if (!parsed.success) {
      setMessage({ ok: false, text: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const origin = new URL(parsed.data.baseUrl).origin;
    // Ask while the click still counts as a user gesture; save whatever the answer.
    const granted = browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    void updateSettings({ remote: parsed.data }).then(async (s) => {
      setSettings(s);
      setMessage({ ok: true, text: t('optionsSaved') });
      if (!(await granted)) setMessage({ ok: false, text: t('optionsPermissionDenied', origin) });
    });
  };

  return (
    <main style="max-width: 560px; padding: 16px 20px;">
      <h1>{t('optionsTitle')}</h1>
      <h2>{t('optionsCharts')}</h2>
      <label class="field">
        <span>{t('optionsChartProvider')}</span>
        <select name="chartProvider" value={settings.chartProvider} onChange={(e) => save({ chartProvider: (e.currentTarget as HTMLSelectElement).value as Settings['chartProvider'] })}>
          {CHART_PROVIDERS.map((p) => (
            <option value={p}>{PROVIDER_LABEL[p]}</option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('optionsAddressProvider')}</span>
        <select name="addressProvider" value={settings.addressProvider} disabled>
          <option value="dexscreener">DexScreener</option>
        </select>
      </label>
      <h2>{t('optionsLanguage')}</h2>
      <label class="field">
        <span>{t('optionsLanguage')}</span>
        <select name="language" value={settings.language} onChange={(e) => save({ language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })}>
          <option value="auto">{t('optionsLanguageAuto')}</option>
          <option value="en">English</option>
          <option value="zh_CN">简体中文</option>
        </select>
      </label>
      <h2>{t('optionsRemote')}</h2>
      <form onSubmit={saveRemote} data-testid="remote-form" noValidate>
        <label class="field">
          <span>{t('optionsBaseUrl')}</span>
          <input name="baseUrl" type="url" placeholder="https://api.openai.com/v1" value={form.baseUrl} onInput={field('baseUrl')} />
        </label>
        <label class="field">
          <span>{t('optionsModel')}</span>
          <input name="model" value={form.model} onInput={field('model')} />
        </label>
        <label class="field">
          <span>{t('optionsApiKey')}</span>
          <input name="apiKey" type="password" autocomplete="off" value={form.apiKey} onInput={field('apiKey')} />
        </label>
        <label class="field">
          <span>{t('optionsBatchSize')}</span>
          <input name="batchSize" type="number" min="1" max="64" value={form.batchSize} onInput={field('batchSize')} />
        </label>
        <label class="field">
          <span>{t('optionsPriceIn')}</span>
          <input name="pricePerMTokIn" type="number" min="0" step="any" value={form.pricePerMTokIn} onInput={field('pricePerMTokIn')} />
        </label>
        <label class="field">
          <span>{t('optionsPriceOut')}</span>
          <input name="pricePerMTokOut" type="number" min="0" step="any" value={form.pricePerMTokOut} onInput={field('pricePerMTokOut')} />
        </label>
        <button class="primary" type="submit">{t('optionsSaveRemote')}</button>
        {message ? (
          <p class={message.ok ? '' : 'err'} role="status" data-testid="options-message">
            {message.text}
          </p>
        ) : null}
      </form>
    </main>
  );
}

/**
 * Popup: local / remote switch, engine status and the coins most mentioned in
 * posts seen during the last hour. Status comes from the background.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusReply, type Status } from '../utils/messages';
import { loadSettings, updateSettings, watchSettings, type EngineChoice, type Settings } from '../utils/settings';
import { resolveLanguage, translator } from '../utils/i18n';

async function fetchStatus(): Promise<Status> {
  const reply = StatusReply.parse(await browser.runtime.sendMessage({ type: 'get-status' }));
  if (!reply.ok) throw new Error(reply.error);
  return reply.status;
}

export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    const unwatch = watchSettings(setSettings);
    const refresh = () =>
      fetchStatus().then(
        (s) => {
          setStatus(s);
          setError(null);
        },
        (e: unknown) => setError(String(e)),
      );
    void refresh();
    const timer = setInterval(refresh, 1500);
    return () => {
      unwatch();
      clearInterval(timer);
    };
  }, []);

  if (!settings) return null;
  const t = translator(resolveLanguage(settings.language));
  const choose = (engine: EngineChoice) => void updateSettings({ engine }).then(setSettings);

  return (
    <main style="width: 300px; padding: 12px 14px;">
      <h1>TickerLens</h1>
      <div role="group" aria-label={t('popupEngine')} class="seg" data-testid="engine-switch">
        {(['local', 'remote'] as const).map((e) => (
          <button type="button" aria-pressed={settings.engine === e} data-engine={e} onClick={() => choose(e)}>
            {e === 'local' ? t('popupLocal') : t('popupRemote')}
          </button>
        ))}
      </div>
      <h2>{t('popupStatus')}</h2>
      {status ? (
        <dl class="kv" data-testid="status">
          <dt>{t('popupBackend')}</dt>
          <dd data-testid="backend">{status.local?.backend ?? '–'}</dd>
          {status.local?.modelVersion ? (
            <>
              <dt>{t('popupModelVersion')}</dt>
              <dd>{status.local.modelVersion}</dd>
            </>
          ) : null}
          <dt>{t('popupPostsAnnotated')}</dt>
          <dd data-testid="posts-annotated">{status.postsAnnotated}</dd>
          <dt>{t('popupMedianLatency')}</dt>
          <dd>{status.medianLatencyMs === undefined ? '–' : `${status.medianLatencyMs.toFixed(1)} ms`}</dd>
          {status.remote ? (
            <>
              <dt>{t('popupRemoteTokens')}</dt>
              <dd>{`${status.remote.tokensIn} / ${status.remote.tokensOut}`}</dd>
              <dt>{t('popupRemoteCost')}</dt>
              <dd>{`$${status.remote.costUsd.toFixed(4)}`}</dd>
              {status.remote.lastError ? (
                <>
                  <dt>{t('popupLastError')}</dt>
                  <dd class="err">{status.remote.configured ? status.remote.lastError : t('popupRemoteNotConfigured')}</dd>
                </>
              ) : null}
            </>
          ) : null}
          {status.remote?.hostPermission === false ? (
            <dd class="muted" style="grid-column: 1 / 3" data-testid="no-host-permission">
              {t('popupNoHostPermission')}
            </dd>
          ) : null}
          {status.local?.error ? <dd class="err" style="grid-column: 1 / 3">{status.local.error}</dd> : null}
        </dl>
      ) : null}
      {error ? <p class="err">{error}</p> : null}
      <h2>{t('popupTopCoins')}</h2>
      {status && status.topCoinsLastHour.length > 0 ? (
        <ol class="top" data-testid="top-coins">
          {status.topCoinsLastHour.map((c) => (
            <li>
              <strong>{c.symbol}</strong> · {c.posts}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('popupNoCoins')}</p>
      )}
      <p style="display:flex; gap: 12px;">
        <a href={browser.runtime.getURL('/demo.html')} target="_blank">{t('popupDemo')}</a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank">{t('popupOptions')}</a>
      </p>
    </main>
  );
}

/**
 * The chips for one post, rendered inside a shadow root. Each chip is a real
 * link (keyboard reachable, Enter works) whose click opens the chart without
 * letting X open the post; hover or focus shows why the chip is there.
 */
import { useState } from 'preact/hooks';
import type { Chip, CoinChip, AddressChip } from '../utils/messages';
import { shortAddress } from '../utils/charts';
import type { Translate } from '../utils/i18n';
import type { XTheme } from './theme';

export interface ChipBarProps {
  chips: Chip[];
  theme: XTheme;
  t: Translate;
  /** Absolute URL for an extension file (icons). */
  assetUrl: (path: string) => string;
  openChart: (url: string) => void;
}

function engineLabel(engine: Chip['engine'], t: Translate): string {
  return engine === 'lexicon' ? t('engineLexicon') : engine === 'local' ? t('engineLocal') : t('engineRemote');
}

function stop(e: Event) {
  e.stopPropagation();
}

/** Props shared by every chip link: open the chart in a new tab, never let X open the post. */
function chartLinkProps(href: string, openChart: (url: string) => void) {
  return {
    href,
    target: '_blank',
    rel: 'noopener noreferrer',
    onClick: (e: MouseEvent) => {
      // X opens the post on any click inside the article; the chip must not.
      e.preventDefault();
      e.stopPropagation();
      openChart(href);
    },
    onKeyDown: stop,
    onMouseDown: stop,
    onPointerDown: stop,
  };
}

function CoinChipView({ chip, t, assetUrl, openChart }: { chip: CoinChip } & Omit<ChipBarProps, 'chips' | 'theme'>) {
  // A page whose CSP blocks extension images still gets a readable chip.
  const [iconFailed, setIconFailed] = useState(false);
  return (
    <span class="wrap">
      <a class="chip coin" {...chartLinkProps(chip.href, openChart)} data-symbol={chip.symbol} aria-label={t('chipOpenChart', chip.symbol)}>
        {chip.icon && !iconFailed ? (
          <img src={assetUrl(chip.icon)} alt="" onError={() => setIconFailed(true)} />
        ) : (
          <span class="dot" aria-hidden="true">{[...chip.symbol][0]}</span>
        )}
        <span>{chip.symbol}</span>
      </a>
      <span class="card" role="tooltip">
        <dl>
          {chip.name ? <dd><strong>{chip.name}</strong></dd> : null}
          {chip.unlisted ? <dd>{t('cardUnlisted')}</dd> : null}
          <dt>{t('cardMatched')}</dt>
          <dd>{chip.matched.length ? chip.matched.join(', ') : chip.symbol}</dd>
          <dt>{t('cardConfidence')}</dt>
          <dd>{Math.round(chip.confidence * 100)}%</dd>
          <dt>{t('cardEngine')}</dt>
          <dd data-engine={chip.engine}>{engineLabel(chip.engine, t)}</dd>
        </dl>
      </span>
    </span>
  );
}

function AddressChipView({ chip, t, openChart }: { chip: AddressChip } & Omit<ChipBarProps, 'chips' | 'theme'>) {
  return (
    <span class="wrap">
      <a class="chip address" {...chartLinkProps(chip.href, openChart)} data-address={chip.address} aria-label={t('chipOpenAddress', shortAddress(chip.address))}>
        <span class="chain">{chip.chain}</span>
        <span>{shortAddress(chip.address)}</span>
      </a>
      <span class="card" role="tooltip">
        <dl>
          <dt>{t('cardAddress')}</dt>
          <dd>{chip.address}</dd>
          <dt>{t('cardEngine')}</dt>
          <dd data-engine={chip.engine}>{engineLabel(chip.engine, t)}</dd>
        </dl>
      </span>
    </span>
  );
}

export function ChipBar(props: ChipBarProps) {
  const { chips, theme, ...rest } = props;
  return (
    <div class={`bar ${theme}`} role="list">
      {chips.map((chip) =>
        chip.kind === 'coin' ? (
          <span role="listitem" key={`c:${chip.symbol}`}><CoinChipView chip={chip} {...rest} /></span>
        ) : (
          <span role="listitem" key={`a:${chip.chain}:${chip.address}`}><AddressChipView chip={chip} {...rest} /></span>
        ),
      )}
    </div>
  );
}

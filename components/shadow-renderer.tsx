/**
 * ChipRenderer that draws ChipBar into an open shadow root on the host, with
 * the theme read from the page each time (X switches themes without reload).
 */
import { render } from 'preact';
import type { ChipRenderer } from '../utils/x/annotator';
import type { Chip } from '../utils/messages';
import type { Translate } from '../utils/i18n';
import { ChipBar } from './ChipBar';
import { CHIP_CSS } from './chip-styles';
import { detectTheme } from './theme';

export interface ShadowRendererOptions {
  t: () => Translate;
  assetUrl: (path: string) => string;
  openChart: (url: string) => void;
}

export function createShadowRenderer(opts: ShadowRendererOptions): ChipRenderer {
  return {
    render(host: HTMLElement, chips: Chip[]) {
      let root = host.shadowRoot;
      if (!root) {
        root = host.attachShadow({ mode: 'open' });
        const style = host.ownerDocument.createElement('style');
        style.textContent = CHIP_CSS;
        root.appendChild(style);
        const mount = host.ownerDocument.createElement('div');
        root.appendChild(mount);
      }
      const mount = root.lastElementChild as HTMLElement;
      render(
        <ChipBar chips={chips} theme={detectTheme(host.ownerDocument)} t={opts.t()} assetUrl={opts.assetUrl} openChart={opts.openChart} />,
        mount,
      );
    },
  };
}

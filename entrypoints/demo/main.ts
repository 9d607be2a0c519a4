/**
 * Demo page: a mock X timeline built with X's DOM structure, annotated by the
 * same code the content script runs on x.com, so TickerLens can be tried
 * without an X account. Theme buttons switch X's three backgrounds.
 */
import { annotatePage } from '@/components/annotate-page';
import { cellHtml, MOCK_TIMELINE_CSS } from '@/utils/x/mock-timeline';
import { loadSettings } from '@/utils/settings';
import { resolveLanguage, translator } from '@/utils/i18n';
import { DEMO_POSTS } from './posts';

const THEMES = { light: 'rgb(255, 255, 255)', dim: 'rgb(21, 32, 43)', dark: 'rgb(0, 0, 0)' } as const;

async function main() {
  const t = translator(resolveLanguage((await loadSettings()).language));
  document.title = t('demoTitle');
  const style = document.createElement('style');
  style.textContent = `${MOCK_TIMELINE_CSS}
    .tl-demo-bar { padding: 8px 16px 12px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; font-size: 13px; opacity: .85; }
    .tl-demo-bar button { border: 1px solid rgba(128,128,128,.5); background: transparent; color: inherit; border-radius: 999px; padding: 2px 10px; cursor: pointer; }`;
  document.head.appendChild(style);
  // Markup comes from mockTimeline, which escapes every piece of post text.
  document.getElementById('react-root')!.innerHTML = `<main role="main"><div data-testid="primaryColumn"><header></header><div class="tl-demo-bar"><span class="tl-intro"></span>
      <button type="button" data-theme="light">Default</button><button type="button" data-theme="dim">Dim</button><button type="button" data-theme="dark">Lights out</button></div>
    <section aria-labelledby="accessible-list-0" role="region"><div aria-label="Timeline: Demo">
    ${DEMO_POSTS.map((p, i) => cellHtml(p, i, false)).join('')}</div></section></div></main>`;
  document.querySelector('header')!.textContent = t('demoTitle');
  document.querySelector('.tl-intro')!.textContent = t('demoIntro');
  const page = await annotatePage(document);
  for (const btn of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-theme]'))) {
    btn.addEventListener('click', () => {
      const theme = btn.dataset.theme as keyof typeof THEMES;
      document.body.className = theme;
      document.body.style.backgroundColor = THEMES[theme];
      page.annotator.reset();
    });
  }
}

void main();

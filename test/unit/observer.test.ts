// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { observeFrames } from '../../utils/x/observer';
import { themeFromColor } from '../../components/theme';

const tick = () => new Promise((r) => setTimeout(r, 0));

function manualFrames() {
  const queue: (() => void)[] = [];
  return { schedule: (cb: () => void) => queue.push(cb), run: () => queue.splice(0).forEach((f) => f()), get size() { return queue.length; } };
}

describe('observeFrames', () => {
  test('many mutations in one frame give one callback', async () => {
    document.body.innerHTML = '<div id="tl"></div>';
    const frames = manualFrames();
    let calls = 0;
    const obs = observeFrames(document.body, () => calls++, frames.schedule);
    const tl = document.getElementById('tl')!;
    for (let i = 0; i < 50; i++) tl.appendChild(document.createElement('article'));
    tl.firstElementChild!.textContent = 'changed';
    await tick();
    expect(frames.size).toBe(1);
    frames.run();
    expect(calls).toBe(1);
    tl.appendChild(document.createElement('article'));
    await tick();
    frames.run();
    expect(calls).toBe(2);
    obs.disconnect();
  });

  test('changes to our own chip hosts do not wake the scanner', async () => {
    document.body.innerHTML = '<div data-testid="tweetText">gm</div>';
    const frames = manualFrames();
    let calls = 0;
    const obs = observeFrames(document.body, () => calls++, frames.schedule);
    const host = document.createElement('tickerlens-chips');
    document.body.firstElementChild!.after(host);
    host.dataset.tlSymbols = 'BTC';
    host.appendChild(document.createElement('span'));
    await tick();
    frames.run();
    expect(calls).toBe(0);
    obs.disconnect();
  });

  test('poke() schedules a scan without a mutation; disconnect() stops everything', async () => {
    const frames = manualFrames();
    let calls = 0;
    const obs = observeFrames(document.body, () => calls++, frames.schedule);
    obs.poke();
    obs.poke();
    frames.run();
    expect(calls).toBe(1);
    obs.poke();
    obs.disconnect();
    frames.run();
    document.body.appendChild(document.createElement('div'));
    await tick();
    frames.run();
    expect(calls).toBe(1);
  });
});

describe('X theme from the page background', () => {
  test.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(21, 32, 43)', 'dim'],
    ['rgb(0, 0, 0)', 'dark'],
    ['rgba(0, 0, 0, 0)', 'light'], // transparent: no information, assume default
    ['garbage', 'light'],
  ])('%s → %s', (css, theme) => expect(themeFromColor(css)).toBe(theme));
});

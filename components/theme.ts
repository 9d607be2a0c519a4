/**
 * X's three themes, detected from the page background: Default (white),
 * Dim (rgb 21,32,43) and Lights out (black). Chips pick colours per theme.
 */
export type XTheme = 'light' | 'dim' | 'dark';

export function parseRgb(css: string): [number, number, number, number] | undefined {
  const m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(css);
  if (!m) return undefined;
  let a = m[4] === undefined ? 1 : parseFloat(m[4]);
  if (m[4]?.endsWith('%')) a /= 100;
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

export function themeFromColor(css: string): XTheme {
  const rgb = parseRgb(css);
  if (!rgb || rgb[3] === 0) return 'light';
  const [r, g, b] = rgb;
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  if (luminance > 0.5) return 'light';
  return Math.max(r, g, b) < 12 ? 'dark' : 'dim';
}

export function detectTheme(doc: Document): XTheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = view.getComputedStyle(el).backgroundColor;
    const rgb = parseRgb(bg);
    if (rgb && rgb[3] > 0) return themeFromColor(bg);
  }
  return 'light';
}

/** Shared look of the popup, options and demo pages. */
export const PAGE_CSS = `
:root { color-scheme: light dark; --fg: #0f1419; --muted: #536471; --bg: #fff; --line: #e1e8ed; --accent: #1d9bf0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e7e9ea; --muted: #8b98a5; --bg: #15202b; --line: #38444d; } }
body { margin: 0; font: 14px/1.4 -apple-system, "Segoe UI", Roboto, "Noto Sans SC", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 16px; margin: 0 0 8px; } h2 { font-size: 13px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
button, select, input { font: inherit; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.seg { display: inline-flex; border: 1px solid var(--line); border-radius: 999px; overflow: hidden; }
.seg button { border: 0; background: transparent; color: var(--fg); padding: 4px 14px; cursor: pointer; }
.seg button[aria-pressed="true"] { background: var(--accent); color: #fff; }
dl.kv { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; } dl.kv dt { color: var(--muted); } dl.kv dd { margin: 0; }
.err { color: #f4212e; word-break: break-word; }
.muted { color: var(--muted); font-size: 12px; }
ol.top { margin: 0; padding-left: 20px; }
label.field { display: block; margin: 8px 0; } label.field span { display: block; color: var(--muted); font-size: 12px; }
label.field input, label.field select { width: 100%; box-sizing: border-box; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.primary { background: var(--accent); color: #fff; border: 0; border-radius: 999px; padding: 6px 16px; cursor: pointer; }
a { color: var(--accent); }
`;

/** Styles inside the chips' shadow root: isolated from X's CSS and X from ours. */
export const CHIP_CSS = `
:host { all: initial; display: block; margin: 6px 0 2px; font: 13px/1.3 -apple-system, "Segoe UI", Roboto, "Noto Sans SC", "PingFang SC", sans-serif; }
:host([hidden]) { display: none; }
.bar { display: flex; flex-wrap: wrap; gap: 6px; }
.wrap { position: relative; display: inline-flex; }
.chip { display: inline-flex; align-items: center; gap: 4px; padding: 2px 9px 2px 6px; border-radius: 999px; border: 1px solid var(--border);
  background: var(--bg); color: var(--fg); text-decoration: none; font-weight: 600; cursor: pointer; outline: none; white-space: nowrap; }
.chip:hover { background: var(--bg-hover); }
.chip:focus-visible { box-shadow: 0 0 0 2px var(--page), 0 0 0 4px var(--ring); }
.chip img { width: 16px; height: 16px; border-radius: 50%; }
.chip .dot { width: 16px; height: 16px; border-radius: 50%; background: var(--accent); color: var(--page); font-size: 10px; display: inline-flex; align-items: center; justify-content: center; }
.chip.address { font-weight: 500; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
.chip .chain { color: var(--muted); font-family: inherit; }
.card { display: none; position: absolute; z-index: 10; top: calc(100% + 4px); left: 0; min-width: 180px; max-width: 280px; padding: 8px 10px;
  border-radius: 10px; background: var(--card); color: var(--fg); border: 1px solid var(--border); box-shadow: 0 4px 14px rgba(0,0,0,.25); font-weight: 400; white-space: normal; }
.wrap:hover .card, .wrap:focus-within .card { display: block; }
.card dl { margin: 0; }
.card dt { color: var(--muted); font-size: 11px; }
.card dd { margin: 0 0 4px; word-break: break-all; }
.light { --bg: #eff3f4; --bg-hover: #e1e8ed; --fg: #0f1419; --muted: #536471; --border: #cfd9de; --accent: #1d9bf0; --ring: #1d9bf0; --card: #ffffff; --page: #ffffff; }
.dim { --bg: #273340; --bg-hover: #2f3e4d; --fg: #f7f9f9; --muted: #8b98a5; --border: #425364; --accent: #1d9bf0; --ring: #8ecdf8; --card: #15202b; --page: #15202b; }
.dark { --bg: #202327; --bg-hover: #2c3036; --fg: #e7e9ea; --muted: #71767b; --border: #3e4144; --accent: #1d9bf0; --ring: #8ecdf8; --card: #000000; --page: #000000; }
`;

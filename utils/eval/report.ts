/**
 * Markdown report with an SVG bar chart comparing engines, and every wrong
 * post with gold vs predicted. Post text is escaped for Markdown tables.
 */
import type { Metrics, Scored } from './metrics';

export interface RunResult {
  engine: string;
  data: string;
  overall: Metrics;
  bySlice: Record<string, Metrics>;
  items: (Scored & { text: string })[];
  seconds: number;
}

const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Grouped bars: one group per slice (overall first), one bar per run, value = exact-set accuracy. */
export function barChartSvg(runs: RunResult[], metric: keyof Metrics = 'exact_set_accuracy'): string {
  const groups = ['overall', ...new Set(runs.flatMap((r) => Object.keys(r.bySlice).filter((k) => !k.startsWith('record:'))))];
  const barW = 14;
  const gap = 18;
  const groupW = runs.length * barW + gap;
  const h = 220;
  const top = 30;
  const left = 40;
  const width = left + groups.length * groupW + 160;
  const height = top + h + 110;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="10">`);
  parts.push(`<text x="${left}" y="16" font-size="12">${esc(String(metric))} by slice</text>`);
  for (let t = 0; t <= 4; t++) {
    const y = top + h - (t / 4) * h;
    parts.push(`<line x1="${left}" x2="${left + groups.length * groupW}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 4}" y="${y + 3}" text-anchor="end">${(t * 25).toString()}%</text>`);
  }
  groups.forEach((g, gi) => {
    const x0 = left + gi * groupW + gap / 2;
    runs.forEach((r, ri) => {
      const m = g === 'overall' ? r.overall : r.bySlice[g];
      if (!m) return;
      const v = m[metric] as number;
      const bh = Math.max(0, v * h);
      parts.push(
        `<rect x="${x0 + ri * barW}" y="${(top + h - bh).toFixed(1)}" width="${barW - 2}" height="${bh.toFixed(1)}" fill="${COLORS[ri % COLORS.length]}"><title>${esc(r.engine)} ${esc(g)}: ${(v * 100).toFixed(1)}% (n=${m.n})</title></rect>`,
      );
    });
    const lx = x0 + (runs.length * barW) / 2;
    parts.push(`<text transform="translate(${lx},${top + h + 8}) rotate(45)" text-anchor="start">${esc(g)}</text>`);
  });
  runs.forEach((r, ri) => {
    const y = top + 10 + ri * 16;
    const x = left + groups.length * groupW + 10;
    parts.push(`<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${COLORS[ri % COLORS.length]}"/>`);
    parts.push(`<text x="${x + 14}" y="${y}">${esc(r.engine)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ⏎ ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

export function markdownReport(runs: RunResult[], chartFile: string): string {
  const lines: string[] = [];
  lines.push('# TickerLens evaluation', '');
  lines.push(`Data: ${[...new Set(runs.map((r) => r.data))].join(', ')}`, '');
  lines.push('| engine | n | exact-set acc | micro P | micro R | micro F1 | seconds |', '|---|---|---|---|---|---|---|');
  for (const r of runs) {
    const m = r.overall;
    lines.push(`| ${r.engine} | ${m.n} | ${pct(m.exact_set_accuracy)} | ${pct(m.micro_precision)} | ${pct(m.micro_recall)} | ${pct(m.micro_f1)} | ${r.seconds.toFixed(1)} |`);
  }
  lines.push('', `![exact-set accuracy by slice](${chartFile})`, '');
  lines.push('## Slices', '');
  const slices = [...new Set(runs.flatMap((r) => Object.keys(r.bySlice)))].sort();
  lines.push(`| slice | ${runs.map((r) => `${r.engine} acc / F1 (n)`).join(' | ')} |`, `|---|${runs.map(() => '---').join('|')}|`);
  for (const s of slices) {
    lines.push(`| ${s} | ${runs.map((r) => (r.bySlice[s] ? `${pct(r.bySlice[s]!.exact_set_accuracy)} / ${pct(r.bySlice[s]!.micro_f1)} (${r.bySlice[s]!.n})` : '–')).join(' | ')} |`);
  }
  for (const r of runs) {
    const wrong = r.items.filter((it) => !sameSet(it.gold, it.pred));
    lines.push('', `## Wrong posts: ${r.engine} (${wrong.length})`, '');
    lines.push('| id | gold | predicted | text |', '|---|---|---|---|');
    for (const it of wrong) {
      const text = it.text.length > 280 ? `${it.text.slice(0, 280)}…` : it.text;
      lines.push(`| ${cell(it.id)} | ${cell(it.gold.join(' '))} | ${cell(it.pred.join(' '))} | ${cell(text)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

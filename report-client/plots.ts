/** Plots drawn as SVG with text nodes only: churn × complexity, packages by age and majors behind, findings by table. */
import type { PlotPoint, ReportData, StackedBar } from '../src/report/html/reportData.js';
import { groupColors } from './colors.js';
import { h, svg } from './dom.js';

const W = 640;
const H = 380;
const M = { left: 56, right: 16, top: 16, bottom: 44 };
const SEVERITY_COLORS: Record<string, string> = { error: '#e03131', warning: '#f08c00', note: '#1c7ed6' };

export function plotsView(data: ReportData): HTMLElement {
  const { churnComplexity, packageAge, findingsByTable } = data.plots;
  const blocks = [
    churnComplexity.length > 0 &&
      block(
        'Hotspots: churn × complexity',
        'Each point is a file; further right changed more, higher is more complex; size is lines of code.',
        scatter(churnComplexity, 'churn (lines changed)', 'complexity', true),
      ),
    packageAge.length > 0 &&
      block(
        'Packages by age and majors behind',
        'Each point is a package in use: years behind its latest release × major versions behind.',
        scatter(packageAge, 'years behind', 'majors behind', false),
      ),
    findingsByTable.length > 0 &&
      block('Query findings by table', 'The tables most findings name, by analyzer.', bars(findingsByTable)),
  ].filter((b): b is HTMLElement => b !== false);
  return h(
    'section',
    { class: 'view plots-view' },
    ...(blocks.length > 0 ? blocks : [h('p', { class: 'muted' }, 'No finding carries figures to plot.')]),
  );
}

function block(title: string, note: string, chart: Element): HTMLElement {
  return h(
    'div',
    { class: 'block plot', attrs: { 'data-plot': title } },
    h('h2', {}, title),
    h('p', { class: 'muted' }, note),
    chart,
  );
}

function ticks(max: number): number[] {
  const step = 10 ** Math.floor(Math.log10(Math.max(max, 1)));
  const unit = max / step > 5 ? step * 2 : max / step > 2 ? step : step / 2;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += unit) out.push(Number(v.toFixed(6)));
  return out;
}

function scatter(points: PlotPoint[], xLabel: string, yLabel: string, sized: boolean): SVGElement {
  const maxX = Math.max(1, ...points.map((p) => p.x)) * 1.05;
  const maxY = Math.max(1, ...points.map((p) => p.y)) * 1.1;
  const maxSize = Math.max(1, ...points.map((p) => p.size ?? 0));
  const x = (v: number): number => M.left + (v / maxX) * (W - M.left - M.right);
  const y = (v: number): number => H - M.bottom - (v / maxY) * (H - M.top - M.bottom);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
  chart.append(...axes(maxX, maxY, x, y, xLabel, yLabel));
  for (const p of points) {
    const r = sized && p.size ? 3 + 9 * Math.sqrt(p.size / maxSize) : 5;
    chart.appendChild(
      svg(
        'circle',
        {
          cx: x(p.x),
          cy: y(p.y),
          r,
          fill: SEVERITY_COLORS[p.severity ?? 'note'] ?? '#1c7ed6',
          'fill-opacity': 0.55,
          stroke: '#fff',
        },
        svg('title', {}, `${p.label}\n${xLabel}: ${p.x}, ${yLabel}: ${p.y}${p.size ? `, ${p.size} lines` : ''}`),
      ),
    );
  }
  return chart;
}

function axes(
  maxX: number,
  maxY: number,
  x: (v: number) => number,
  y: (v: number) => number,
  xLabel: string,
  yLabel: string,
): SVGElement[] {
  const out: SVGElement[] = [];
  for (const t of ticks(maxX))
    out.push(
      svg('line', { x1: x(t), x2: x(t), y1: y(0), y2: y(maxY), class: 'grid' }),
      svg('text', { x: x(t), y: H - M.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, String(t)),
    );
  for (const t of ticks(maxY))
    out.push(
      svg('line', { x1: x(0), x2: x(maxX), y1: y(t), y2: y(t), class: 'grid' }),
      svg('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick' }, String(t)),
    );
  out.push(
    svg('text', { x: (M.left + W - M.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-label' }, xLabel),
    svg(
      'text',
      {
        x: 14,
        y: (M.top + H - M.bottom) / 2,
        'text-anchor': 'middle',
        transform: `rotate(-90 14 ${(M.top + H - M.bottom) / 2})`,
        class: 'axis-label',
      },
      yLabel,
    ),
  );
  return out;
}

function bars(rows: StackedBar[]): Element {
  const rules = [...new Set(rows.flatMap((r) => Object.keys(r.parts)))].sort();
  const colors = groupColors(rules);
  const rowHeight = 18;
  const labelWidth = 220;
  const height = rows.length * rowHeight + 24;
  const max = Math.max(1, ...rows.map((r) => Object.values(r.parts).reduce((a, b) => a + b, 0)));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${height}`, class: 'chart', role: 'img' });
  rows.forEach((row, i) => {
    const top = i * rowHeight;
    const label = row.label.length > 34 ? `…${row.label.slice(-33)}` : row.label;
    chart.appendChild(
      svg(
        'text',
        { x: labelWidth - 6, y: top + 13, 'text-anchor': 'end', class: 'tick' },
        label,
        svg('title', {}, row.label),
      ),
    );
    let at = labelWidth;
    for (const rule of rules) {
      const count = row.parts[rule] ?? 0;
      if (count === 0) continue;
      const width = (count / max) * (W - labelWidth - 40);
      chart.appendChild(
        svg(
          'rect',
          { x: at, y: top + 3, width, height: rowHeight - 6, fill: colors.get(rule)! },
          svg('title', {}, `${row.label}: ${count} ${rule}`),
        ),
      );
      at += width;
    }
    chart.appendChild(
      svg(
        'text',
        { x: at + 4, y: top + 13, class: 'tick' },
        String(Object.values(row.parts).reduce((a, b) => a + b, 0)),
      ),
    );
  });
  const legend = h(
    'div',
    { class: 'legend' },
    ...rules.map((rule) => {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = colors.get(rule)!;
      return h('span', { class: 'legend-item' }, swatch, rule);
    }),
  );
  return h('div', {}, legend, chart);
}

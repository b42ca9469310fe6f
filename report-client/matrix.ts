/**
 * The dependency structure matrix on a canvas: rows use columns, in the order
 * computed when the report was written, so dependencies sit below the diagonal
 * and cycles show as outlined blocks with marks above it. A cell opens the edges
 * behind it.
 */
import type { GraphLevel, ReportData } from '../src/report/html/reportData.js';
import { edgeItem } from './details.js';
import { clear, formatNumber, h } from './dom.js';

const DEPENDENCY = new Set(['code', 'http', 'grpc', 'routine']);
const LABEL_WIDTH = 220;

export function matrixView(data: ReportData): { element: HTMLElement; show: () => void } {
  const levels = data.levels.filter((l) => l.dsm.order.length > 1);
  const canvas = h('canvas', { class: 'dsm', attrs: { 'data-role': 'dsm' } });
  const panel = h(
    'aside',
    { class: 'dsm-panel', attrs: { 'data-role': 'dsm-details' } },
    h('p', { class: 'muted' }, 'Click a cell for the edges behind it.'),
  );
  const caption = h('p', { class: 'muted' });
  const tip = h('div', { class: 'tip' });
  tip.hidden = true;
  let current = levels.find((l) => l.id === 'project') ?? levels[0];
  let cell = 12;
  let cells = new Map<string, number[]>();

  const buttons = levels.map((level) =>
    h('button', { class: 'level', attrs: { 'data-level': level.id }, on: { click: () => draw(level) } }, level.id),
  );

  function draw(level: GraphLevel | undefined): void {
    if (!level) return;
    current = level;
    for (const b of buttons) b.classList.toggle('active', b.dataset.level === level.id);
    const { order, cycles, omitted } = level.dsm;
    const position = new Map(order.map((node, i) => [node, i]));
    cells = new Map();
    level.edges.forEach((e, index) => {
      const row = position.get(e.s);
      const col = position.get(e.t);
      if (row === undefined || col === undefined || !DEPENDENCY.has(e.c)) return;
      const key = `${row},${col}`;
      cells.set(key, [...(cells.get(key) ?? []), index]);
    });
    const n = order.length;
    cell = Math.max(3, Math.min(18, Math.floor(900 / n)));
    const labels = cell >= 9;
    const left = labels ? LABEL_WIDTH : 0;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = (left + n * cell + 1) * ratio;
    canvas.height = (n * cell + 1) * ratio;
    canvas.style.width = `${left + n * cell + 1}px`;
    canvas.style.height = `${n * cell + 1}px`;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, left + n * cell + 1, n * cell + 1);
    ctx.strokeStyle = '#f1f3f5';
    for (let i = 0; i <= n; i++) {
      ctx.beginPath();
      ctx.moveTo(left, i * cell + 0.5);
      ctx.lineTo(left + n * cell, i * cell + 0.5);
      ctx.moveTo(left + i * cell + 0.5, 0);
      ctx.lineTo(left + i * cell + 0.5, n * cell);
      ctx.stroke();
    }
    ctx.fillStyle = '#dee2e6';
    for (let i = 0; i < n; i++) ctx.fillRect(left + i * cell, i * cell, cell, cell);
    const maxWeight = Math.max(1, ...[...cells.values()].map((list) => weight(level, list)));
    for (const [key, list] of cells) {
      const [row, col] = key.split(',').map(Number) as [number, number];
      const strength = 0.25 + 0.75 * (Math.log1p(weight(level, list)) / Math.log1p(maxWeight));
      ctx.fillStyle = col > row ? `rgba(224, 49, 49, ${strength})` : `rgba(28, 126, 214, ${strength})`;
      ctx.fillRect(left + col * cell + 1, row * cell + 1, cell - 1, cell - 1);
    }
    ctx.strokeStyle = '#c92a2a';
    ctx.lineWidth = 2;
    for (const [startAt, size] of cycles)
      ctx.strokeRect(left + startAt * cell + 1, startAt * cell + 1, size * cell - 1, size * cell - 1);
    if (labels) {
      ctx.fillStyle = '#343a40';
      ctx.font = `${Math.min(12, cell - 1)}px system-ui, sans-serif`;
      ctx.textBaseline = 'middle';
      order.forEach((node, i) => {
        const text = ellipsize(ctx, level.nodes[node]?.label ?? '', LABEL_WIDTH - 8);
        ctx.fillText(text, 4, i * cell + cell / 2);
      });
    }
    caption.textContent = [
      `${formatNumber(n)} ${level.id === 'repo' ? 'repositories' : `${level.id}s`} · ${formatNumber(cycles.length)} cycles (outlined; red marks above the diagonal are the references that close them)`,
      omitted > 0 ? `${formatNumber(omitted)} lighter ones left out` : '',
      'Row uses column.',
    ]
      .filter(Boolean)
      .join(' · ');
    canvas.dataset.size = String(n);
    canvas.dataset.left = String(left);
    canvas.dataset.cell = String(cell);
  }

  function cellAt(event: MouseEvent): [number, number] | undefined {
    const rect = canvas.getBoundingClientRect();
    const left = Number(canvas.dataset.left);
    const col = Math.floor((event.clientX - rect.left - left) / cell);
    const row = Math.floor((event.clientY - rect.top) / cell);
    const n = current?.dsm.order.length ?? 0;
    return col >= 0 && row >= 0 && col < n && row < n ? [row, col] : undefined;
  }

  canvas.addEventListener('mousemove', (event) => {
    const at = cellAt(event);
    if (!at || !current) {
      tip.hidden = true;
      return;
    }
    const [row, col] = at;
    const list = cells.get(`${row},${col}`);
    const from = current.nodes[current.dsm.order[row]!]?.label ?? '';
    const to = current.nodes[current.dsm.order[col]!]?.label ?? '';
    tip.textContent = list ? `${from} → ${to}: ${formatNumber(weight(current, list))}` : `${from} · ${to}`;
    tip.hidden = false;
    tip.style.left = `${event.pageX + 12}px`;
    tip.style.top = `${event.pageY + 12}px`;
  });
  canvas.addEventListener('mouseleave', () => {
    tip.hidden = true;
  });
  canvas.addEventListener('click', (event) => {
    const at = cellAt(event);
    if (!at || !current) return;
    const list = cells.get(`${at[0]},${at[1]}`) ?? [];
    const from = current.nodes[current.dsm.order[at[0]]!];
    const to = current.nodes[current.dsm.order[at[1]]!];
    const level = current;
    clear(panel);
    panel.append(
      h('h3', { attrs: { 'data-role': 'dsm-cell' } }, `${from?.label ?? ''} → ${to?.label ?? ''}`),
      list.length === 0
        ? h('p', { class: 'muted' }, 'No dependency.')
        : h('div', {}, ...list.map((i) => edgeItem(level.edges[i]!, level, 'both'))),
    );
  });

  const element = h(
    'section',
    { class: 'view matrix-view' },
    h('div', { class: 'toolbar' }, h('div', { class: 'levels' }, ...buttons)),
    caption,
    levels.length === 0
      ? h('p', { class: 'muted' }, 'No dependencies between units to show.')
      : h('div', { class: 'dsm-body' }, h('div', { class: 'dsm-scroll' }, canvas), panel),
    tip,
  );
  let drawn = false;
  return {
    element,
    show: () => {
      if (drawn) return;
      drawn = true;
      draw(current);
    },
  };
}

function weight(level: GraphLevel, edges: number[]): number {
  return edges.reduce((sum, i) => sum + (level.edges[i]?.w ?? 0), 0);
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`…${cut}`).width > width) cut = cut.slice(1);
  return `…${cut}`;
}

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
/** Never smaller: every row and column keeps a label one can read; a big matrix scrolls instead. */
const MIN_CELL = 13;
const MAX_CELL = 20;
/** About what the row and column label boxes hold at 11 px. */
const ROW_CHARS = 31;
const COLUMN_CHARS = 19;

export function matrixView(data: ReportData): { element: HTMLElement; show: () => void } {
  const levels = data.levels.filter((l) => l.dsm.order.length > 1);
  const canvas = h('canvas', { class: 'dsm', attrs: { 'data-role': 'dsm' } });
  // Labels are elements, not canvas text: cut with an ellipsis, the full name on hover, sticky while scrolling.
  const rowLabels = h('div', { class: 'dsm-rows', attrs: { 'data-role': 'dsm-rows' } });
  const columnLabels = h('div', { class: 'dsm-columns', attrs: { 'data-role': 'dsm-columns' } });
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
    cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(900 / n)));
    const side = n * cell + 1;
    // A large matrix at the screen's pixel ratio would be a canvas of hundreds of megabytes.
    const ratio = side > 2000 ? 1 : window.devicePixelRatio || 1;
    canvas.width = side * ratio;
    canvas.height = side * ratio;
    canvas.style.width = `${side}px`;
    canvas.style.height = `${side}px`;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.strokeStyle = '#f1f3f5';
    for (let i = 0; i <= n; i++) {
      ctx.beginPath();
      ctx.moveTo(0, i * cell + 0.5);
      ctx.lineTo(n * cell, i * cell + 0.5);
      ctx.moveTo(i * cell + 0.5, 0);
      ctx.lineTo(i * cell + 0.5, n * cell);
      ctx.stroke();
    }
    ctx.fillStyle = '#dee2e6';
    for (let i = 0; i < n; i++) ctx.fillRect(i * cell, i * cell, cell, cell);
    const maxWeight = Math.max(1, ...[...cells.values()].map((list) => weight(level, list)));
    for (const [key, list] of cells) {
      const [row, col] = key.split(',').map(Number) as [number, number];
      const strength = 0.25 + 0.75 * (Math.log1p(weight(level, list)) / Math.log1p(maxWeight));
      ctx.fillStyle = col > row ? `rgba(224, 49, 49, ${strength})` : `rgba(28, 126, 214, ${strength})`;
      ctx.fillRect(col * cell + 1, row * cell + 1, cell - 1, cell - 1);
    }
    ctx.strokeStyle = '#c92a2a';
    ctx.lineWidth = 2;
    for (const [startAt, size] of cycles)
      ctx.strokeRect(startAt * cell + 1, startAt * cell + 1, size * cell - 1, size * cell - 1);
    const label = (node: number, i: number, kind: 'row' | 'column'): HTMLElement => {
      const text = level.nodes[node]?.label ?? '';
      const shown = keepTail(text, kind === 'row' ? ROW_CHARS : COLUMN_CHARS);
      const element = h('div', { class: `dsm-label ${kind}`, attrs: { title: text } }, `${i + 1} ${shown}`);
      element.style.height = kind === 'row' ? `${cell}px` : '';
      element.style.width = kind === 'column' ? `${cell}px` : '';
      element.style.lineHeight = kind === 'row' ? `${cell}px` : `${cell}px`;
      element.style.fontSize = `${Math.min(12, cell - 2)}px`;
      return element;
    };
    rowLabels.replaceChildren(...order.map((node, i) => label(node, i, 'row')));
    columnLabels.replaceChildren(...order.map((node, i) => label(node, i, 'column')));
    caption.textContent = [
      `${formatNumber(n)} ${level.id === 'repo' ? 'repositories' : `${level.id}s`} · ${formatNumber(cycles.length)} cycles (outlined; red marks above the diagonal are the references that close them)`,
      omitted > 0 ? `${formatNumber(omitted)} lighter ones left out` : '',
      'Row uses column.',
    ]
      .filter(Boolean)
      .join(' · ');
    canvas.dataset.size = String(n);
    canvas.dataset.left = '0';
    canvas.dataset.cell = String(cell);
  }

  function cellAt(event: MouseEvent): [number, number] | undefined {
    const rect = canvas.getBoundingClientRect();
    const col = Math.floor((event.clientX - rect.left) / cell);
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
      : h(
          'div',
          { class: 'dsm-body' },
          h(
            'div',
            { class: 'dsm-scroll' },
            h('div', { class: 'dsm-grid' }, h('div', { class: 'dsm-corner' }), columnLabels, rowLabels, canvas),
          ),
          panel,
        ),
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

/**
 * Long names cut at the front: `Microsoft.eShopOnContainers.Services.Ordering.API`
 * and its siblings differ at the end, so the end is what must stay readable.
 */
function keepTail(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}

function weight(level: GraphLevel, edges: number[]): number {
  return edges.reduce((sum, i) => sum + (level.edges[i]?.w ?? 0), 0);
}

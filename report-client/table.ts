/**
 * A sortable, filterable table over rows held in memory: only one page of rows
 * is in the DOM at a time, so tens of thousands of findings stay responsive.
 */
import { clear, formatNumber, h } from './dom.js';

export interface Column<Row> {
  label: string;
  value: (row: Row) => string | number;
  align?: 'left' | 'right';
  /** Wider columns wrap instead of widening the table. */
  wrap?: boolean;
}

export interface Filter<Row> {
  label: string;
  pick: (row: Row) => string;
}

export interface TableSpec<Row> {
  name: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  filters?: Filter<Row>[];
  onSelect?: (row: Row) => void;
  pageSize?: number;
}

export function dataTable<Row>(spec: TableSpec<Row>): HTMLElement {
  const pageSize = spec.pageSize ?? 100;
  let sortColumn = -1;
  let descending = false;
  let shown = pageSize;
  const search = h('input', {
    class: 'search',
    attrs: { type: 'search', placeholder: 'Filter…', 'aria-label': `Filter ${spec.name}`, 'data-role': 'table-filter' },
  });
  const selects = (spec.filters ?? []).map((filter) => {
    const values = [...new Set(spec.rows.map(filter.pick))].sort();
    return h(
      'select',
      { attrs: { 'aria-label': filter.label, 'data-filter': filter.label } },
      h('option', { attrs: { value: '' } }, `${filter.label}: all`),
      ...values.map((v) => h('option', { attrs: { value: v } }, v || '(none)')),
    );
  });
  const count = h('span', { class: 'count' });
  const showMore = (): void => {
    shown += pageSize;
    render();
  };
  const body = h('tbody');
  const more = h('button', { class: 'more', on: { click: showMore } }, 'Show more');
  const headers = spec.columns.map((column, i) =>
    h(
      'th',
      {
        class: column.align === 'right' ? 'num sortable' : 'sortable',
        attrs: { scope: 'col' },
        on: {
          click: () => {
            descending = sortColumn === i ? !descending : column.align === 'right';
            sortColumn = i;
            render();
          },
        },
      },
      column.label,
    ),
  );
  const texts = spec.rows.map((row) =>
    spec.columns
      .map((c) => String(c.value(row)))
      .join(' ')
      .toLowerCase(),
  );

  function visibleRows(): Row[] {
    const needle = search.value.trim().toLowerCase();
    const wanted = selects.map((s) => s.value);
    const rows = spec.rows.filter(
      (row, i) =>
        (needle === '' || texts[i]!.includes(needle)) &&
        (spec.filters ?? []).every((f, j) => wanted[j] === '' || f.pick(row) === wanted[j]),
    );
    const column = spec.columns[sortColumn];
    if (column) {
      const sign = descending ? -1 : 1;
      rows.sort((a, b) => {
        const x = column.value(a);
        const y = column.value(b);
        return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
      });
    }
    return rows;
  }

  function render(): void {
    const rows = visibleRows();
    clear(body);
    for (const row of rows.slice(0, shown)) {
      const tr = h(
        'tr',
        spec.onSelect ? { class: 'clickable', on: { click: () => spec.onSelect?.(row) } } : {},
        ...spec.columns.map((c) =>
          h('td', { class: [c.align === 'right' ? 'num' : '', c.wrap ? 'wrap' : ''].join(' ').trim() }, c.value(row)),
        ),
      );
      body.appendChild(tr);
    }
    for (const [i, th] of headers.entries())
      th.setAttribute('aria-sort', i === sortColumn ? (descending ? 'descending' : 'ascending') : 'none');
    count.textContent = `${formatNumber(rows.length)} of ${formatNumber(spec.rows.length)}`;
    more.hidden = rows.length <= shown;
  }

  const reset = (): void => {
    shown = pageSize;
    render();
  };
  search.addEventListener('input', reset);
  for (const s of selects) s.addEventListener('change', reset);
  render();
  return h(
    'div',
    { class: 'table-block', attrs: { 'data-table': spec.name } },
    h('div', { class: 'toolbar' }, search, ...selects, count),
    h('div', { class: 'table-scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ...headers)), body)),
    more,
  );
}

/** Every finding and diagnostic in sortable, filterable tables; a row opens its full data as text. */
import type { FindingRow, ReportData } from '../src/report/html/reportData.js';
import { clear, h } from './dom.js';
import { dataTable } from './table.js';

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, note: 2 };

export function findingsView(data: ReportData): HTMLElement {
  const detail = h(
    'aside',
    { class: 'finding-detail', attrs: { 'data-role': 'finding-detail' } },
    h('p', { class: 'muted' }, 'Click a finding for its details.'),
  );
  const show = (f: FindingRow): void => {
    clear(detail);
    detail.append(
      h('h3', {}, f.ruleId, ' · ', f.severity),
      h('p', {}, f.message),
      h('p', { class: 'mono' }, [f.repo, f.file].filter(Boolean).join('/') + (f.line ? `:${f.line}` : '')),
      h('pre', {}, JSON.stringify(f.data, null, 2)),
    );
  };
  return h(
    'section',
    { class: 'view findings-view' },
    h(
      'div',
      { class: 'split' },
      dataTable({
        name: 'findings',
        rows: data.findings,
        onSelect: show,
        filters: [
          { label: 'Analyzer', pick: (f) => f.ruleId },
          { label: 'Severity', pick: (f) => f.severity },
          { label: 'Repository', pick: (f) => f.repo },
        ],
        columns: [
          { label: 'Severity', value: (f) => f.severity },
          { label: 'Analyzer', value: (f) => f.ruleId },
          { label: 'Repository', value: (f) => f.repo },
          { label: 'File', value: (f) => f.file ?? '', wrap: true },
          { label: 'Line', value: (f) => f.line ?? '', align: 'right' },
          { label: 'Message', value: (f) => f.message, wrap: true },
        ],
      }),
      detail,
    ),
    data.diagnostics.length > 0 && h('h2', {}, 'What the scan could not read'),
    data.diagnostics.length > 0 &&
      dataTable({
        name: 'diagnostics',
        rows: [...data.diagnostics].sort(
          (a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
        ),
        pageSize: 50,
        filters: [
          { label: 'Code', pick: (d) => d.code },
          { label: 'Severity', pick: (d) => d.severity },
        ],
        columns: [
          { label: 'Severity', value: (d) => d.severity },
          { label: 'Code', value: (d) => d.code },
          { label: 'Repository', value: (d) => d.repo ?? '' },
          { label: 'File', value: (d) => d.file ?? '', wrap: true },
          { label: 'Line', value: (d) => d.line ?? '', align: 'right' },
          { label: 'Message', value: (d) => d.message, wrap: true },
        ],
      }),
  );
}

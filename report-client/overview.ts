/** The first view: the estate's size, languages, findings and the analyzers' own summary sections. */
import type { ReportData } from '../src/report/html/reportData.js';
import { formatNumber, h } from './dom.js';
import { dataTable } from './table.js';

const SECTION_ROWS = 12;

export function overview(data: ReportData): HTMLElement {
  const s = data.stats;
  const cards: [string, number | undefined][] = [
    ['Repositories', s.repos],
    ['Files', s.files],
    ['Lines of code', s.loc],
    ['Projects', s.projects],
    ['Types', s.types],
    ['SQL queries', s.sqlQueries],
    ['Commits read', s.commits],
    ['Findings', s.findings],
  ];
  if (data.decomposition) cards.push(['Clusters', data.decomposition.clusters.length]);
  const headlines = data.summaries.filter((section) => section.headline);
  return h(
    'section',
    { class: 'view overview' },
    headlineFigures(data),
    h(
      'div',
      { class: 'cards' },
      ...cards
        .filter(([, v]) => v !== undefined)
        .map(([label, value]) =>
          h(
            'div',
            { class: 'card' },
            h('div', { class: 'figure' }, formatNumber(value!)),
            h('div', { class: 'label' }, label),
          ),
        ),
    ),
    headlines.length > 0 &&
      h(
        'div',
        { class: 'headlines' },
        ...headlines.map((section) =>
          h('div', { class: 'headline' }, h('h3', {}, section.title), h('p', {}, section.headline!)),
        ),
      ),
    h('div', { class: 'columns' }, languagesBlock(data), findingsBlock(data)),
    h('h2', {}, 'Repositories'),
    dataTable({
      name: 'repos',
      rows: data.repos,
      pageSize: 50,
      columns: [
        { label: 'Repository', value: (r) => r.name },
        { label: 'Files', value: (r) => r.files, align: 'right' },
        { label: 'LOC', value: (r) => r.loc, align: 'right' },
        { label: 'Commits', value: (r) => r.commits ?? '', align: 'right' },
        { label: 'Main language', value: (r) => mainLanguage(r.languages) },
      ],
    }),
    ...data.summaries.filter((section) => section.rows.length > 0).map(summaryBlock),
  );
}

/** The figures a CTO asks for first, each with what it counts. */
function headlineFigures(data: ReportData): HTMLElement {
  return h(
    'div',
    { class: 'cards headline-figures' },
    ...data.headlines.map((figure) =>
      h(
        'div',
        {
          // Red for a problem found; candidates are a plan, not a problem.
          class: `card headline-figure${figure.value && figure.id !== 'candidates' ? ' alarm' : ''}`,
          attrs: { 'data-headline': figure.id },
        },
        h(
          'div',
          { class: 'figure' },
          figure.value === null
            ? '—'
            : figure.percent !== undefined
              ? `${figure.percent}%`
              : formatNumber(figure.value),
        ),
        h('div', { class: 'label' }, figure.label),
        h('div', { class: 'detail muted' }, figure.detail),
      ),
    ),
  );
}

function mainLanguage(languages: Record<string, number>): string {
  return Object.entries(languages).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

function languagesBlock(data: ReportData): HTMLElement {
  const code = data.languages.filter((l) => l.loc > 0);
  const max = Math.max(1, ...code.map((l) => l.loc));
  return h(
    'div',
    { class: 'block' },
    h('h2', {}, 'Lines of code by language'),
    h(
      'div',
      { class: 'bars' },
      ...code.map((l) => {
        const bar = h('div', { class: 'bar' });
        bar.style.width = `${(100 * l.loc) / max}%`;
        return h(
          'div',
          { class: 'bar-row' },
          h('span', { class: 'bar-label' }, l.language),
          h('div', { class: 'bar-track' }, bar),
          h('span', { class: 'bar-value' }, formatNumber(l.loc)),
        );
      }),
    ),
  );
}

function findingsBlock(data: ReportData): HTMLElement {
  return h(
    'div',
    { class: 'block' },
    h('h2', {}, 'Findings by analyzer and severity'),
    h(
      'table',
      { class: 'compact' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Analyzer'),
          h('th', { class: 'num' }, 'Errors'),
          h('th', { class: 'num' }, 'Warnings'),
          h('th', { class: 'num' }, 'Notes'),
        ),
      ),
      h(
        'tbody',
        {},
        ...data.findingCounts.map((row) =>
          h(
            'tr',
            {},
            h('td', {}, row.ruleId),
            h('td', { class: 'num sev-error' }, row.error || ''),
            h('td', { class: 'num sev-warning' }, row.warning || ''),
            h('td', { class: 'num sev-note' }, row.note || ''),
          ),
        ),
      ),
    ),
  );
}

function summaryBlock(section: ReportData['summaries'][number]): HTMLElement {
  const body = h('tbody');
  const fill = (limit: number): void => {
    body.replaceChildren(
      ...section.rows
        .slice(0, limit)
        .map((row) =>
          h(
            'tr',
            {},
            ...row.map((cell, i) => h('td', { class: section.columns[i]?.align === 'right' ? 'num' : '' }, cell)),
          ),
        ),
    );
  };
  fill(SECTION_ROWS);
  const more =
    section.rows.length > SECTION_ROWS &&
    h(
      'button',
      {
        class: 'more',
        on: {
          click: (event) => {
            fill(section.rows.length);
            (event.target as HTMLElement).hidden = true;
          },
        },
      },
      `Show all ${section.rows.length}`,
    );
  return h(
    'div',
    { class: 'block summary', attrs: { 'data-rule': section.ruleId } },
    h('h2', {}, section.title, h('span', { class: 'rule' }, section.ruleId)),
    h(
      'table',
      { class: 'compact' },
      h(
        'thead',
        {},
        h('tr', {}, ...section.columns.map((c) => h('th', { class: c.align === 'right' ? 'num' : '' }, c.label))),
      ),
      body,
    ),
    more,
  );
}

/** Clusters, the quality of the cut, the extraction candidates with reasons and work lists, and the seam between two chosen clusters. */
import type { CandidateView, DecompositionView } from '../src/report/html/reportData.js';
import { append, clear, formatNumber, h } from './dom.js';
import { dataTable } from './table.js';

export function decompositionView(view: DecompositionView): HTMLElement {
  const name = new Map(view.clusters.map((c) => [c.id, c.name]));
  const pick = (label: string): HTMLSelectElement =>
    h(
      'select',
      { attrs: { 'aria-label': label, 'data-role': label } },
      ...view.clusters.map((c) => h('option', { attrs: { value: c.id } }, c.name)),
    );
  const left = pick('seam-from');
  const right = pick('seam-to');
  if (view.clusters[1]) right.value = view.clusters[1].id;
  const seamBox = h('div', { class: 'seam', attrs: { 'data-role': 'seam' } });
  const showSeam = (): void => {
    clear(seamBox);
    const seams = view.seams.filter(
      (s) => (s.from === left.value && s.to === right.value) || (s.from === right.value && s.to === left.value),
    );
    if (seams.length === 0)
      return void seamBox.appendChild(h('p', { class: 'muted' }, 'Nothing crosses between these two clusters.'));
    for (const seam of seams)
      append(
        seamBox,
        h(
          'h3',
          {},
          `${name.get(seam.from) ?? seam.from} → ${name.get(seam.to) ?? seam.to}`,
          h('span', { class: 'rule' }, `weight ${formatNumber(seam.weight)}`),
        ),
        seam.references.length > 0 && h('h4', {}, `References (${seam.references.length})`),
        seam.references.length > 0 &&
          h(
            'ul',
            {},
            ...seam.references.map((r) =>
              h(
                'li',
                {},
                `${r.from} → ${r.to} ×${r.count}`,
                r.where ? h('span', { class: 'where' }, ` ${r.where}`) : null,
              ),
            ),
          ),
        seam.calls.length > 0 && h('h4', {}, `Calls (${seam.calls.length})`),
        seam.calls.length > 0 &&
          h(
            'ul',
            {},
            ...seam.calls.map((c) =>
              h(
                'li',
                {},
                `${c.kind}: ${c.from} → ${c.to}`,
                c.where ? h('span', { class: 'where' }, ` ${c.where}`) : null,
              ),
            ),
          ),
        seam.sharedTables.length > 0 && h('h4', {}, 'Shared tables'),
        seam.sharedTables.length > 0 && h('p', {}, seam.sharedTables.join(', ')),
      );
  };
  left.addEventListener('change', showSeam);
  right.addEventListener('change', showSeam);
  showSeam();
  return h(
    'section',
    { class: 'view decomposition-view' },
    view.quality &&
      h(
        'div',
        { class: 'cards' },
        ...Object.entries(view.quality).map(([key, value]) =>
          h(
            'div',
            { class: 'card' },
            h('div', { class: 'figure' }, Number.isInteger(value) ? formatNumber(value) : value.toFixed(2)),
            h('div', { class: 'label' }, words(key)),
          ),
        ),
      ),
    view.candidates.length > 0 && h('h2', {}, 'Extraction candidates'),
    view.candidates.length > 0 && targets(view.candidates),
    view.candidates.length > 0 &&
      h(
        'p',
        { class: 'muted' },
        'Ranked by score (value minus risk). Risk, cuts and value are each 0–1; open a candidate for why and its work list.',
      ),
    ...view.candidates.map((c, i) => candidateBlock(c, i)),
    notCandidates(view.notCandidates ?? []),
    h('h2', {}, 'Clusters'),
    dataTable({
      name: 'clusters',
      rows: view.clusters,
      pageSize: 50,
      columns: [
        { label: 'Cluster', value: (c) => c.name },
        { label: 'Units', value: (c) => c.size, align: 'right' },
        { label: 'Tables owned', value: (c) => c.tables.length, align: 'right' },
        { label: 'Tables shared', value: (c) => c.sharedTables.length, align: 'right' },
        { label: 'Shared layer', value: (c) => (c.shared ? 'yes' : '') },
      ],
    }),
    h('h2', {}, 'The seam between two clusters'),
    h('div', { class: 'toolbar' }, left, h('span', {}, ' and '), right),
    seamBox,
  );
}

/** The two candidates an architect starts the conversation with: the pilot to learn on, and where the value is. */
function targets(candidates: CandidateView[]): HTMLElement | false {
  const pilot = candidates.find((c) => c.pilot);
  const value = candidates.find((c) => c.highestValue);
  if (!pilot && !value) return false;
  const card = (role: string, heading: string, c: CandidateView): HTMLElement =>
    h(
      'div',
      { class: `block target ${role}`, attrs: { 'data-role': role } },
      h('div', { class: 'label' }, heading),
      h('h3', {}, c.title),
      h('p', { class: 'muted' }, figures(c)),
      c.reasons[0] ? h('p', {}, c.reasons[0]) : null,
    );
  return h(
    'div',
    { class: 'targets' },
    pilot && card('pilot', 'Pilot: the low-risk one to learn on', pilot),
    value && card('value-target', 'Highest-value target', value),
  );
}

function figures(c: CandidateView): string {
  const part = (label: string, v: number | undefined): string | false => v !== undefined && `${label} ${v.toFixed(2)}`;
  return [part('score', c.score), part('risk', c.risk), part('cuts', c.cuts), part('value', c.value)]
    .filter(Boolean)
    .join(' · ');
}

function candidateBlock(c: CandidateView, i: number): HTMLElement {
  const block = h(
    'details',
    { class: 'block candidate', attrs: { 'data-role': 'candidate', 'data-cluster': c.cluster ?? '' } },
    h(
      'summary',
      {},
      h('strong', {}, `${c.rank ?? i + 1}. ${c.title}`),
      c.pilot ? h('span', { class: 'badge pilot' }, 'pilot') : null,
      c.highestValue ? h('span', { class: 'badge value' }, 'highest value') : null,
      c.deployed
        ? h('span', { class: 'badge deployed', attrs: { title: `already deployed as ${c.deployed}` } }, 'deployed')
        : null,
      c.notArea ? h('span', { class: 'badge not-area' }, c.notArea) : null,
      h('span', { class: 'rule' }, figures(c)),
    ),
    c.reasons.length > 0 && h('h4', {}, 'Why'),
    c.reasons.length > 0 && h('ul', {}, ...c.reasons.map((r) => h('li', {}, r))),
    c.work.length > 0 && h('h4', {}, 'Work list'),
    c.work.length > 0 && h('ol', { attrs: { 'data-role': 'work-list' } }, ...c.work.map((w) => h('li', {}, w))),
  );
  // The first few and the marked ones open: the rest is there for who wants it.
  block.open = i < 3 || c.pilot === true || c.highestValue === true;
  return block;
}

/** The clusters left out of the ranking, apart, each with why: tooling, host shells, plumbing. */
function notCandidates(list: { name: string; reason: string }[]): HTMLElement | false {
  if (list.length === 0) return false;
  return h(
    'div',
    { class: 'block', attrs: { 'data-role': 'not-candidates' } },
    h('h3', {}, 'Not candidates'),
    h(
      'p',
      { class: 'muted' },
      'Left out of the ranking: no business code to extract. Nothing else uses them, so they would top it for having no cuts.',
    ),
    h('ul', {}, ...list.map((n) => h('li', {}, h('strong', {}, n.name), `: ${n.reason}`))),
  );
}

/** `interPartitionCallPercentage` → `inter partition call percentage`. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

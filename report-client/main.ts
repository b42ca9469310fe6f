/**
 * The report page: reads the data embedded as JSON (never executed), builds the
 * views with text APIs only and shows one at a time by the URL's hash.
 */
import type { ReportData } from '../src/report/html/reportData.js';
import { decompositionView } from './decomposition.js';
import { append, h } from './dom.js';
import { findingsView } from './findings.js';
import { graphView } from './graphView.js';
import { matrixView } from './matrix.js';
import { overview } from './overview.js';
import { plotsView } from './plots.js';

interface View {
  id: string;
  title: string;
  build: () => { element: HTMLElement; show?: () => void };
}

function start(): void {
  const source = document.getElementById('assess-data');
  const app = document.getElementById('app');
  if (!source || !app) return;
  const data = JSON.parse(source.textContent ?? '{}') as ReportData;
  const views: View[] = [
    { id: 'overview', title: 'Overview', build: () => ({ element: overview(data) }) },
    { id: 'graph', title: 'Graph', build: () => graphView(data) },
    { id: 'matrix', title: 'Matrix', build: () => matrixView(data) },
    { id: 'findings', title: `Findings (${data.findings.length})`, build: () => ({ element: findingsView(data) }) },
    { id: 'plots', title: 'Plots', build: () => ({ element: plotsView(data) }) },
  ];
  const decomposition = data.decomposition;
  if (decomposition)
    views.splice(3, 0, {
      id: 'decomposition',
      title: 'Clusters & candidates',
      build: () => ({ element: decompositionView(decomposition) }),
    });

  const built = new Map<string, { element: HTMLElement; show?: () => void }>();
  const main = h('main');
  const tabs = views.map((view) =>
    h(
      'a',
      { class: 'tab', attrs: { 'data-view': view.id, role: 'tab' }, on: { click: () => (location.hash = view.id) } },
      view.title,
    ),
  );
  const show = (): void => {
    const wanted = location.hash.slice(1);
    const view = views.find((v) => v.id === wanted) ?? views[0]!;
    for (const tab of tabs) tab.classList.toggle('active', tab.dataset.view === view.id);
    let entry = built.get(view.id);
    if (!entry) {
      entry = view.build();
      built.set(view.id, entry);
      main.appendChild(entry.element);
    }
    for (const [id, other] of built) other.element.hidden = id !== view.id;
    entry.show?.();
    document.body.dataset.view = view.id;
  };
  append(
    app,
    h(
      'header',
      {},
      h(
        'div',
        { class: 'title' },
        h('strong', {}, 'assess'),
        h('span', { class: 'root' }, data.root),
        h('span', { class: 'muted' }, `${data.tool.name} ${data.tool.version} · ${data.generatedAt}`),
      ),
      h('nav', {}, ...tabs),
    ),
    data.notes.length > 0 && h('div', { class: 'notes' }, ...data.notes.map((n) => h('p', {}, n))),
    main,
  );
  window.addEventListener('hashchange', show);
  show();
  document.body.dataset.ready = 'true';
}

start();

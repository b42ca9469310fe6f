/** The history pass on a hand-built graph and scripted commits: roll-ups and co-change edges. */
import { describe, expect, it } from 'vitest';
import { EstateGraph } from '../core/graph.js';
import { applyHistory, DEFAULT_HISTORY_SETTINGS } from './index.js';
import type { Commit, RepoHistory } from './types.js';

function graphWithTwoProjects(): EstateGraph {
  const graph = new EstateGraph();
  graph.addNode({ id: 'repo:mono', kind: 'repo', name: 'mono', data: { git: true } });
  graph.addNode({ id: 'project:mono/A.csproj', kind: 'project', name: 'A', repo: 'mono', path: 'A.csproj' });
  for (const [file, type, ns] of [
    ['A/Invoice.cs', 'type:Billing.Invoice', 'Billing'],
    ['A/Report.cs', 'type:Reporting.Report', 'Reporting'],
    ['A/Uses.cs', 'type:Billing.Uses', 'Billing'],
  ] as const) {
    const fileNode = `file:mono/${file}`;
    graph.addNode({ id: fileNode, kind: 'file', name: file, repo: 'mono', path: file, complexity: 3 });
    graph.addNode({ id: `namespace:${ns}`, kind: 'namespace', name: ns });
    graph.addNode({
      id: type,
      kind: 'type',
      name: type.slice(5),
      repo: 'mono',
      path: file,
      data: { typeKind: 'class', namespace: ns, files: [file], line: 1, modifiers: ['public'] },
    });
    graph.addEdge('project:mono/A.csproj', fileNode, 'contains');
    graph.addEdge(fileNode, type, 'contains');
    graph.addEdge(`namespace:${ns}`, type, 'contains');
  }
  graph.addEdge('type:Billing.Uses', 'type:Billing.Invoice', 'type-ref', 2);
  return graph;
}

let n = 0;
const commit = (day: number, author: string, files: [string, number, number][]): Commit => ({
  hash: String(++n).padStart(40, '0'),
  parentCount: 1,
  author,
  email: `${author.toLowerCase()}@x`,
  authorTime: 1_700_000_000 + day * 86_400,
  commitTime: 1_700_000_000 + day * 86_400,
  message: '',
  tickets: [],
  files: files.map(([path, added, deleted]) => ({ path, added, deleted })),
});

describe('applyHistory', () => {
  it('annotates files and roll-ups and adds co-change edges marked hidden where no reference explains them', () => {
    const graph = graphWithTwoProjects();
    const commits = [
      commit(10, 'Ada', [
        ['A/Invoice.cs', 5, 1],
        ['A/Report.cs', 2, 0],
        ['A/Uses.cs', 1, 0],
      ]),
      commit(8, 'Ada', [
        ['A/Invoice.cs', 3, 0],
        ['A/Report.cs', 1, 1],
        ['A/Uses.cs', 1, 1],
      ]),
      commit(6, 'Bo', [
        ['A/Invoice.cs', 1, 0],
        ['A/Report.cs', 1, 0],
        ['A/Uses.cs', 2, 0],
      ]),
      commit(4, 'Ada', [
        ['A/Invoice.cs', 4, 0],
        ['A/Report.cs', 3, 0],
        ['A/Uses.cs', 1, 0],
      ]),
      commit(2, 'Ada', [
        ['A/Invoice.cs', 2, 0],
        ['A/Report.cs', 1, 0],
        ['A/Uses.cs', 1, 0],
        ['gone.txt', 9, 9],
      ]),
    ];
    const history: RepoHistory = { repo: 'mono', commits, newest: commits[0]!.commitTime, since: 0, shallow: false };
    const summary = applyHistory(graph, { repos: [history], diagnostics: [] }, DEFAULT_HISTORY_SETTINGS);

    expect(graph.nodeOfKind('file:mono/A/Invoice.cs', 'file')!.data!.history).toMatchObject({
      revisions: 5,
      added: 15,
      deleted: 1,
      churn: 16,
      authors: 2,
      mainAuthor: 'Ada',
      mainAuthorShare: 0.94,
      ageDays: 0,
    });
    expect(graph.nodeOfKind('namespace:Billing', 'namespace')!.data!.history).toMatchObject({
      revisions: 5,
      churn: 16 + 7,
    });
    expect(graph.node('repo:mono')!.data).toMatchObject({
      git: true,
      history: { commits: 5, revisions: 5, churn: 16 + 9 + 7 + 18 },
    });
    expect(summary).toMatchObject({ commits: 5, coChange: { file: 3, namespace: 1, project: 0, crossRepo: 0 } });

    const edge = (a: string, b: string) => graph.edge('co-change', a, b);
    expect(edge('file:mono/A/Invoice.cs', 'file:mono/A/Report.cs')).toMatchObject({
      weight: 5,
      data: { degree: 1, hidden: true },
    });
    expect(edge('file:mono/A/Invoice.cs', 'file:mono/A/Uses.cs')).toMatchObject({ weight: 5, data: { hidden: false } });
    expect(edge('namespace:Billing', 'namespace:Reporting')).toMatchObject({
      data: { level: 'namespace', hidden: true },
    });
  });

  it('adds no edges below the thresholds and none from bulk commits', () => {
    const graph = graphWithTwoProjects();
    const bulk = (day: number) =>
      commit(day, 'Ada', [
        ['A/Invoice.cs', 1, 0],
        ['A/Report.cs', 1, 0],
        ...Array.from({ length: 40 }, (_, i): [string, number, number] => [`x${i}.txt`, 1, 0]),
      ]);
    const commits = [
      bulk(9),
      bulk(8),
      bulk(7),
      bulk(6),
      bulk(5),
      commit(1, 'Ada', [
        ['A/Invoice.cs', 1, 0],
        ['A/Report.cs', 1, 0],
      ]),
    ];
    const history: RepoHistory = { repo: 'mono', commits, newest: commits[0]!.commitTime, since: 0, shallow: false };
    applyHistory(graph, { repos: [history], diagnostics: [] }, DEFAULT_HISTORY_SETTINGS);
    expect(graph.edgesOfKind('co-change')).toEqual([]);
    expect(graph.nodeOfKind('file:mono/A/Invoice.cs', 'file')!.data!.history).toMatchObject({ revisions: 6 });
    expect(graph.nodeOfKind('repo:mono', 'repo')!.data!.history).toMatchObject({ bulkCommits: 5 });
  });

  it('links rarely changed files across repositories by a shared ticket key, below the revision threshold', () => {
    const graph = new EstateGraph();
    for (const [repo, file] of [
      ['billing', 'Invoice.cs'],
      ['mailer', 'InvoiceMail.cs'],
    ] as const) {
      graph.addNode({ id: `repo:${repo}`, kind: 'repo', name: repo, data: { git: true } });
      graph.addNode({ id: `file:${repo}/${file}`, kind: 'file', name: file, repo, path: file });
    }
    const ticketed = (file: string, author: string, ticket: string, day: number): Commit => ({
      ...commit(day, author, [[file, 3, 1]]),
      message: `${ticket} Invoice e-mails show the VAT lines`,
      tickets: [ticket],
    });
    const histories = (tickets: string[]): RepoHistory[] =>
      (
        [
          ['billing', 'Invoice.cs', 'Ada'],
          ['mailer', 'InvoiceMail.cs', 'Bo'],
        ] as const
      ).map(([repo, file, author], r) => {
        // Three changes each, days apart: no author window joins them, only the key can.
        const commits = tickets.map((ticket, i) => ticketed(file, author, ticket, 30 - i * 10 - r * 3));
        return { repo, commits, newest: commits[0]!.commitTime, since: 0, shallow: false };
      });
    applyHistory(graph, { repos: histories(['HAR-7', 'HAR-8', 'HAR-9']), diagnostics: [] }, DEFAULT_HISTORY_SETTINGS);
    expect(graph.edge('co-change', 'file:billing/Invoice.cs', 'file:mailer/InvoiceMail.cs')).toMatchObject({
      weight: 3,
      data: { revisions: [3, 3], crossRepo: true, tickets: ['HAR-7', 'HAR-8', 'HAR-9'] },
    });

    // Different keys on each side: nothing links the changes, and three revisions are too few for chance.
    const unlinked = new EstateGraph();
    for (const node of graph.nodesOfKind('repo')) unlinked.addNode(node);
    for (const node of graph.nodesOfKind('file')) unlinked.addNode(node);
    const [billing, mailer] = histories(['HAR-7', 'HAR-8', 'HAR-9']);
    for (const c of mailer!.commits) c.tickets = [`MAIL-${c.tickets[0]!.slice(4)}`];
    applyHistory(unlinked, { repos: [billing!, mailer!], diagnostics: [] }, DEFAULT_HISTORY_SETTINGS);
    expect(unlinked.edgesOfKind('co-change')).toEqual([]);
  });
});

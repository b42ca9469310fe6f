/**
 * change-coupling: pairs of files, namespaces or projects that change together
 * (the `co-change` edges of the history pass). Reported are the hidden ones — no
 * static dependency explains them — and those across repositories, which tie
 * services together whatever their interfaces say.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { EstateGraph } from '../../src/core/graph.js';
import type { GraphEdgeOf } from '../../src/core/graphData.js';
import type { CouplingLevel } from '../../src/core/history.js';
import type { Finding, Location, SummarySection } from '../../src/core/result.js';

const LEVELS = ['file', 'namespace', 'project'] as const;

export type ChangeCouplingData = {
  level: CouplingLevel;
  from: string;
  to: string;
  shared: number;
  degree: number;
  revisions: [number, number];
  hidden: boolean;
  crossRepo: boolean;
  tickets?: string[];
};

export default defineAnalyzer<ChangeCouplingData>()({
  meta: {
    id: 'change-coupling',
    description:
      'Files, namespaces or projects that change together with no static dependency between them, or across repositories.',
    defaultSeverity: 'warning',
    messages: {
      hidden:
        '{a} and {b} change together ({shared} shared changes, degree {degree}%) but no reference links them{across}',
      crossRepo: '{a} and {b} change together across repositories ({shared} shared changes, degree {degree}%){via}',
      coupled: '{a} and {b} change together ({shared} shared changes, degree {degree}%)',
    },
    needs: ['history'],
    docs: 'analyzers/change-coupling/README.md',
    // Strongest coupling first, as the summary lists them.
    ranked: true,
  },
  options: z
    .object({
      /** Pairs below this degree (0..1) are not reported (they stay in the graph). */
      minDegree: z.number().min(0).max(1).default(0.5),
      levels: z.array(z.enum(LEVELS)).default([...LEVELS]),
      /** Also report coupling that a static dependency explains, within one repository. */
      includeStatic: z.boolean().default(false),
      /** Rows in the summary table. */
      top: z.number().int().min(1).default(10),
    })
    .strict(),
  run({ graph, options, report }) {
    for (const edge of graph.edgesOfKind('co-change').sort(byStrength)) {
      const data = edge.data;
      if (!data || !options.levels.includes(data.level) || data.degree < options.minDegree) continue;
      const messageId = data.hidden
        ? 'hidden'
        : data.crossRepo
          ? 'crossRepo'
          : options.includeStatic
            ? 'coupled'
            : undefined;
      if (!messageId) continue;
      const via = data.tickets?.length
        ? ` via tickets ${data.tickets.slice(0, 3).join(', ')}`
        : data.linkedByAuthor
          ? ' via the same author at the same time'
          : '';
      report({
        messageId,
        severity: data.hidden ? 'warning' : 'note',
        args: {
          a: display(graph, edge.from),
          b: display(graph, edge.to),
          shared: edge.weight,
          degree: Math.round(data.degree * 100),
          across: data.crossRepo ? ` (across repositories${via})` : '',
          via,
        },
        location: locate(graph, edge.from),
        related: [locate(graph, edge.to)],
        data: {
          level: data.level,
          from: edge.from,
          to: edge.to,
          shared: edge.weight,
          degree: data.degree,
          revisions: data.revisions,
          hidden: data.hidden,
          crossRepo: data.crossRepo,
          ...(data.tickets ? { tickets: data.tickets } : {}),
        },
        identity: [data.level, edge.from, edge.to],
      });
    }
  },
  summarize(findings, { graph, options }) {
    return strongestHidden(findings, graph, options.top);
  },
});

/** The hidden couplings this analyzer reported, strongest first: what no dependency diagram shows. */
function strongestHidden(
  findings: readonly Finding<ChangeCouplingData>[],
  graph: EstateGraph,
  top: number,
): SummarySection[] {
  const hidden = findings
    .filter((f) => f.data.hidden)
    .sort(
      (a, b) =>
        b.data.degree - a.data.degree ||
        b.data.shared - a.data.shared ||
        cmp(a.data.from + a.data.to, b.data.from + b.data.to),
    );
  if (hidden.length === 0) return [];
  return [
    {
      title: 'Strongest hidden couplings',
      columns: [
        { label: 'Strongest hidden couplings' },
        { label: 'Level' },
        { label: 'Shared', align: 'right' },
        { label: 'Degree', align: 'right' },
      ],
      rows: hidden
        .slice(0, top)
        .map((f) => [
          `${display(graph, f.data.from)} ⇄ ${display(graph, f.data.to)}${f.data.crossRepo ? ' (across repos)' : ''}`,
          f.data.level,
          String(f.data.shared),
          `${Math.round(f.data.degree * 100)}%`,
        ]),
    },
  ];
}

/** Highest degree first, then most shared changes, then by ids (stable across runs). */
function byStrength(a: GraphEdgeOf<'co-change'>, b: GraphEdgeOf<'co-change'>): number {
  return (b.data?.degree ?? 0) - (a.data?.degree ?? 0) || b.weight - a.weight || cmp(a.from, b.from) || cmp(a.to, b.to);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function display(graph: EstateGraph, id: string): string {
  const node = graph.node(id);
  if (!node) return id;
  if (node.kind === 'file') return `${node.repo}/${node.path}`;
  if (node.kind === 'project') return `${node.name} (${node.repo})`;
  return node.name;
}

/** Files and projects are where they are; a namespace is where its first type is declared. */
function locate(graph: EstateGraph, id: string): Location {
  const node = graph.node(id);
  if (!node) return { repo: '' };
  if (node.kind !== 'namespace') return { repo: node.repo ?? '', ...(node.path ? { file: node.path } : {}) };
  let first: Location | undefined;
  graph.graph.forEachOutEdge(id, (_key, edge) => {
    const type = edge.kind === 'contains' ? graph.node(edge.to) : undefined;
    if (!type?.repo || !type.path) return;
    const candidate = { repo: type.repo, file: type.path };
    if (!first || `${candidate.repo}/${candidate.file}` < `${first.repo}/${first.file}`) first = candidate;
  });
  return first ?? { repo: '' };
}

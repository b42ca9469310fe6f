/**
 * change-coupling: pairs of files, namespaces or projects that change together
 * (the `co-change` edges of the history pass). Reported are the hidden ones — no
 * static dependency explains them — and those across repositories, which tie
 * services together whatever their interfaces say.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { Location } from '../../src/core/result.js';
import type { EstateGraph } from '../../src/core/graph.js';

const LEVELS = ['file', 'namespace', 'project'] as const;

export default defineAnalyzer({
  meta: {
    id: 'change-coupling',
    description: 'Files, namespaces or projects that change together with no static dependency between them, or across repositories.',
    defaultSeverity: 'warning',
    messages: {
      hidden: '{a} and {b} change together ({shared} shared changes, degree {degree}%) but no reference links them{across}',
      crossRepo: '{a} and {b} change together across repositories ({shared} shared changes, degree {degree}%){via}',
      coupled: '{a} and {b} change together ({shared} shared changes, degree {degree}%)',
    },
    docs: 'analyzers/change-coupling/README.md',
  },
  options: z
    .object({
      /** Pairs below this degree (0..1) are not reported (they stay in the graph). */
      minDegree: z.number().min(0).max(1).default(0.5),
      levels: z.array(z.enum(LEVELS)).default([...LEVELS]),
      /** Also report coupling that a static dependency explains, within one repository. */
      includeStatic: z.boolean().default(false),
    })
    .strict(),
  run({ graph, options, report }) {
    for (const edge of graph.edgesOfKind('co-change')) {
      const data = edge.data as unknown as CoChangeData | undefined;
      if (!data || !options.levels.includes(data.level) || data.degree < options.minDegree) continue;
      const messageId = data.hidden ? 'hidden' : data.crossRepo ? 'crossRepo' : options.includeStatic ? 'coupled' : undefined;
      if (!messageId) continue;
      const via = data.tickets?.length ? ` via tickets ${data.tickets.slice(0, 3).join(', ')}` : data.linkedByAuthor ? ' via the same author at the same time' : '';
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
        data: { level: data.level, from: edge.from, to: edge.to, shared: edge.weight, degree: data.degree, revisions: data.revisions, hidden: data.hidden, crossRepo: data.crossRepo, ...(data.tickets ? { tickets: data.tickets } : {}) },
        identity: [data.level, edge.from, edge.to],
      });
    }
  },
});

interface CoChangeData {
  level: (typeof LEVELS)[number];
  degree: number;
  revisions: [number, number];
  hidden: boolean;
  crossRepo: boolean;
  tickets?: string[];
  linkedByAuthor?: boolean;
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

/**
 * dependency-cycles: strongly connected components of the namespace and project
 * dependency graphs. Each component of two or more members is one finding with
 * its members, its internal edges, and the lightest edges that close it.
 */
import { z } from 'zod';
import graphology from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { Location } from '../../src/core/result.js';
import type { EstateGraph } from '../../src/core/graph.js';
import { feedbackEdges, type WeightedEdge } from './feedbackEdges.js';

const LEVELS = {
  namespace: { edgeKind: 'namespace-ref', label: 'Namespaces' },
  project: { edgeKind: 'project-dep', label: 'Projects' },
} as const;

type Level = keyof typeof LEVELS;

export type CycleData = {
  level: Level;
  members: string[];
  edges: WeightedEdge[];
  closingEdges: WeightedEdge[];
  crossRepo: boolean;
};

export default defineAnalyzer<CycleData>()({
  meta: {
    id: 'dependency-cycles',
    description: 'Namespaces or projects that depend on each other in a cycle, so none can be extracted alone.',
    defaultSeverity: 'warning',
    messages: {
      cycle: '{label} {members}{owner} form a dependency cycle ({size} members); cut {cut} to break it',
    },
    needs: [],
    docs: 'analyzers/dependency-cycles/README.md',
  },
  options: z.object({ levels: z.array(z.enum(['namespace', 'project'])).default(['namespace', 'project']) }).strict(),
  run({ graph, options, report }) {
    for (const level of options.levels) {
      for (const cycle of findCycles(graph, level)) {
        const owners = level === 'namespace' ? ownerNames(graph, cycle.members) : undefined;
        // A namespace is named with its project only where the members span several.
        const name = (id: string) => (owners && owners.length > 1 ? qualifiedName(graph, id) : nameOf(graph, id));
        const names = cycle.members.map(name).sort();
        const cut = cycle.closing.map((e) => `${name(e.from)} → ${name(e.to)} (${e.weight})`);
        const crossRepo = new Set(cycle.members.map((m) => repoOf(graph, m)).filter(Boolean)).size > 1;
        report({
          messageId: 'cycle',
          // Messages stay readable on a terminal; the full lists are in `data`.
          args: {
            label: LEVELS[level].label,
            members: listed(names, 6),
            owner: owners?.length === 1 ? ` of ${owners[0]}` : '',
            size: names.length,
            cut: listed(cut, 3, 'lightest first'),
          },
          location: locate(graph, level, cycle.closing[0]!),
          related: cycle.closing.slice(1).map((e) => locate(graph, level, e)),
          data: { level, members: cycle.members, edges: cycle.edges, closingEdges: cycle.closing, crossRepo },
          identity: [level, ...cycle.members],
        });
      }
    }
  },
});

interface Cycle {
  members: string[];
  edges: WeightedEdge[];
  closing: WeightedEdge[];
}

function findCycles(graph: EstateGraph, level: Level): Cycle[] {
  const edges = graph.edgesOfKind(LEVELS[level].edgeKind);
  const sub = new graphology.DirectedGraph();
  for (const e of edges) sub.mergeEdge(e.from, e.to);
  const cycles: Cycle[] = [];
  for (const component of stronglyConnectedComponents(sub)) {
    if (component.length < 2) continue;
    const members = [...component].sort();
    const inside = new Set(members);
    const internal = edges
      .filter((e) => inside.has(e.from) && inside.has(e.to))
      .map((e) => ({ from: e.from, to: e.to, weight: e.weight }))
      .sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to));
    const closing = feedbackEdges(members, internal).sort(
      (a, b) => a.weight - b.weight || cmp(a.from, b.from) || cmp(a.to, b.to),
    );
    cycles.push({ members, edges: internal, closing });
  }
  return cycles.sort((a, b) => cmp(a.members[0]!, b.members[0]!));
}

/** Where to look: the first type reference behind a namespace edge, or the referencing project file. */
function locate(graph: EstateGraph, level: Level, edge: WeightedEdge): Location {
  const source = graph.node(edge.from);
  if (level === 'namespace') {
    const at = graph.edge('namespace-ref', edge.from, edge.to)?.data;
    if (at) return { repo: at.repo, file: at.file, line: at.line };
  }
  return { repo: source?.repo ?? '', ...(source?.path ? { file: source.path } : {}) };
}

/** The projects (or repos, for loose source) owning the given namespaces, sorted and unique. */
function ownerNames(graph: EstateGraph, members: readonly string[]): string[] {
  return [...new Set(members.map((m) => ownerName(graph, m)))].sort();
}

function ownerName(graph: EstateGraph, namespace: string): string {
  const node = graph.nodeOfKind(namespace, 'namespace');
  const project = node?.data?.project;
  return project ? `project ${nameOf(graph, project)}` : `repo ${node?.repo ?? ''}`;
}

function qualifiedName(graph: EstateGraph, namespace: string): string {
  return `${nameOf(graph, namespace)} (${ownerName(graph, namespace)})`;
}

/** `a, b, c and 4 more` — at most `max` items, with an optional note on what is left out. */
function listed(items: readonly string[], max: number, note?: string): string {
  if (items.length <= max) return items.join(', ');
  const more = `${items.length - max} more`;
  return `${items.slice(0, max).join(', ')} and ${note ? `${more}, ${note}` : more}`;
}

function nameOf(graph: EstateGraph, id: string): string {
  return graph.node(id)?.name ?? id;
}

function repoOf(graph: EstateGraph, id: string): string | undefined {
  return graph.node(id)?.repo;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Seams: for each pair of clusters, what crosses between them — which unit
 * uses which (with counts), the HTTP and gRPC call sites, and the tables both
 * use — weighted by the clustering weights. The cut list an engineer works
 * from, heaviest first.
 */
import type { ClusteringSettings, Seam } from '../../core/decomposition.js';
import type { EstateGraph } from '../../core/graph.js';
import { round } from './quality.js';
import { type CodeEdge, compare, type Unit } from './units.js';

export function findSeams(
  graph: EstateGraph,
  edges: readonly CodeEdge[],
  clusterIds: readonly string[],
  clusterOf: ReadonlyMap<string, number>,
  unitById: ReadonlyMap<string, Unit>,
  tableUsers: ReadonlyMap<string, ReadonlySet<number>>,
  weights: ClusteringSettings['weights'],
): Seam[] {
  const seams = new Map<string, Seam>();
  const seamOf = (a: number, b: number): Seam => {
    const [from, to] = compare(clusterIds[a]!, clusterIds[b]!) < 0 ? [a, b] : [b, a];
    const key = `${from}:${to}`;
    let crossing = seams.get(key);
    if (!crossing) {
      crossing = {
        from: clusterIds[from]!,
        to: clusterIds[to]!,
        weight: 0,
        references: [],
        calls: [],
        sharedTables: [],
      };
      seams.set(key, crossing);
    }
    return crossing;
  };
  for (const edge of edges) {
    const a = clusterOf.get(edge.from);
    const b = clusterOf.get(edge.to);
    if (a === undefined || b === undefined || a === b) continue;
    const crossing = seamOf(a, b);
    if (edge.kind === 'reference') {
      const file = unitById.get(edge.from)?.file;
      crossing.references.push({ from: edge.from, to: edge.to, count: edge.count, ...(file ? { file } : {}) });
      continue;
    }
    const kind = edge.graphKind === 'grpc-call' ? 'grpc-call' : 'http-call';
    const data = graph.edge(kind, edge.from, edge.to)?.data;
    for (const call of data?.calls ?? [{ file: unitById.get(edge.from)?.file, line: undefined }])
      crossing.calls.push({
        from: edge.from,
        to: edge.to,
        kind,
        ...(call.file ? { file: call.file } : {}),
        ...(call.line !== undefined ? { line: call.line } : {}),
      });
  }
  for (const [table, users] of [...tableUsers].sort(([a], [b]) => compare(a, b))) {
    const list = [...users].sort((x, y) => x - y);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) seamOf(list[i]!, list[j]!).sharedTables.push(table);
  }
  for (const crossing of seams.values()) {
    crossing.references.sort((x, y) => y.count - x.count || compare(x.from, y.from) || compare(x.to, y.to));
    crossing.calls.sort(
      (x, y) =>
        compare(x.file ?? '', y.file ?? '') ||
        (x.line ?? 0) - (y.line ?? 0) ||
        compare(x.from, y.from) ||
        compare(x.to, y.to),
    );
    const referenceWeight = crossing.references.reduce((n, r) => n + r.count, 0);
    crossing.weight = round(
      weights.references * referenceWeight +
        weights.calls * crossing.calls.length +
        weights.sharedTables * crossing.sharedTables.length,
    );
  }
  return [...seams.values()].sort((x, y) => y.weight - x.weight || compare(x.from, y.from) || compare(x.to, y.to));
}

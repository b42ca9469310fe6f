/**
 * Every dependency the result's graph knows, as references between units with
 * the place in source that makes them: C# type references (through the
 * `namespace-ref` edges, which keep the first reference's file and line), JS/TS
 * imports, HTTP and gRPC calls, and the tables and routines queries use.
 */
import type { DependencyKind } from '../core/check.js';
import type { Location, ScanResult, SqlQuerySummary } from '../core/result.js';
import { type GraphEdgeOf, isEdgeOfKind } from '../core/graphData.js';
import type { UnitIndex, Units } from './units.js';

export interface Reference {
  kind: DependencyKind;
  from: Units;
  to: Units;
  location: Location;
}

/** Migrations create and fill the tables they belong to: that is no coupling. */
const QUERY_ROLES_READ = new Set(['application', 'routine', 'script']);

export function collectReferences(result: Pick<ScanResult, 'graph' | 'sql'>, units: UnitIndex): Reference[] {
  const references: Reference[] = [];
  const { edges } = result.graph;
  for (const edge of edges.filter(isEdgeOfKind('namespace-ref'))) {
    if (!edge.data) continue;
    references.push({
      kind: 'reference',
      from: units.unitsOf(edge.from),
      to: units.unitsOf(edge.to),
      location: { repo: edge.data.repo, file: edge.data.file, line: edge.data.line },
    });
  }
  // Clusters split namespaces: their boundary is drawn between types, through the
  // `type-ref` edges (the namespace roll-up above carries no cluster).
  for (const edge of edges.filter(isEdgeOfKind('type-ref'))) {
    if (!edge.data) continue;
    const from = units.unitsOf(edge.from).cluster;
    const to = units.unitsOf(edge.to).cluster;
    if (!from || !to) continue;
    references.push({
      kind: 'reference',
      from: { cluster: from },
      to: { cluster: to },
      location: { repo: edge.data.repo, file: edge.data.file, line: edge.data.line },
    });
  }
  for (const edge of edges.filter(isEdgeOfKind('import'))) {
    const from = units.node(edge.from);
    if (!edge.to.startsWith('file:') || !from?.repo || !from.path) continue;
    references.push({
      kind: 'reference',
      from: units.unitsOf(edge.from),
      to: units.unitsOf(edge.to),
      location: { repo: from.repo, file: from.path, ...(edge.data?.line ? { line: edge.data.line } : {}) },
    });
  }
  for (const edge of edges.filter(isEdgeOfKind('http-call'))) references.push(...callReferences(edge, 'http', units));
  for (const edge of edges.filter(isEdgeOfKind('grpc-call'))) references.push(...callReferences(edge, 'grpc', units));
  references.push(...queryReferences(result.sql?.queries ?? [], units));
  return references.map((r) => (r.to.cluster && units.isSharedCluster(r.to.cluster) ? withoutCluster(r) : r));
}

/** Every area uses the shared layer: that crosses no service boundary. */
function withoutCluster(reference: Reference): Reference {
  const { cluster: _from, ...from } = reference.from;
  const { cluster: _to, ...to } = reference.to;
  return { ...reference, from, to };
}

function callReferences(
  edge: GraphEdgeOf<'http-call'> | GraphEdgeOf<'grpc-call'>,
  kind: 'http' | 'grpc',
  units: UnitIndex,
): Reference[] {
  const repo = units.node(edge.from)?.repo;
  const target = units.node(edge.to);
  // A call whose URL is built at run time goes nowhere anyone can name: no boundary to record.
  if (!repo || (target?.kind === 'endpoint' && target.data?.dynamic)) return [];
  const from = units.unitsOf(edge.from);
  const to = units.unitsOf(edge.to);
  return (edge.data?.calls ?? []).map((call: { file?: string; line: number }) => ({
    kind,
    from,
    to,
    location: { repo, ...(call.file ? { file: call.file } : {}), line: call.line },
  }));
}

function queryReferences(queries: readonly SqlQuerySummary[], units: UnitIndex): Reference[] {
  const references: Reference[] = [];
  const relations = new RelationIndex(units);
  for (const query of queries) {
    if (query.superseded || !QUERY_ROLES_READ.has(query.role ?? 'application')) continue;
    const routine = query.routine ? relations.routine(query.routine) : undefined;
    const from = routine ? units.unitsOf(routine) : units.unitsOfFile(query.repo, query.file);
    const location = { repo: query.repo, file: query.file, line: query.line };
    for (const { table, mode } of query.tables) {
      const id = relations.relation(table);
      if (id) references.push({ kind: mode, from, to: units.unitsOf(id), location });
    }
    for (const executed of query.executes ?? []) {
      const id = relations.routine(executed);
      if (id) references.push({ kind: 'execute', from, to: units.unitsOf(id), location });
    }
  }
  return references;
}

/**
 * Table and routine nodes by the key queries name them with: `table:dbo.users`,
 * a family-prefixed `table:postgresql:public.users`, or a view's `procedure:` node.
 */
class RelationIndex {
  private readonly byKey = new Map<string, string[]>();

  constructor(private readonly units: UnitIndex) {}

  relation(key: string): string | undefined {
    const lower = key.toLowerCase();
    for (const id of [`table:${lower}`, `procedure:${lower}`]) if (this.units.node(id)) return id;
    return this.suffixed(lower);
  }

  routine(name: string): string | undefined {
    const id = `procedure:${name.toLowerCase()}`;
    return this.units.node(id) ? id : undefined;
  }

  private suffixed(key: string): string | undefined {
    if (this.byKey.size === 0) this.indexPrefixedTables();
    return this.byKey.get(key)?.[0];
  }

  private indexPrefixedTables(): void {
    this.byKey.set('', []);
    for (const id of this.units.tableIds()) {
      const rest = id.slice('table:'.length);
      const colon = rest.indexOf(':');
      if (colon < 0) continue;
      const key = rest.slice(colon + 1);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), id].sort());
    }
  }
}

/**
 * The units a decomposition moves around: C# types and the source files that
 * carry code of their own (JS/TS modules, C# top-level statements), test code
 * left out — tests follow the code they test — and so are EF migrations and
 * SQL scripts, which follow the tables they touch. Also read here, once: the code
 * edges between units (references and calls, with their counts) and the
 * tables each unit reads or writes, directly or through the procedures it
 * executes.
 */
import path from 'node:path';
import type { EstateGraph } from '../../core/graph.js';
import type { GraphNode } from '../../core/graphData.js';
import { fileId } from '../../core/ids.js';
import type { EstateModel } from '../../core/model.js';
import { isTestFile, testProjects } from '../metrics/testCode.js';
import { deployableOf } from './deployables.js';

export interface Unit {
  id: string;
  repo: string;
  /** Repo-relative file the unit is declared in. */
  file?: string;
  /** Namespace of a type, `repo/folder` of a file: the hint naming works from. */
  label: string;
  project?: string;
  /** The deployable (project id) it is compiled into, when exactly one. */
  deployable?: string;
}

export type CodeEdgeKind = 'reference' | 'call';

export interface CodeEdge {
  from: string;
  to: string;
  kind: CodeEdgeKind;
  /** The graph edge kind behind it (`type-ref`, `import`, `http-call`, `grpc-call`). */
  graphKind: string;
  count: number;
}

export interface TableUse {
  unit: string;
  table: string;
  count: number;
}

export interface UnitGraph {
  /** Sorted by id. */
  units: Unit[];
  unitById: ReadonlyMap<string, Unit>;
  /** Between two distinct units; sorted by from, to, kind. */
  edges: CodeEdge[];
  /** Sorted by unit, table. */
  tableUses: TableUse[];
  /** Units implementing an interface of their own name (`CipherRepository` : `ICipherRepository`); sorted. */
  implementations: Implementation[];
}

export interface Implementation {
  unit: string;
  interface: string;
}

const EDGE_KIND: Readonly<Record<string, CodeEdgeKind>> = {
  'type-ref': 'reference',
  import: 'reference',
  'http-call': 'call',
  'grpc-call': 'call',
};
const TABLE_EDGES = new Set(['reads', 'writes']);

export function collectUnits(graph: EstateGraph, model: EstateModel): UnitGraph {
  const tests = testProjects(graph);
  const bound = deployableOf(graph, model, tests);
  const projectOfFile = owningProjects(graph);
  const { migrations, notApplication } = schemaFiles(model);
  const filesOf = (node: GraphNode): string[] =>
    node.kind === 'type' && node.repo !== undefined
      ? (node.data?.files ?? []).map((file) => fileId(node.repo!, file))
      : [node.id];
  const inFiles = (node: GraphNode, files: ReadonlySet<string>) => filesOf(node).every((file) => files.has(file));
  const candidate = (node: GraphNode | undefined): boolean => {
    if (!node?.repo) return false;
    // A migration class is partial across its migration and its designer file: either one tells.
    if (node.kind === 'type')
      return (
        !(node.data?.project && tests.has(node.data.project)) && !filesOf(node).some((file) => migrations.has(file))
      );
    if (node.kind !== 'file' || !node.path || isTestFile(node.path) || notApplication.has(node.id)) return false;
    const project = projectOfFile.get(node.id);
    return !(project && tests.has(project));
  };

  const edges: CodeEdge[] = [];
  const used = new Set<string>();
  graph.graph.forEachEdge((_key, edge) => {
    const kind = EDGE_KIND[edge.kind];
    if (!kind || edge.from === edge.to) return;
    if (!candidate(graph.node(edge.from)) || !candidate(graph.node(edge.to))) return;
    const count = edge.kind === 'http-call' || edge.kind === 'grpc-call' ? (edge.data?.calls.length ?? 1) : edge.weight;
    edges.push({ from: edge.from, to: edge.to, kind, graphKind: edge.kind, count: Math.max(1, count) });
    used.add(edge.from).add(edge.to);
  });

  const implementations = implementationsOf(graph, edges);

  const tableUses = new Map<string, number>();
  const typesOfFile = fileTypes(graph, candidate);
  const useTable = (issuer: string, table: string, count: number) => {
    // A query the SQL graph could only place in its file (no owning type found) is its types' use,
    // unless the file carries code of its own.
    const holders = !used.has(issuer) ? typesOfFile.get(issuer) : undefined;
    for (const unit of holders ?? [issuer]) {
      const key = `${unit}\u0000${table}`;
      tableUses.set(key, (tableUses.get(key) ?? 0) + count);
    }
  };
  const isTable = (id: string) => graph.node(id)?.kind === 'table';
  graph.graph.forEachEdge((_key, edge) => {
    const issuer = graph.node(edge.from);
    // Migrations and one-off scripts follow the tables they touch: they are no area's use of them.
    if (!candidate(issuer) || inFiles(issuer!, notApplication)) return;
    if (TABLE_EDGES.has(edge.kind) && isTable(edge.to)) useTable(edge.from, edge.to, edge.weight);
    // A procedure executed, or a view or function read: the tables behind it, one level down.
    else if (edge.kind === 'executes' || TABLE_EDGES.has(edge.kind))
      graph.graph.forEachOutEdge(edge.to, (_k, inner) => {
        if (TABLE_EDGES.has(inner.kind) && isTable(inner.to)) useTable(edge.from, inner.to, edge.weight);
      });
  });
  for (const key of tableUses.keys()) used.add(key.slice(0, key.indexOf('\u0000')));

  const units: Unit[] = [];
  graph.graph.forEachNode((id, node) => {
    // Types are units even when nothing references them; files only when they carry code edges or queries.
    if (!candidate(node) || (node.kind === 'file' && !used.has(id))) return;
    const project = node.kind === 'type' ? node.data?.project : projectOfFile.get(id);
    const deployable = project ? bound.get(project) : undefined;
    units.push({
      id,
      repo: node.repo!,
      ...(node.path ? { file: node.path } : {}),
      label:
        node.kind === 'type' ? (node.data?.namespace ?? '') : `${node.repo}/${path.posix.dirname(node.path ?? '')}`,
      ...(project ? { project } : {}),
      ...(deployable ? { deployable } : {}),
    });
  });
  units.sort((a, b) => compare(a.id, b.id));
  edges.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.graphKind, b.graphKind));
  return {
    units,
    unitById: new Map(units.map((u) => [u.id, u])),
    edges,
    implementations,
    tableUses: [...tableUses]
      .map(([key, count]) => {
        const [unit, table] = key.split('\u0000') as [string, string];
        return { unit, table, count };
      })
      .sort((a, b) => compare(a.unit, b.unit) || compare(a.table, b.table)),
  };
}

/**
 * A class referencing the interface that bears its name with an `I` in front implements it, by the
 * .NET convention every DI container relies on: `CipherRepository` (EF or Dapper) for `ICipherRepository`.
 */
function implementationsOf(graph: EstateGraph, edges: readonly CodeEdge[]): Implementation[] {
  const simple = (id: string) => {
    const name = graph.node(id)?.name ?? '';
    return name.slice(name.lastIndexOf('.') + 1);
  };
  const found: Implementation[] = [];
  for (const edge of edges) {
    if (edge.graphKind !== 'type-ref') continue;
    const target = graph.node(edge.to);
    if (target?.kind !== 'type' || target.data?.typeKind !== 'interface') continue;
    const name = simple(edge.to);
    if (/^I[A-Z]/.test(name) && simple(edge.from) === name.slice(1))
      found.push({ unit: edge.from, interface: edge.to });
  }
  return found;
}

/**
 * EF migration files (their classes are no area's code: they follow the tables they change), and
 * the files whose queries are migrations or one-off scripts (src/sql/roles.ts), .sql scripts among them.
 */
function schemaFiles(model: EstateModel): { migrations: Set<string>; notApplication: Set<string> } {
  const migrations = new Set<string>();
  const notApplication = new Set<string>();
  for (const repo of model.repos)
    for (const file of repo.files) {
      if (file.sql?.efMigration || declaresMigrationClass(file)) migrations.add(fileId(repo.name, file.path));
      if (file.kind === 'sql') notApplication.add(fileId(repo.name, file.path));
    }
  for (const query of model.sql.queries)
    if (query.role === 'migration' || query.role === 'script') notApplication.add(fileId(query.repo, query.file));
  for (const file of migrations) notApplication.add(file);
  return { migrations, notApplication };
}

/** EF Core `Migration`/`ModelSnapshot` and EF6 `DbMigration` subclasses, whatever their body holds (data-only migrations, snapshots). */
const MIGRATION_BASE = /^(?:[\w.]+\.)?(?:Migration|ModelSnapshot|DbMigration)$/;

function declaresMigrationClass(file: EstateModel['repos'][number]['files'][number]): boolean {
  return (
    file.facts?.kind === 'csharp' &&
    file.facts.types.some((type) => type.bases.some((base) => MIGRATION_BASE.test(base.replace(/<.*$/, ''))))
  );
}

/** File id → the candidate types it declares, sorted. */
function fileTypes(graph: EstateGraph, candidate: (node: GraphNode | undefined) => boolean): Map<string, string[]> {
  const types = new Map<string, string[]>();
  graph.graph.forEachEdge((_key, edge) => {
    if (edge.kind !== 'contains' || !edge.from.startsWith('file:') || !candidate(graph.node(edge.to))) return;
    if (graph.node(edge.to)?.kind !== 'type') return;
    const list = types.get(edge.from) ?? [];
    list.push(edge.to);
    types.set(edge.from, list);
  });
  for (const list of types.values()) list.sort(compare);
  return types;
}

/**
 * File id → the project containing it (the lowest id when several do); a file no
 * project lists (npm packages list none) goes to the nearest project whose
 * manifest sits in one of its folders.
 */
export function owningProjects(graph: EstateGraph): Map<string, string> {
  const owner = new Map<string, string>();
  graph.graph.forEachEdge((_key, edge) => {
    if (edge.kind !== 'contains' || !edge.from.startsWith('project:') || !edge.to.startsWith('file:')) return;
    const current = owner.get(edge.to);
    if (!current || edge.from < current) owner.set(edge.to, edge.from);
  });
  const projectInFolder = new Map<string, string>();
  graph.graph.forEachNode((id) => {
    if (!id.startsWith('project:')) return;
    const folder = path.posix.dirname(id.slice('project:'.length));
    const current = projectInFolder.get(folder);
    if (!current || id < current) projectInFolder.set(folder, id);
  });
  graph.graph.forEachNode((id) => {
    if (!id.startsWith('file:') || owner.has(id)) return;
    // Up to the repository's own folder (`<repo>`), where a root manifest sits.
    for (
      let folder = path.posix.dirname(id.slice('file:'.length));
      folder !== '.';
      folder = path.posix.dirname(folder)
    ) {
      const project = projectInFolder.get(folder);
      if (project) {
        owner.set(id, project);
        break;
      }
    }
  });
  return owner;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

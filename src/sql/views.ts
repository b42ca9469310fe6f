/**
 * Views and inline table-valued functions, read through to their base tables.
 * A query block that reads a view gets the view's SELECT merged in: the view's
 * tables become accesses of the block, the block's predicates on view columns
 * are mapped through the view's column list (aliases, `*`, `t.*`) to base
 * columns, and the view's own WHERE and joins come along. A TVF's parameter
 * predicates are its own WHERE on the parameter, so they need nothing special.
 */
import type {
  SqlBlock,
  SqlDialect,
  SqlJoin,
  SqlOutputColumn,
  SqlPredicateLeaf,
  SqlPredicateNode,
  SqlQueryFacts,
  SqlRoutineDef,
  SqlTableAccess,
  SqlTableName,
} from '../core/facts/sql.js';
import type { SchemaCatalog, ViewCatalog, ViewDefinition } from '../core/sqlEstate.js';
import { DEFAULT_SCHEMA, isTransientTable, tableKey } from './names.js';
import { hasColumn } from './schema.js';

/** Views over views deeper than this are not followed (real estates stop at three or four). */
export const MAX_VIEW_DEPTH = 8;
/** A block reading several UNION views multiplies into one block per branch combination; past this, the rest is left out. */
const MAX_EXPANDED_BLOCKS = 16;

export class SqlViews implements ViewCatalog {
  private readonly byKey = new Map<string, ViewDefinition>();
  private readonly byName = new Map<string, string[]>();

  /** The first definition of a key wins (files are read in a stable order). */
  add(routine: SqlRoutineDef, query: SqlQueryFacts, where: { repo: string; file: string }): void {
    if (routine.kind !== 'view' && routine.kind !== 'function') return;
    const key = tableKey(routine.name, query.dialect);
    if (this.byKey.has(key)) return;
    this.byKey.set(key, {
      key,
      name: routine.name,
      kind: routine.kind,
      ...where,
      line: routine.line,
      branches: query.parsed ? query.blocks.filter((b) => b.outputs !== undefined) : [],
    });
    const name = routine.name.name.toLowerCase();
    this.byName.set(name, [...(this.byName.get(name) ?? []), key]);
  }

  resolve(name: SqlTableName, dialect: SqlDialect): ViewDefinition | undefined {
    const exact = this.byKey.get(tableKey(name, dialect));
    if (exact) return exact;
    if (name.schema && name.schema.toLowerCase() !== DEFAULT_SCHEMA[dialect]) return undefined;
    const keys = this.byName.get(name.name.toLowerCase()) ?? [];
    return keys.length === 1 ? this.byKey.get(keys[0]!) : undefined;
  }

  get size(): number {
    return this.byKey.size;
  }
}

/** Why a query (or part of it) could not be judged through the views it reads. */
export type ViewReadGap = 'view-not-found';

export interface ExpandedBlock {
  block: SqlBlock;
  /** Per access of `block`: the view (or function) the reading query names that it was reached through. */
  via: (ViewDefinition | undefined)[];
  /** Per access of `block`: the view whose definition reads it (the innermost one). */
  source: (ViewDefinition | undefined)[];
}

export interface ExpandedQuery {
  blocks: ExpandedBlock[];
  /** Whether any block reads a view or table-valued function that was found and read. */
  readsViews: boolean;
  /** Set when a view or function it reads has no readable definition. */
  notJudged?: ViewReadGap;
}

/** Every block of a query with the views it reads merged in. Blocks without views come back as they are. */
export function expandQuery(query: SqlQueryFacts, schema: SchemaCatalog, views: ViewCatalog): ExpandedQuery {
  const outcome: ExpandedQuery = { blocks: [], readsViews: false };
  for (const block of query.blocks) {
    const state: Expansion = { schema, views, dialect: query.dialect, readsViews: false, missing: false };
    const start: Working = {
      block,
      lineage: block.accesses.map(() => []),
      via: block.accesses.map(() => undefined),
      source: block.accesses.map(() => undefined),
      reached: new Set(block.accesses.map((_, i) => i)),
    };
    for (const working of expand(start, 0, state)) outcome.blocks.push(finish(working));
    if (state.readsViews) outcome.readsViews = true;
    if (state.missing) outcome.notJudged = 'view-not-found';
  }
  return outcome;
}

interface Expansion {
  schema: SchemaCatalog;
  views: ViewCatalog;
  dialect: SqlDialect;
  readsViews: boolean;
  missing: boolean;
}

interface Working {
  block: SqlBlock;
  /** Per access: the keys of the views it was reached through (cycle guard and depth). */
  lineage: string[][];
  /** Per access: the outermost view it was reached through, and the innermost, whose definition reads it. */
  via: (ViewDefinition | undefined)[];
  source: (ViewDefinition | undefined)[];
  /** Accesses some predicate, join or sort of the reading query reaches. */
  reached: Set<number>;
}

function finish(working: Working): ExpandedBlock {
  return { block: working.block, via: working.via, source: working.source };
}

/** Expands the first view access at or after `from`, then the rest, branch by branch. */
function expand(working: Working, from: number, state: Expansion): Working[] {
  const { accesses } = working.block;
  for (let i = from; i < accesses.length; i++) {
    const access = accesses[i]!;
    if (isTransientTable(access.table)) continue; // `sys.dm_db_stats_properties(…)`, table variables: no views
    if (state.schema.resolve(access.table, state.dialect)) continue; // a table of that name wins
    const view = state.views.resolve(access.table, state.dialect);
    if (!view || view.branches.length === 0) {
      // A function call, or a routine we know of but could not read: the reading query is not fully judged.
      if (access.call || view) state.missing = true;
      continue;
    }
    state.readsViews = true;
    const lineage = working.lineage[i]!;
    if (lineage.includes(view.key) || lineage.length >= MAX_VIEW_DEPTH) continue;
    if (!working.reached.has(i)) continue; // nothing of the reading query reaches it: the view's own query judges it
    const expanded: Working[] = [];
    for (const branch of view.branches) {
      for (const next of expand(merge(working, i, view, branch, state), i + 1, state)) {
        if (expanded.length >= MAX_EXPANDED_BLOCKS) return expanded;
        expanded.push(next);
      }
    }
    return expanded;
  }
  return [working];
}

/** What a view column is, in the merged block: a base column of one access, or not traceable. */
type Target = { access?: number; column: string } | undefined;

/** The block with view access `index` read through `branch` of its definition. */
function merge(working: Working, index: number, view: ViewDefinition, branch: SqlBlock, state: Expansion): Working {
  const outer = working.block;
  const offset = outer.accesses.length;
  const base = branch.accesses.map((a) => ({
    ...a,
    orderBy: [...a.orderBy],
    groupBy: [...a.groupBy],
    ...(a.joinColumns ? { joinColumns: [...a.joinColumns] } : {}),
  }));
  const accesses = [...outer.accesses, ...base];
  const lineage = [...working.lineage, ...base.map(() => [...working.lineage[index]!, view.key])];
  const via = [...working.via, ...base.map(() => working.via[index] ?? view)];
  const source = [...working.source, ...base.map(() => view)];
  const reached = new Set(working.reached);
  const target = (name: string): Target => {
    const found = traceColumn(name, branch.outputs ?? [], branch.accesses, state);
    if (found?.access !== undefined) {
      reached.add(found.access + offset);
      return { access: found.access + offset, column: found.column };
    }
    return found;
  };
  const viewAccess = outer.accesses[index]!;
  for (const column of viewAccess.joinColumns ?? []) {
    const to = target(column);
    if (to?.access !== undefined) {
      const joined = accesses[to.access]!;
      joined.joinColumns = [...new Set([...(joined.joinColumns ?? []), to.column])];
    }
  }
  for (const key of ['orderBy', 'groupBy'] as const) {
    for (const column of viewAccess[key]) {
      const to = target(column);
      if (to?.access !== undefined && !accesses[to.access]![key].includes(to.column))
        accesses[to.access]![key].push(to.column);
    }
  }
  const mapped = outer.where ? mapLeaves(outer.where, index, target) : undefined;
  const own = branch.where ? shiftLeaves(branch.where, offset) : undefined;
  const where = conjunction(mapped, own);
  const baseIndexes = base.map((_, i) => i + offset);
  const joins: SqlJoin[] = [
    // A join on the view joins its base tables.
    ...(outer.joins ?? []).map((join) => ({
      ...join,
      accesses: join.accesses.flatMap((a) => (a === index ? [a, ...baseIndexes] : [a])),
      ...(join.on ? { on: mapLeaves(join.on, index, target) } : {}),
    })),
    ...(branch.joins ?? []).map((join) => ({
      ...join,
      accesses: join.accesses.map((a) => a + offset),
      ...(join.on ? { on: shiftLeaves(join.on, offset) } : {}),
    })),
  ];
  const block: SqlBlock = {
    accesses,
    ...(where ? { where } : {}),
    ...(joins.length > 0 ? { joins } : {}),
    ...(outer.limited ? { limited: true as const } : {}),
    ...(outer.orderBy
      ? {
          orderBy: outer.orderBy.map((o) => {
            if (o.access !== index) return o;
            const to = target(o.column);
            return to?.access !== undefined
              ? { access: to.access, column: to.column }
              : { access: -1, column: o.column };
          }),
        }
      : {}),
    ...(outer.recompiled ? { recompiled: true as const } : {}),
    ...(outer.line !== undefined ? { line: outer.line } : {}),
  };
  return { block, lineage, via, source, reached };
}

/**
 * A view column → the base column behind it: a named output (`t.X AS Y`), or a
 * column of the table a `*` / `t.*` spreads. Computed outputs are not traced.
 */
function traceColumn(
  name: string,
  outputs: readonly SqlOutputColumn[],
  accesses: readonly SqlTableAccess[],
  state: Expansion,
  depth = 0,
): Target {
  const wanted = name.toLowerCase();
  const named = outputs.find((o) => o.name?.toLowerCase() === wanted);
  if (named) {
    if (!named.column) return undefined;
    if (named.access !== undefined) return { access: named.access, column: named.column };
    // Unqualified in a view over several tables: the one of them that has the column.
    const owners = accesses.flatMap((a, i) => (holdsColumn(a, named.column!, state, depth) ? [i] : []));
    return owners.length === 1 ? { access: owners[0]!, column: named.column } : { column: named.column };
  }
  for (const output of outputs) {
    if (!output.star) continue;
    const candidates = output.access !== undefined ? [output.access] : accesses.map((_, i) => i);
    const owners = candidates.filter((i) => holdsColumn(accesses[i]!, name, state, depth));
    if (owners.length === 1) return { access: owners[0]!, column: name };
    if (candidates.length === 1) return { access: candidates[0]!, column: name };
  }
  return undefined;
}

/** Whether an access's table has the column; a nested view is asked for its column list. */
function holdsColumn(access: SqlTableAccess, column: string, state: Expansion, depth: number): boolean {
  const table = state.schema.resolve(access.table, state.dialect);
  if (table) return hasColumn(table, column);
  if (depth >= MAX_VIEW_DEPTH) return false; // also ends a cycle of views
  const view = state.views.resolve(access.table, state.dialect);
  const branch = view?.branches[0];
  return (
    branch !== undefined && traceColumn(column, branch.outputs ?? [], branch.accesses, state, depth + 1) !== undefined
  );
}

/** Leaves (and peers) on the view access move to the base column; untraceable ones stay on the view, unjudged. */
function mapLeaves(node: SqlPredicateNode, index: number, target: (name: string) => Target): SqlPredicateNode {
  if (node.kind !== 'leaf') return { kind: node.kind, items: node.items.map((n) => mapLeaves(n, index, target)) };
  const leaf: SqlPredicateLeaf = { ...node };
  const peer = node.peer;
  if (typeof peer === 'object' && peer.access === index) {
    const to = target(peer.column);
    leaf.peer =
      to?.access !== undefined ? { access: to.access, column: to.column } : { column: to?.column ?? peer.column };
  }
  if (node.access !== index) return leaf;
  const to = target(node.column);
  if (!to) return leaf;
  leaf.column = to.column;
  if (to.access === undefined) delete leaf.access;
  else leaf.access = to.access;
  return leaf;
}

function shiftLeaves(node: SqlPredicateNode, offset: number): SqlPredicateNode {
  if (node.kind !== 'leaf') return { kind: node.kind, items: node.items.map((n) => shiftLeaves(n, offset)) };
  const leaf: SqlPredicateLeaf = node.access === undefined ? { ...node } : { ...node, access: node.access + offset };
  const peer = node.peer;
  if (typeof peer === 'object' && peer.access !== undefined)
    leaf.peer = { access: peer.access + offset, column: peer.column };
  return leaf;
}

function conjunction(...nodes: (SqlPredicateNode | undefined)[]): SqlPredicateNode | undefined {
  const present = nodes.filter((n): n is SqlPredicateNode => n !== undefined);
  if (present.length <= 1) return present[0];
  return { kind: 'and', items: present.flatMap((n) => (n.kind === 'and' ? n.items : [n])) };
}

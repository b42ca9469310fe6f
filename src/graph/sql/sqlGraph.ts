/**
 * The SQL layer of the graph: `table` nodes (each database's schema tables, and
 * tables queries name that no schema defines, `data.known: false`), `procedure` nodes (stored
 * procedures, views, functions, triggers of .sql files; a query reading a view
 * reads its `procedure` node), and `reads`/`writes`
 * edges from whatever issues a query — the C# type when known, the routine for
 * statements inside one, else the file — plus `executes` edges to procedures.
 */
import { fileId, procedureId, tableId, typeId } from '../../core/ids.js';
import type { EstateGraph } from '../../core/graph.js';
import type { SqlDatabaseFamily } from '../../core/facts/sql.js';
import type { SqlDatabase } from '../../core/sqlEstate.js';
import { routineNamed, type LocatedQuery, type SqlEstate } from '../../sql/estate.js';
import { displayName, isTransientTable, tableKey } from '../../sql/names.js';

export function addSqlGraph(graph: EstateGraph, estate: SqlEstate): void {
  for (const database of estate.schemas) addSchemaTables(graph, database);
  for (const routine of estate.routines) {
    if (routine.superseded) continue; // its latest definition is the node
    const id = procedureId(routine.key);
    graph.addNode({
      id,
      kind: 'procedure',
      name: displayName(routine.routine.name),
      repo: routine.repo,
      path: routine.file,
      data: { routineKind: routine.routine.kind, line: routine.routine.line },
    });
    graph.addEdge(fileId(routine.repo, routine.file), id, 'contains');
  }
  const owners = ownerResolver(graph);
  for (const located of estate.queries) {
    if (located.superseded) continue;
    const owner = owners(located);
    const database = estate.databaseFor(located);
    for (const block of located.query.blocks) {
      for (const access of block.accesses) {
        if (isTransientTable(access.table)) continue;
        const resolved = database?.schema.resolve(access.table, located.query.dialect);
        const key = resolved?.key ?? tableKey(access.table, located.query.dialect);
        const view = resolved ? undefined : routineNamed(estate, key);
        const id = view ? procedureId(view.key) : tableId(tableNodeKey(database?.family ?? located.family, key));
        if (!graph.hasNode(id))
          graph.addNode({ id, kind: 'table', name: displayName(access.table), data: { known: false } });
        graph.addEdge(owner, id, access.mode === 'write' ? 'writes' : 'reads');
      }
    }
    for (const executed of located.query.executes ?? []) {
      const id = procedureId(tableKey(executed));
      if (graph.hasNode(id)) graph.addEdge(owner, id, 'executes');
    }
  }
}

/**
 * A table node's key: SQL Server's tables keep the bare `<schema>.<name>`; other
 * families' are prefixed (`postgresql:public.users`), so the same table in a
 * MySQL and a SQL Server database are two nodes.
 */
export function tableNodeKey(family: SqlDatabaseFamily, key: string): string {
  return family === 'transactsql' ? key : `${family}:${key}`;
}

function addSchemaTables(graph: EstateGraph, database: SqlDatabase): void {
  for (const table of database.schema.tables.values()) {
    const first = table.sources[0];
    graph.addNode({
      id: tableId(tableNodeKey(database.family, table.key)),
      kind: 'table',
      name: displayName(table.table),
      ...(first ? { repo: first.repo, path: first.file } : {}),
      data: {
        known: true,
        columns: table.columns.size,
        indexes: table.indexes.map((i) => ({
          kind: i.kind,
          columns: i.columns,
          ...(i.name ? { name: i.name } : {}),
          ...(i.include.length > 0 ? { include: i.include } : {}),
          ...(i.filter ? { filter: i.filter } : {}),
        })),
        sources: table.sources.map((s) => ({ repo: s.repo, file: s.file, line: s.line, source: s.source })),
      },
    });
  }
}

/** The node that issues a query: its routine, its C# type (project-qualified when the name is declared twice), or its file. */
function ownerResolver(graph: EstateGraph): (query: LocatedQuery) => string {
  const typesByName = new Map<string, { id: string; repo?: string }[]>();
  for (const node of graph.nodesOfKind('type'))
    typesByName.set(node.name, [
      ...(typesByName.get(node.name) ?? []),
      { id: node.id, ...(node.repo ? { repo: node.repo } : {}) },
    ]);
  return ({ repo, file, query }) => {
    if (query.routine) {
      const id = procedureId(tableKey({ ...splitName(query.routine) }));
      if (graph.hasNode(id)) return id;
    }
    if (query.ownerType) {
      if (graph.hasNode(typeId(query.ownerType))) return typeId(query.ownerType);
      const candidates = (typesByName.get(query.ownerType) ?? []).filter((c) => c.repo === repo);
      if (candidates.length > 0) return candidates[0]!.id;
    }
    return fileId(repo, file);
  };
}

function splitName(name: string): { schema?: string; name: string } {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? { name } : { schema: name.slice(0, dot), name: name.slice(dot + 1) };
}

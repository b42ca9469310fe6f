/**
 * EF LINQ chains (C# facts) → queries in the shape SQL text is read into, so
 * the SQL analyzers judge them unchanged (api `ef-linq`). A chain is a query
 * when its source is a `DbSet` property of a context (`db.Orders`), a
 * `Set<T>()`, a field/parameter/local declared `DbSet<T>`/`IQueryable<T>`,
 * or a local holding such a query built earlier in the same member (`var q =
 * db.Orders.Where(…); … q.OrderBy(…).ToList()`, read as one query). A chain
 * on a declared `List<T>`, an array or results already loaded is not.
 * Operators are read up to where the rows reach memory (`ToList`,
 * `AsEnumerable`, …); what follows runs in memory, and a filter or count there
 * over a whole table is a client-side read (./linqClientSide.ts).
 */
import type { CSharpFileFacts, CSharpLinqChain, CSharpLinqExpression, CSharpLinqStep } from '../../core/facts.js';
import type { SqlBlock, SqlQueryFacts } from '../../core/facts/sql.js';
import type { ExtractedFile, RepoModel } from '../../core/model.js';
import type { LinqClientSideRead, LinqCoverage, LocatedQuery } from '../../core/sqlEstate.js';
import { fingerprint } from '../../core/fingerprint.js';
import type { SqlDatabaseFamily, SqlTableName } from '../../core/facts/sql.js';
import { queryRole } from '../roles.js';
import { EntityMap, type EntityMapping } from './entityMap.js';
import { clientSideReads, isMaterialiser } from './linqClientSide.js';
import { join, lambdaPredicate, type QueryBuild } from './linqPredicates.js';
import { readSource, type Source } from './linqSources.js';

const FILTERS =
  /^(?:Where|First|FirstOrDefault|Single|SingleOrDefault|Last|LastOrDefault|Any|Count|LongCount)(?:Async)?$/;
const ORDERINGS = /^(?:OrderBy|OrderByDescending|ThenBy|ThenByDescending)$/;
/** Steps after which the rows are no longer the entity's: predicates past them are not columns of its table. */
const RESHAPING = /^(?:Select|SelectMany|GroupJoin|Union|Concat|Except|Intersect|Zip)$/;

/** What the estate's LINQ reading gives: queries to judge, their coverage, and client-side reads. */
export interface LinqQueries {
  queries: LocatedQuery[];
  coverage: LinqCoverage;
  clientSide: LinqClientSideRead[];
}

/** `familyOf(tables)`: the database family whose schema holds the query's tables (SQL Server when none does). */
export function readLinqQueries(
  repos: readonly RepoModel[],
  familyOf: (tables: readonly SqlTableName[]) => SqlDatabaseFamily,
): LinqQueries {
  const map = new EntityMap(repos);
  const result: LinqQueries = {
    queries: [],
    coverage: { queries: 0, mapped: 0, notMapped: {}, inMemory: 0 },
    clientSide: [],
  };
  for (const repo of repos) {
    for (const file of repo.files) {
      const facts = file.facts;
      if (facts?.kind !== 'csharp' || !facts.linq || facts.linq.chains.length === 0) continue;
      readFile(repo.name, file, facts, map, familyOf, result);
    }
  }
  return result;
}

function readFile(
  repo: string,
  file: ExtractedFile,
  facts: CSharpFileFacts,
  map: EntityMap,
  familyOf: (tables: readonly SqlTableName[]) => SqlDatabaseFamily,
  result: LinqQueries,
): void {
  const linq = facts.linq!;
  const sources = new Map<CSharpLinqChain, Source>();
  for (const chain of linq.chains) {
    const source = readSource(chain, linq, map, sources);
    if (source) sources.set(chain, source);
  }
  // A query kept in a local and built on later is read with its continuation, not on its own.
  const continued = new Set([...sources.values()].flatMap((s) => (s.kind === 'query' && s.from ? [s.from] : [])));
  let index = 0;
  for (const chain of linq.chains) {
    const source = sources.get(chain);
    if (!source) continue;
    result.clientSide.push(...clientSideReads(repo, file.path, chain, source, sources));
    if (source.kind === 'memory') {
      result.coverage.inMemory++;
      continue;
    }
    if (source.kind === 'unmapped') {
      count(result.coverage, source.reason);
      continue;
    }
    if (source.kind !== 'query' || continued.has(chain)) continue;
    const read = readQuery(chain, source, map);
    if (!read) continue;
    result.coverage.queries++;
    if (read.unmapped.size === 0) result.coverage.mapped++;
    for (const reason of read.unmapped) count(result.coverage, reason);
    const query = read.query;
    result.queries.push({
      key: fingerprint(repo, file.path, 'ef-linq', String(index++), query.text),
      repo,
      file: file.path,
      query,
      role: queryRole(file, query),
      family: familyOf(query.blocks.flatMap((block) => block.accesses.map((access) => access.table))),
    });
  }
}

function count(coverage: LinqCoverage, reason: string): void {
  coverage.notMapped[reason] = (coverage.notMapped[reason] ?? 0) + 1;
}

/** The chain's steps from its source on, those of the locals it continues first. */
export function stepsOf(source: Extract<Source, { kind: 'query' }>, chain: CSharpLinqChain): CSharpLinqStep[] {
  return [...source.before, ...chain.steps.slice(source.start)];
}

/** Operators EF translates into `TOP`/`OFFSET … FETCH`. */
const LIMITS = /^(?:Take|Skip|First|FirstOrDefault|Single|SingleOrDefault|Last|LastOrDefault)(?:Async)?$/;

function readQuery(
  chain: CSharpLinqChain,
  source: Extract<Source, { kind: 'query' }>,
  map: EntityMap,
): { query: SqlQueryFacts; unmapped: Set<string> } | undefined {
  const build: QueryBuild = {
    map,
    accesses: [{ table: source.entity.table, alias: '0', mode: 'read', orderBy: [], groupBy: [] }],
    entities: [source.entity],
    unmapped: new Set(),
  };
  const where: NonNullable<SqlBlock['where']>[] = [];
  const ranges = new Map<string, number>();
  let reshaped = false;
  let limited = false;
  for (const step of stepsOf(source, chain)) {
    if (LIMITS.test(step.name)) limited = true;
    if (isMaterialiser(step.name)) break; // the rest runs in memory
    if (RESHAPING.test(step.name)) reshaped = true;
    if (reshaped) continue;
    const lambda = step.arguments?.[0];
    if (FILTERS.test(step.name)) {
      const found = lambdaPredicate(lambda, build, ranges);
      if (found) where.push(found);
    } else if (ORDERINGS.test(step.name) || step.name === 'GroupBy') {
      const column = orderingColumn(lambda, source.entity, map);
      const access = build.accesses[0]!;
      if (column) (step.name === 'GroupBy' ? access.groupBy : access.orderBy).push(column);
    } else if (step.name === 'Find' || step.name === 'FindAsync') {
      where.push(...keyLookup(source.entity, step));
    } else if (step.name === 'Include' || step.name === 'ThenInclude') {
      include(build, step);
    } else if (step.name === 'Join') {
      joinSource(build, step, map, ranges);
      // Method syntax: the result selector's pairs follow, not the entity's rows.
      if ((step.arguments?.length ?? 0) > 3) reshaped = true;
    }
  }
  // `ExecuteDelete()`/`ExecuteUpdate(…)` (EF Core 7): a DELETE or UPDATE of the filtered rows.
  if (stepsOf(source, chain).some((s) => /^Execute(?:Delete|Update)(?:Async)?$/.test(s.name)))
    build.accesses[0]!.mode = 'write';
  const block: SqlBlock = { accesses: build.accesses };
  // Take/Skip/First become TOP/OFFSET: a read in an index's order stops after the first rows.
  if (limited) block.limited = true;
  const ordered = build.accesses[0]!.orderBy;
  if (ordered.length > 0) block.orderBy = ordered.map((column) => ({ access: 0, column }));
  if (where.length === 1) block.where = where[0]!;
  else if (where.length > 1)
    block.where = { kind: 'and', items: where.flatMap((w) => (w.kind === 'and' ? w.items : [w])) };
  for (const access of build.accesses) if (access.alias !== undefined && /^\d/.test(access.alias)) delete access.alias;
  const query: SqlQueryFacts = {
    text: chain.text,
    dialect: 'transactsql',
    dynamic: false,
    line: chain.line,
    column: chain.column,
    api: 'ef-linq',
    blocks: [block],
    selectStar: false,
    parsed: true,
    ...(chain.ownerType ? { ownerType: chain.ownerType } : {}),
  };
  return { query, unmapped: build.unmapped };
}

/**
 * `OrderBy(c => c.Name)` → the column, when the key is a plain member of the
 * entity through `parameter` (the lambda's first, or a query's range variable).
 */
function orderingColumn(
  lambda: CSharpLinqExpression | undefined,
  entity: EntityMapping,
  map: EntityMap,
  parameter = lambda?.kind === 'lambda' ? lambda.parameters[0] : undefined,
): string | undefined {
  if (lambda?.kind !== 'lambda' || lambda.body?.kind !== 'member') return undefined;
  const [root, property, ...rest] = lambda.body.path;
  if (root !== parameter || property === undefined || rest.length > 0) return undefined;
  return map.hasProperty(entity, property) ? map.column(entity, property) : undefined;
}

/** `Find(id)`: equality on each key column, in order. */
function keyLookup(entity: EntityMapping, step: CSharpLinqStep): NonNullable<SqlBlock['where']>[] {
  const args = step.arguments ?? [];
  return entity.key.slice(0, Math.max(args.length, 1)).map((column) => ({
    kind: 'leaf' as const,
    access: 0,
    column,
    op: 'eq' as const,
    valueKind: 'parameter' as const,
    text: `${step.name}(${column})`,
  }));
}

/** `Include(o => o.Buyer)`, `Include("Items")`, `Include(o => o.Items).ThenInclude(i => i.Product)`: joins along foreign keys. */
function include(build: QueryBuild, step: CSharpLinqStep): void {
  const [argument] = step.arguments ?? [];
  let path: string[] | undefined;
  if (argument?.kind === 'string') path = argument.text.split('.');
  else if (argument?.kind === 'lambda' && argument.body?.kind === 'member') path = argument.body.path.slice(1);
  if (!path || path.length === 0) return;
  // ThenInclude continues from the access the previous Include reached.
  let from = step.name === 'ThenInclude' ? build.accesses.length - 1 : 0;
  for (const name of path) {
    const entity = build.entities[from]!;
    const navigation = build.map.navigation(entity, name);
    // `Include(o => o.Address)` of an owned type: its columns are in the owner's table, nothing to join.
    if (!navigation && build.map.isOwnedType(entity, name)) return;
    if (!navigation) {
      build.unmapped.add('unknown-member');
      return;
    }
    const column = navigation.kind === 'reference' ? (navigation.target.key[0] ?? 'Id') : navigation.foreignKey;
    from = join(build, from, name, navigation.target, column);
  }
}

/**
 * `Join(db.Brands, c => c.BrandId, b => b.Id, …)` or query syntax's `join b in
 * db.Brands on c.BrandId equals b.Id`: the inner set joined on its key
 * selector's column; a query's range variable (`b`) then ranges over it.
 */
function joinSource(build: QueryBuild, step: CSharpLinqStep, map: EntityMap, ranges: Map<string, number>): void {
  const [inner, , innerKey] = step.arguments ?? [];
  if (inner?.kind !== 'member') return;
  const entity = map.entityOfSet(inner.path[inner.path.length - 1]!);
  if (!entity) return;
  const variable = innerKey?.kind === 'lambda' ? innerKey.parameters[innerKey.parameters.length - 1] : undefined;
  const column = orderingColumn(innerKey, entity, map, variable) ?? entity.key[0] ?? 'Id';
  const access = join(build, 0, `join:${inner.path.join('.')}`, entity, column);
  if (variable !== undefined) ranges.set(variable, access);
}

/**
 * Reads that bring more rows into memory than the code uses, visible in one
 * member: a whole table loaded (`ToList()`, `AsEnumerable()`, `ToArray()`
 * before any filter) then filtered or counted in memory, in the same chain or
 * through the local it was loaded into; a query, or an explicit navigation
 * load, run in the body of a loop (one round trip per iteration: N+1).
 */
import type { CSharpLinqChain, CSharpLinqStep } from '../../core/facts.js';
import type { LinqClientSideRead } from '../../core/sqlEstate.js';
import type { Source } from './linqSources.js';

/** The calls that run the query and bring its rows into memory. */
const MATERIALISERS = new Set([
  'ToList',
  'ToListAsync',
  'ToArray',
  'ToArrayAsync',
  'AsEnumerable',
  'AsAsyncEnumerable',
  'ToDictionary',
  'ToDictionaryAsync',
  'ToLookup',
  'ToHashSet',
  'ToHashSetAsync',
]);
/** Calls that run the query for one row or a scalar. */
const SINGLE_RESULT =
  /^(?:First|FirstOrDefault|Single|SingleOrDefault|Last|LastOrDefault|Any|All|Count|LongCount|Sum|Min|Max|Average|Find|Contains|ElementAt|ElementAtOrDefault|Load)(?:Async)?$/;
/** Operators that narrow the rows (with a predicate, a join, or a limit). */
const NARROWING =
  /^(?:Where|First|FirstOrDefault|Single|SingleOrDefault|Last|LastOrDefault|Any|All|Count|LongCount|Find|Take|Skip|TakeWhile|SkipWhile|Join|GroupJoin|SelectMany|Distinct)(?:Async)?$/;
/** Loads that build a lookup on purpose (`ToDictionary` then `dict[key]` is the fix for N+1, not a fault). */
const LOOKUPS = /^(?:ToDictionary|ToDictionaryAsync|ToLookup)$/;
/** After the load, a lookup is built from the rows: what follows reads the lookup. */
const RESHAPING_AFTER = /^(?:ToDictionary|ToLookup)$/;
const COUNTS = /^(?:Count|LongCount|Any)$/;

export function isMaterialiser(name: string): boolean {
  return MATERIALISERS.has(name);
}

/** Whether the step runs the query (a materialiser or a single-result operator). */
export function runsQuery(name: string): boolean {
  return MATERIALISERS.has(name) || SINGLE_RESULT.test(name);
}

export function clientSideReads(
  repo: string,
  file: string,
  chain: CSharpLinqChain,
  source: Source,
  sources: ReadonlyMap<CSharpLinqChain, Source>,
): LinqClientSideRead[] {
  const at = (kind: LinqClientSideRead['kind'], operator: string, extra: Partial<LinqClientSideRead> = {}) =>
    located(repo, file, chain, kind, operator, extra);
  if (source.kind === 'load') {
    const load = chain.steps.find((s) => s.name === 'Load' || s.name === 'LoadAsync');
    return chain.inLoop && load ? [at('load-in-loop', load.name)] : [];
  }
  if (source.kind === 'memory') {
    const loaded = source.loadedBy;
    if (!loaded || loaded.chain.iterated) return [];
    const loadedSteps = [...loaded.source.before, ...loaded.chain.steps.slice(loaded.source.start)];
    const cut = loadedSteps.findIndex((s) => isMaterialiser(s.name));
    if (!loadsWholeTable(loadedSteps) || loadedSteps.slice(cut + 1).some((s) => RESHAPING_AFTER.test(s.name)))
      return [];
    const use = inMemoryUse(chain.steps);
    if (!use) return [];
    return [
      at(use.kind, use.operator, {
        materialiser: materialiserIn(loaded.chain.steps) ?? '',
        loadedAt: { line: loaded.chain.line, column: loaded.chain.column },
        table: loaded.source.entity.table,
      }),
    ];
  }
  if (source.kind !== 'query') return [];
  const steps = [...source.before, ...chain.steps.slice(source.start)];
  const reads: LinqClientSideRead[] = [];
  const cut = steps.findIndex((s) => isMaterialiser(s.name));
  if (cut >= 0 && loadsWholeTable(steps.slice(0, cut + 1))) {
    const use = inMemoryUse(steps.slice(cut + 1));
    if (use) reads.push(at(use.kind, use.operator, { materialiser: steps[cut]!.name, table: source.entity.table }));
  }
  const run = steps.find((s) => runsQuery(s.name));
  if (chain.inLoop && (run || chain.iterated) && !continuedLater(chain, sources))
    reads.push(at('query-in-loop', run?.name ?? 'foreach', { table: source.entity.table }));
  return reads;
}

/** A query kept in a local and run by a later chain is judged where it runs. */
function continuedLater(chain: CSharpLinqChain, sources: ReadonlyMap<CSharpLinqChain, Source>): boolean {
  for (const source of sources.values()) if (source.kind === 'query' && source.from === chain) return true;
  return false;
}

/** Steps up to and including the materialiser, none of which narrows the rows. */
function loadsWholeTable(steps: readonly CSharpLinqStep[]): boolean {
  const cut = steps.findIndex((s) => isMaterialiser(s.name));
  return cut >= 0 && !LOOKUPS.test(steps[cut]!.name) && !steps.slice(0, cut).some((s) => NARROWING.test(s.name));
}

/** The first in-memory filter (`Where(…)`, `First(…)`) or count (`Count()`, `.Count`, `Any()`) in the steps. */
function inMemoryUse(
  steps: readonly CSharpLinqStep[],
): { kind: LinqClientSideRead['kind']; operator: string } | undefined {
  for (const step of steps) {
    if (step.arguments === undefined) {
      if (step.name === 'Count' || step.name === 'Length') return { kind: 'count-after-load', operator: step.name };
      continue;
    }
    const predicate = step.arguments[0]?.kind === 'lambda';
    if (predicate && NARROWING.test(step.name)) return { kind: 'filter-after-load', operator: step.name };
    if (!predicate && COUNTS.test(step.name)) return { kind: 'count-after-load', operator: step.name };
    if (/^(?:Select|SelectMany|GroupBy)$/.test(step.name)) return undefined; // reshaped: no longer the table's rows
  }
  return undefined;
}

function materialiserIn(steps: readonly CSharpLinqStep[]): string | undefined {
  return steps.find((s) => isMaterialiser(s.name))?.name;
}

function located(
  repo: string,
  file: string,
  chain: CSharpLinqChain,
  kind: LinqClientSideRead['kind'],
  operator: string,
  extra: Partial<LinqClientSideRead>,
): LinqClientSideRead {
  const read: LinqClientSideRead = {
    kind,
    repo,
    file,
    line: chain.line,
    column: chain.column,
    text: chain.text,
    operator,
  };
  if (extra.materialiser) read.materialiser = extra.materialiser;
  if (extra.loadedAt) read.loadedAt = extra.loadedAt;
  if (extra.table) read.table = extra.table;
  if (chain.ownerType) read.ownerType = chain.ownerType;
  if (chain.ownerMember) read.ownerMember = chain.ownerMember;
  return read;
}

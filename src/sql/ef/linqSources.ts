/**
 * What a LINQ chain runs on, from its root and first steps: a query over an
 * entity's table (a `DbSet` property, `Set<T>()`, a declared
 * `DbSet<T>`/`IQueryable<T>`, or a local holding a query built earlier in the
 * member), rows already in memory (a declared `List<T>`/array, or a local
 * holding loaded results), an explicit navigation load
 * (`Entry(x).Collection(…).Load()`), or nothing known (not recorded).
 */
import type { CSharpLinqChain, CSharpLinqFacts, CSharpLinqStep } from '../../core/facts.js';
import type { EntityMap, EntityMapping } from './entityMap.js';
import { isMaterialiser, runsQuery } from './linqClientSide.js';

export type Source =
  | {
      kind: 'query';
      entity: EntityMapping;
      /** Index of the chain's first step after its source. */
      start: number;
      /** Steps of the query this chain continues (the local's chain, and so on), first to last. */
      before: CSharpLinqStep[];
      /** The chain whose query this one continues. */
      from?: CSharpLinqChain;
    }
  | {
      kind: 'memory';
      /** The chain that loaded the rows into the local this chain runs on, with its source. */
      loadedBy?: { chain: CSharpLinqChain; source: Extract<Source, { kind: 'query' }> };
    }
  | { kind: 'load' }
  | { kind: 'unmapped'; reason: 'generic-entity' | 'unknown-entity' };

/** `T`, `TEntity`: a type parameter by convention, not an entity. */
const TYPE_PARAMETER = /^T([A-Z]\w*)?$/;

/** `earlier`: the sources of the file's chains read so far (chains come in source order). */
export function readSource(
  chain: CSharpLinqChain,
  linq: CSharpLinqFacts,
  map: EntityMap,
  earlier: ReadonlyMap<CSharpLinqChain, Source>,
): Source | undefined {
  const { steps } = chain;
  const firstCall = steps.findIndex((s) => s.arguments !== undefined);
  if (firstCall < 0) return undefined;
  if (isNavigationLoad(steps)) return { kind: 'load' };
  // A local holding an earlier chain's value decides first: a loaded entity's `order.Items` is no `DbSet`.
  if (chain.root !== undefined && chain.root !== 'this') {
    const held = heldBy(chain, chain.root, earlier);
    if (held) return firstCall === 0 || held.kind === 'memory' ? held : undefined;
  }
  const set = steps.findIndex((s, i) => i <= firstCall && s.name === 'Set' && s.arguments !== undefined);
  if (set >= 0) return entitySource(steps[set]!.typeArguments?.[0], map, set + 1);
  const name = firstCall > 0 ? steps[firstCall - 1]!.name : chain.root;
  if (name === undefined || name === 'this') return undefined;
  if (map.entityOfSet(name) && !onContext(chain, firstCall, name, map)) return { kind: 'memory' };
  const declared = declaration(linq, chain, name, firstCall === 0);
  if (declared?.kind === 'memory') return { kind: 'memory' };
  if (declared?.kind === 'query') return entitySource(declared.element, map, firstCall);
  const entity = map.entityOfSet(name);
  return entity ? { kind: 'query', entity, start: firstCall, before: [] } : undefined;
}

/**
 * Whether a `DbSet`-named member is read on a context: `db.Orders` where `db`
 * is declared as a context (or not declared where the reader can see), or
 * `Orders` / `this.Orders` inside the context that declares it — not
 * `basket.OrderLines` on a loaded object or an entity's own `OrderLines`.
 */
function onContext(chain: CSharpLinqChain, firstCall: number, name: string, map: EntityMap): boolean {
  const bare = firstCall === 0 || (firstCall === 1 && chain.root === 'this');
  if (bare) return map.declaresSet(chain.ownerType, name);
  if (firstCall === 1 && chain.rootBound) return false;
  if (firstCall === 1 && chain.rootType !== undefined) return map.isContext(chain.rootType);
  return true;
}

function entitySource(element: string | undefined, map: EntityMap, start: number): Source {
  if (element === undefined || TYPE_PARAMETER.test(element)) return { kind: 'unmapped', reason: 'generic-entity' };
  const entity = map.entity(element);
  return entity ? { kind: 'query', entity, start, before: [] } : { kind: 'unmapped', reason: 'unknown-entity' };
}

/**
 * The latest chain before this one in the same member whose value went into
 * `name`: a query not yet run continues here; loaded rows (a list, an entity,
 * a loop variable) are in memory.
 */
function heldBy(
  chain: CSharpLinqChain,
  name: string,
  earlier: ReadonlyMap<CSharpLinqChain, Source>,
): Source | undefined {
  let held: [CSharpLinqChain, Source] | undefined;
  for (const [candidate, source] of earlier) {
    if (
      candidate !== chain &&
      candidate.assignedTo === name &&
      candidate.ownerType === chain.ownerType &&
      candidate.ownerMember === chain.ownerMember &&
      candidate.line <= chain.line
    )
      held = [candidate, source];
  }
  if (!held) return undefined;
  const [candidate, source] = held;
  if (source.kind !== 'query') return source.kind === 'memory' ? { kind: 'memory' } : undefined;
  const steps = [...source.before, ...candidate.steps.slice(source.start)];
  const materialised = candidate.iterated === true || steps.some((s) => isMaterialiser(s.name) || runsQuery(s.name));
  if (materialised) return { kind: 'memory', loadedBy: { chain: candidate, source } };
  return { kind: 'query', entity: source.entity, start: 0, before: steps, from: candidate };
}

/** A field of the chain's type, or (`local`) a local or parameter of its member, declared as a collection. */
function declaration(linq: CSharpLinqFacts, chain: CSharpLinqChain, name: string, local: boolean) {
  const bare = name.replace(/^@/, '');
  return (
    (local
      ? linq.collections.find(
          (c) => c.name === bare && c.ownerType === chain.ownerType && c.ownerMember === chain.ownerMember,
        )
      : undefined) ??
    linq.collections.find((c) => c.name === bare && c.ownerType === chain.ownerType && c.ownerMember === undefined)
  );
}

/** `db.Entry(order).Collection(o => o.Items).Load()`, `.Reference(…).LoadAsync()`. */
function isNavigationLoad(steps: readonly CSharpLinqStep[]): boolean {
  const names = steps.map((s) => s.name);
  const entry = names.indexOf('Entry');
  return (
    entry >= 0 &&
    (names[entry + 1] === 'Collection' || names[entry + 1] === 'Reference') &&
    (names[entry + 2] === 'Load' || names[entry + 2] === 'LoadAsync')
  );
}

/**
 * Stored-procedure calls whose name the code builds from members:
 * `$"[{Schema}].[{Table}_ReadById]"` with `Schema = "dbo"` and
 * `Table = typeof(T).Name` in a generic base repository. The name is
 * determinable only estate-wide (the members live in a base class of another
 * file, the type argument in each subclass), so this pass runs over every C#
 * file's facts after extraction. A call in a generic type whose name needs a
 * type argument is resolved once per subclass that binds it, owned by that
 * subclass (it inherits the method). A name that cannot be determined is kept
 * as a dynamic query with nothing executed.
 */
import type { CSharpCallSite, CSharpFileFacts, CSharpStringValue } from '../core/facts.js';
import { fingerprint } from '../core/fingerprint.js';
import type { RepoModel } from '../core/model.js';
import type { LocatedQuery } from '../core/sqlEstate.js';

/** A located procedure call before the estate gives it its role and database family. */
export type ProcedureCall = Omit<LocatedQuery, 'role' | 'family'>;
import { analyzeQuery } from './analyzeQuery.js';
import { commandTextOf, isProcedureName, startsLikeSql } from './csharpQueries.js';
import { CSharpTypeTable, type Bindings, type TypeEntry } from './csharpTypeTable.js';

const HOLE = '{…}';
/** Members referring to members: a cycle (`A => B`, `B => A`) or a deep chain stops here. */
const MAX_DEPTH = 8;

interface PendingCall {
  repo: string;
  file: string;
  call: CSharpCallSite;
  value: CSharpStringValue;
  api: string;
}

export function resolveProcedureCalls(repos: readonly RepoModel[]): ProcedureCall[] {
  const pending: PendingCall[] = [];
  const files: { repo: string; facts: CSharpFileFacts }[] = [];
  for (const repo of repos) {
    for (const file of repo.files) {
      if (file.facts?.kind !== 'csharp') continue;
      files.push({ repo: repo.name, facts: file.facts });
      for (const call of file.facts.callSites) {
        const sent = commandTextOf(call, file.facts.stringDeclarations);
        if (!sent?.allowProcedure || !sent.value.dynamic || !sent.value.holes) continue;
        // Dynamic SQL is read per file; a name has no spaces (`ALTER DATABASE {…}` is no procedure).
        if (startsLikeSql(sent.value.text) || /\s/.test(sent.value.text.trim())) continue;
        pending.push({ repo: repo.name, file: file.path, call, value: sent.value, api: sent.api });
      }
    }
  }
  if (pending.length === 0) return [];
  const types = new CSharpTypeTable(files);
  return pending.flatMap((p) => locate(p, types));
}

function locate(pending: PendingCall, types: CSharpTypeTable): ProcedureCall[] {
  const { call, value } = pending;
  const owner = call.ownerType ? types.get(call.ownerType) : undefined;
  const own = owner ? nameIn(value, owner, new Map(), types, owner) : undefined;
  if (own !== undefined) return [located(pending, own, call.ownerType)];
  if (owner?.typeParameters) {
    // Each subclass that binds the type parameters inherits the call with its own name.
    const found = types.descendantsOf(owner).flatMap(({ type, bindings }) => {
      const name = nameIn(value, owner, bindings, types, type);
      return name === undefined ? [] : [located(pending, name, type.fullName)];
    });
    if (found.length > 0) return found;
  }
  return [unresolved(pending)];
}

/**
 * The text with every hole resolved, or undefined. Members are looked up from
 * `from` (the most derived type the call runs in) then its bases; `typeof(T)`
 * in a member of `declaring` reads `bindings`.
 */
function nameIn(
  value: CSharpStringValue,
  declaring: TypeEntry,
  bindings: Bindings,
  types: CSharpTypeTable,
  from: TypeEntry,
  depth = 0,
): string | undefined {
  if (!value.dynamic) return value.text;
  const holes = value.holes;
  const parts = value.text.split(HOLE);
  if (!holes || depth > MAX_DEPTH || parts.length !== holes.length + 1) return undefined;
  let text = parts[0]!;
  for (let i = 0; i < holes.length; i++) {
    const resolved = holeValue(holes[i]!, declaring, bindings, types, from, depth);
    if (resolved === undefined) return undefined;
    text += resolved + parts[i + 1]!;
  }
  return text;
}

function holeValue(
  hole: string,
  declaring: TypeEntry,
  bindings: Bindings,
  types: CSharpTypeTable,
  from: TypeEntry,
  depth: number,
): string | undefined {
  const nameOf = /^nameof\(([\w.]+)\)$/.exec(hole);
  if (nameOf) return lastSegment(nameOf[1]!);
  const typeOf = /^typeof\(([\w.]+)\)\.Name$/.exec(hole);
  if (typeOf) {
    const written = typeOf[1]!;
    const bound = bindings.get(written);
    if (bound !== undefined) return bound.includes('<') ? undefined : lastSegment(bound);
    return declaring.typeParameters?.includes(written) ? undefined : lastSegment(written);
  }
  if (hole === '') return undefined;
  const chain = hole.replace(/^(?:this|base)\./, '');
  const member = chain.includes('.') ? types.staticMember(chain, from) : types.member(from, chain);
  if (!member) return undefined;
  return nameIn(member.declaration.value, member.type, member.bindings, types, from, depth + 1);
}

function located(pending: PendingCall, name: string, ownerType: string | undefined): ProcedureCall {
  const { repo, file, call, value, api } = pending;
  const origin = {
    dialect: 'transactsql' as const,
    api,
    line: value.line,
    column: value.column,
    ...(ownerType ? { ownerType } : {}),
  };
  const query = isProcedureName(name)
    ? analyzeQuery(name, { ...origin, dynamic: false }).query
    : unresolvedQuery(value, origin);
  return {
    key: fingerprint(repo, file, 'procedure-call', `${call.line}:${call.column}`, ownerType ?? ''),
    repo,
    file,
    query,
  };
}

function unresolved(pending: PendingCall): ProcedureCall {
  const { repo, file, call, value, api } = pending;
  const origin = { dialect: 'transactsql' as const, api, line: value.line, column: value.column };
  const query = unresolvedQuery(value, call.ownerType ? { ...origin, ownerType: call.ownerType } : origin);
  return { key: fingerprint(repo, file, 'procedure-call', `${call.line}:${call.column}`, ''), repo, file, query };
}

/** A procedure whose name stays unknown: kept (dynamic, executing nothing known) rather than dropped. */
function unresolvedQuery(
  value: CSharpStringValue,
  origin: { dialect: 'transactsql'; api: string; line: number; column: number; ownerType?: string },
): LocatedQuery['query'] {
  return { text: value.text, ...origin, dynamic: true, blocks: [], selectStar: false, parsed: true };
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

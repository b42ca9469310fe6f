/**
 * C# call-site facts → the SQL queries they send: ADO.NET (`new SqlCommand(…)`,
 * `CommandText = …`), Dapper (`Query*`, `Execute*`), EF raw SQL (`SqlQuery`,
 * `FromSqlRaw`, `ExecuteSqlRaw`, `ExecuteSqlCommand`, migrations' `Sql`). An
 * identifier argument is followed to the string declared in the same member,
 * else the same type, else a constant of that name in the file.
 */
import type {
  CSharpCallSite,
  CSharpFileFacts,
  CSharpStringDeclaration,
  CSharpStringValue,
  ExtractionProblem,
} from '../core/facts.js';
import { analyzeQuery } from './analyzeQuery.js';
import type { SqlQueryFacts } from '../core/facts/sql.js';

const ADO_COMMANDS = new Set([
  'SqlCommand',
  'SqlDataAdapter',
  'OleDbCommand',
  'OdbcCommand',
  'NpgsqlCommand',
  'MySqlCommand',
  'OracleCommand',
  'SqlCeCommand',
  'SQLiteCommand',
  'SqliteCommand',
]);
const DAPPER = new Set([
  'Query',
  'QueryAsync',
  'QueryFirst',
  'QueryFirstAsync',
  'QueryFirstOrDefault',
  'QueryFirstOrDefaultAsync',
  'QuerySingle',
  'QuerySingleAsync',
  'QuerySingleOrDefault',
  'QuerySingleOrDefaultAsync',
  'QueryMultiple',
  'QueryMultipleAsync',
  'QueryUnbufferedAsync',
  'Execute',
  'ExecuteAsync',
  'ExecuteScalar',
  'ExecuteScalarAsync',
  'ExecuteReader',
  'ExecuteReaderAsync',
]);
const EF_RAW = new Set([
  'SqlQuery',
  'SqlQueryRaw',
  'FromSqlRaw',
  'FromSql',
  'ExecuteSqlRaw',
  'ExecuteSqlRawAsync',
  'ExecuteSqlCommand',
  'ExecuteSqlCommandAsync',
  'ExecuteSql',
  'ExecuteSqlAsync',
  'FromSqlInterpolated',
  'ExecuteSqlInterpolated',
  'ExecuteSqlInterpolatedAsync',
  'Sql',
]);
/** EF turns the holes of these interpolated strings into parameters: not dynamic SQL. */
const EF_PARAMETERISING = new Set([
  'FromSqlInterpolated',
  'ExecuteSqlInterpolated',
  'ExecuteSqlInterpolatedAsync',
  'FromSql',
  'SqlQuery',
  'ExecuteSql',
  'ExecuteSqlAsync',
]);

const SQL_START =
  /^\s*(?:;?\s*WITH\b|SELECT\b|INSERT\b|UPDATE\b|DELETE\b|MERGE\b|EXEC(?:UTE)?\b|TRUNCATE\b|IF\s+(?:NOT\s+)?EXISTS\b|DECLARE\b|SET\s+NOCOUNT\b)/i;
const STORED_PROCEDURE = /(?:^|\.)CommandType\.StoredProcedure$/;
const PROCEDURE_NAME = /^\s*(\[[^\]]+\]|[A-Za-z_]\w*)(\.(\[[^\]]+\]|[A-Za-z_]\w*)){0,2}\s*$/;

interface Candidate {
  value: CSharpStringValue;
  api: string;
  ownerType?: string;
  parameterised: boolean;
}

export function extractCSharpQueries(facts: CSharpFileFacts): {
  queries: SqlQueryFacts[];
  problems: ExtractionProblem[];
} {
  const candidates = new Map<string, Candidate>();
  const add = (
    value: CSharpStringValue,
    api: string,
    ownerType: string | undefined,
    parameterised: boolean,
    allowProcedure: boolean,
  ) => {
    // A procedure name the code builds (`$"[{Schema}].[{Table}_Create]"`) is resolved estate-wide (procedureCalls.ts).
    if (!SQL_START.test(value.text) && !(allowProcedure && !value.dynamic && PROCEDURE_NAME.test(value.text))) return;
    const key = `${value.line}:${value.column}`;
    if (!candidates.has(key)) candidates.set(key, { value, api, parameterised, ...(ownerType ? { ownerType } : {}) });
  };
  for (const call of facts.callSites) {
    const sent = commandTextOf(call, facts.stringDeclarations);
    if (sent) add(sent.value, sent.api, call.ownerType, sent.parameterised, sent.allowProcedure);
  }
  for (const declaration of facts.stringDeclarations) {
    if (/(^|\.)CommandText$/.test(declaration.name))
      add(declaration.value, 'ADO.NET CommandText', declaration.ownerType, false, true);
  }
  const queries: SqlQueryFacts[] = [];
  const problems: ExtractionProblem[] = [];
  for (const candidate of [...candidates.values()].sort(
    (a, b) => a.value.line - b.value.line || a.value.column - b.value.column,
  )) {
    const dynamic = candidate.value.dynamic && !candidate.parameterised;
    const analysed = analyzeQuery(candidate.value.text, {
      dialect: 'transactsql',
      api: candidate.api,
      line: candidate.value.line,
      column: candidate.value.column,
      dynamic,
      ...(candidate.ownerType ? { ownerType: candidate.ownerType } : {}),
    });
    queries.push(analysed.query);
    problems.push(...analysed.problems);
  }
  return { queries, problems };
}

export interface CommandText {
  value: CSharpStringValue;
  api: string;
  /** EF turns the holes into parameters. */
  parameterised: boolean;
  /** The text may be a bare procedure name. */
  allowProcedure: boolean;
}

/** The SQL (or procedure name) a call sends: its first (or `sql:`) argument, a literal or a string declared nearby. */
export function commandTextOf(
  call: CSharpCallSite,
  declarations: readonly CSharpStringDeclaration[],
): CommandText | undefined {
  const api = apiOf(call);
  if (!api) return undefined;
  // The SQL is the first argument of every API above (Dapper and EF extension methods included).
  const position = 0;
  const parameterised = EF_PARAMETERISING.has(call.method);
  // ADO.NET command text may be a procedure name on its own; Dapper's only with the command type saying so.
  const allowProcedure = api.startsWith('ADO.NET') || isStoredProcedureCall(call);
  const literal =
    call.strings.find(
      (s) =>
        s.parameter === 'sql' ||
        s.parameter === 'cmdText' ||
        s.parameter === 'commandText' ||
        s.parameter === 'selectCommandText',
    ) ?? call.strings.find((s) => s.index === position && s.parameter === undefined);
  if (literal) return { value: literal.value, api, parameterised, allowProcedure };
  const named =
    call.identifiers.find((i) => i.parameter === 'sql') ??
    call.identifiers.find((i) => i.index === position && i.parameter === undefined);
  const declaration = named ? findDeclaration(declarations, named.identifier, call) : undefined;
  return declaration ? { value: declaration.value, api, parameterised, allowProcedure } : undefined;
}

/** Whether the text is SQL a statement starts (else it may be a procedure name). */
export function startsLikeSql(text: string): boolean {
  return SQL_START.test(text);
}

/** `dbo.X`, `[dbo].[X]`, `X`: a procedure name alone. */
export function isProcedureName(text: string): boolean {
  return PROCEDURE_NAME.test(text);
}

/** `commandType: CommandType.StoredProcedure` (named or positional, `System.Data.` qualified or not). */
export function isStoredProcedureCall(call: CSharpCallSite): boolean {
  return call.identifiers.some((i) => STORED_PROCEDURE.test(i.identifier));
}

function apiOf(call: CSharpCallSite): string | undefined {
  if (call.isConstructor) {
    if (call.method === 'CommandDefinition') return 'Dapper.CommandDefinition';
    return ADO_COMMANDS.has(call.method) ? `ADO.NET ${call.method}` : undefined;
  }
  // `cmd.CommandText = sql` (and `CommandText = …` in an initializer) arrive as setter call sites.
  if (call.method === 'CommandText') return 'ADO.NET CommandText';
  if (call.receiver === undefined && call.method !== 'Sql') return undefined;
  if (DAPPER.has(call.method)) return `Dapper.${call.method}`;
  if (EF_RAW.has(call.method)) {
    if (call.method === 'Sql' && call.receiver !== undefined && !/migrationBuilder$/i.test(call.receiver))
      return undefined;
    return `EF.${call.method}`;
  }
  return undefined;
}

/** The string an identifier names: a local of the same member, a field/const of the same type, a constant of the file. */
function findDeclaration(
  declarations: readonly CSharpStringDeclaration[],
  identifier: string,
  call: CSharpCallSite,
): CSharpStringDeclaration | undefined {
  const last = identifier.slice(identifier.lastIndexOf('.') + 1);
  const qualifier = identifier.includes('.')
    ? identifier.slice(0, identifier.lastIndexOf('.')).replace(/^this\./, '')
    : undefined;
  const named = declarations.filter((d) => d.name === identifier || d.name === last);
  const sameMember = named.filter(
    (d) => d.kind === 'local' && d.ownerType === call.ownerType && d.ownerMember === call.ownerMember,
  );
  if (sameMember.length > 0 && !qualifier) return withAppends(latestBefore(sameMember, call), declarations, call);
  const sameType = named.filter((d) => d.kind !== 'local' && d.kind !== 'assignment' && d.ownerType === call.ownerType);
  if (sameType.length > 0 && (!qualifier || qualifier === 'this')) return sameType[0];
  const typed = named.filter(
    (d) =>
      d.kind !== 'local' &&
      d.kind !== 'assignment' &&
      (!qualifier || d.ownerType === qualifier || d.ownerType?.endsWith(`.${qualifier}`)),
  );
  return typed[0];
}

/**
 * `var sql = "SELECT …"; if (x) sql += " AND …";` — the appended parts join the
 * text (a superset of what runs), and the query is built at run time: dynamic.
 */
function withAppends(
  declaration: CSharpStringDeclaration,
  declarations: readonly CSharpStringDeclaration[],
  call: CSharpCallSite,
): CSharpStringDeclaration {
  const appends = declarations.filter(
    (d) =>
      d.appended &&
      d.name === declaration.name &&
      d.ownerType === call.ownerType &&
      d.ownerMember === call.ownerMember &&
      d.value.line >= declaration.value.line &&
      d.value.line <= call.line,
  );
  if (appends.length === 0) return declaration;
  return {
    ...declaration,
    value: {
      ...declaration.value,
      text: [declaration.value, ...appends.map((a) => a.value)].map((v) => v.text).join(''),
      dynamic: true,
    },
  };
}

/** `var sql = "…"; … sql = "…";` — the last one written before the call. */
function latestBefore(declarations: CSharpStringDeclaration[], call: CSharpCallSite): CSharpStringDeclaration {
  const before = declarations.filter((d) => d.value.line <= call.line);
  return (before.length > 0 ? before : declarations)[before.length > 0 ? before.length - 1 : 0]!;
}

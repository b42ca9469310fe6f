/**
 * One query as the code sends it (a string, possibly several statements) →
 * `SqlQueryFacts`. The real parser reads each statement; what it rejects is
 * sniffed for tables and reported as a problem with the text. Never throws.
 */
import type { DiagnosticCode } from '../core/diagnostics.js';
import type { ExtractionProblem } from '../core/facts.js';
import { collectBlocks } from './blocks.js';
import { tokenize, type Token } from './lexer.js';
import { closingParen } from './parens.js';
import type { SqlDialect, SqlQueryFacts, SqlTableName } from '../core/facts/sql.js';
import { readMerge } from './merge.js';
import { tableNameOf } from './names.js';
import { sniffExecuted, sniffTables } from './sniff.js';
import { neutraliseParameters, parseSql } from './sqlParser.js';
import { splitStatements, type Statement } from './statements.js';

/** Statements longer than this are sniffed, never parsed: the PEG parser's time grows with size. */
export const MAX_PARSED_STATEMENT = 20_000;
const MAX_KEPT_TEXT = 2_000;

export interface QueryOrigin {
  dialect: SqlDialect;
  api: string;
  line: number;
  column: number;
  dynamic: boolean;
  routine?: string;
  ownerType?: string;
}

export interface AnalysedQuery {
  query: SqlQueryFacts;
  problems: ExtractionProblem[];
}

const DML = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'MERGE']);

export function analyzeQuery(text: string, origin: QueryOrigin): AnalysedQuery {
  const problems: ExtractionProblem[] = [];
  const query: SqlQueryFacts = {
    text: normaliseText(text),
    dialect: origin.dialect,
    dynamic: origin.dynamic,
    line: origin.line,
    column: origin.column,
    api: origin.api,
    ...(origin.routine ? { routine: origin.routine } : {}),
    ...(origin.ownerType ? { ownerType: origin.ownerType } : {}),
    blocks: [],
    selectStar: false,
    parsed: true,
  };
  const bare = bareProcedureName(text);
  if (bare) {
    query.executes = [bare];
    return { query, problems };
  }
  for (const statement of splitStatements(text)) addStatement(query, statement, origin, problems);
  return { query, problems };
}

/** Adds one statement's blocks to `query` (routines call this per body statement too), each with its statement's line. */
export function addStatement(
  query: SqlQueryFacts,
  statement: Statement,
  origin: QueryOrigin,
  problems: ExtractionProblem[],
): void {
  const before = query.blocks.length;
  const line = origin.line + statement.line - 1;
  addStatementBlocks(query, statement, origin, problems, line);
  const recompiled = hasRecompileHint(statement.tokens);
  for (const block of query.blocks.slice(before)) {
    if (line !== query.line) block.line = line;
    if (recompiled) block.recompiled = true;
  }
}

/** `OPTION (…, RECOMPILE, …)`: the statement is planned for each call's parameter values. */
function hasRecompileHint(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i]!.value !== 'OPTION' || tokens[i + 1]!.text !== '(') continue;
    const end = closingParen(tokens, i + 1);
    if (tokens.slice(i + 2, end).some((t) => t.value === 'RECOMPILE')) return true;
  }
  return false;
}

function addStatementBlocks(
  query: SqlQueryFacts,
  statement: Statement,
  origin: QueryOrigin,
  problems: ExtractionProblem[],
  line: number,
): void {
  if (statement.keyword === 'EXEC' || statement.keyword === 'EXECUTE') {
    const executed = sniffExecuted(statement.tokens);
    if (executed) query.executes = [...(query.executes ?? []), executed];
    return;
  }
  if (!DML.has(statement.keyword)) return;
  if (statement.keyword === 'UPDATE' && statement.tokens[1]?.value === 'STATISTICS') return;
  const fallback = (reason: string, code: DiagnosticCode) => {
    query.parsed = false;
    query.blocks.push({ accesses: sniffTables(statement.tokens) });
    const severity = origin.dynamic || code !== 'sql-unparsable' ? 'info' : 'warning';
    problems.push({
      code,
      severity,
      line,
      message: `${reason}; tables read from the text only: ${excerpt(statement.text)}`,
    });
  };
  if (isPlainInsert(statement)) {
    // Seed data and migration dumps are mostly INSERT … VALUES: only the target matters, and the parser is the slow part.
    query.blocks.push({ accesses: sniffTables(statement.tokens) });
    return;
  }
  if (statement.text.length > MAX_PARSED_STATEMENT) {
    fallback(`statement of ${statement.text.length} characters not parsed`, 'sql-statement-too-large');
    return;
  }
  if (statement.keyword === 'MERGE') {
    // The grammar has no MERGE (it even reads some as a row of assignments): its own reader, else a known gap.
    const merged = readMerge(statement, origin.dialect);
    if (merged) query.blocks.push(...merged);
    else fallback('MERGE is not supported by the SQL parser', 'sql-unsupported-statement');
    return;
  }
  const parsed = parseSql(neutraliseParameters(statement.text, origin.dialect), origin.dialect);
  if (!parsed.ok && statement.keyword === 'WITH' && addCteWrite(query, statement, origin.dialect)) return;
  if (!parsed.ok) {
    fallback(`SQL not understood (${parsed.error})`, 'sql-unparsable');
    return;
  }
  for (const ast of parsed.statements) {
    const collection = collectBlocks(ast);
    if (collection.selectStar) query.selectStar = true;
    // Temp tables and table variables stay in the blocks (leaves point at them by index); consumers skip them.
    query.blocks.push(...collection.blocks);
  }
}

/**
 * `WITH c AS (…) UPDATE|DELETE|INSERT|MERGE …`: the grammar has CTEs only before SELECT, so
 * the CTEs are parsed ahead of a `SELECT 1` and the write on its own, with the CTE
 * names known so that they are not read as tables. False when either part fails.
 */
function addCteWrite(query: SqlQueryFacts, statement: Statement, dialect: SqlDialect): boolean {
  const split = splitCtes(statement.tokens);
  const keyword = split && statement.tokens[split.main]!.value;
  if (!split || !keyword || !['UPDATE', 'DELETE', 'INSERT', 'MERGE'].includes(keyword)) return false;
  const base = statement.tokens[0]!.start;
  const mainStart = statement.tokens[split.main]!.start - base;
  const ctes = parseSql(neutraliseParameters(`${statement.text.slice(0, mainStart)} SELECT 1`, dialect), dialect);
  const names = new Set(split.names.map((n) => n.toLowerCase()));
  if (keyword === 'MERGE') {
    const tail = {
      ...statement,
      keyword,
      tokens: statement.tokens.slice(split.main),
      text: statement.text.slice(mainStart),
    };
    const merged = readMerge(tail, dialect, names);
    if (!ctes.ok || !merged) return false;
    for (const ast of ctes.statements)
      query.blocks.push(...collectBlocks(ast).blocks.filter((b) => b.accesses.length > 0 || b.where));
    query.blocks.push(...merged);
    return true;
  }
  const main = parseSql(neutraliseParameters(statement.text.slice(mainStart), dialect), dialect);
  if (!ctes.ok || !main.ok) return false;
  for (const ast of ctes.statements)
    query.blocks.push(...collectBlocks(ast).blocks.filter((b) => b.accesses.length > 0 || b.where));
  for (const ast of main.statements) {
    const collection = collectBlocks(ast, { blocks: [], selectStar: false }, names);
    if (collection.selectStar) query.selectStar = true;
    query.blocks.push(...collection.blocks);
  }
  return true;
}

/** `WITH a [(cols)] AS (…), b AS (…) <main>`: the CTE names and the main statement's token index. */
function splitCtes(tokens: readonly Token[]): { names: string[]; main: number } | undefined {
  const names: string[] = [];
  let at = 1;
  while (at < tokens.length) {
    const name = tokens[at];
    if (!name || (name.kind !== 'word' && name.kind !== 'quoted')) return undefined;
    names.push(name.value);
    at++;
    if (tokens[at]?.text === '(') at = closingParen(tokens, at) + 1;
    if (tokens[at]?.value !== 'AS' || tokens[at + 1]?.text !== '(') return undefined;
    at = closingParen(tokens, at + 1) + 1;
    if (tokens[at]?.text !== ',') return at < tokens.length ? { names, main: at } : undefined;
    at++;
  }
  return undefined;
}

/** `INSERT … VALUES` with no SELECT/EXEC: seed data, whose only fact is its target table. */
export function isPlainInsert(statement: Statement): boolean {
  if (statement.keyword !== 'INSERT') return false;
  let values = false;
  for (const token of statement.tokens) {
    if (token.kind !== 'word') continue;
    if (token.value === 'SELECT' || token.value === 'EXEC' || token.value === 'EXECUTE' || token.value === 'OUTPUT')
      return false;
    if (token.value === 'VALUES') values = true;
  }
  return values;
}

/** A command text that is only a (qualified) name is a stored procedure call. */
function bareProcedureName(text: string): SqlTableName | undefined {
  const trimmed = text.trim();
  if (!/^(\[[^\]]+\]|[A-Za-z_][\w]*)(\.(\[[^\]]+\]|[A-Za-z_][\w]*)){0,2}$/.test(trimmed)) return undefined;
  const tokens = tokenize(trimmed);
  if (tokens.length === 1 && tokens[0]!.kind === 'word' && DML.has(tokens[0]!.value)) return undefined;
  return tableNameOf(tokens.filter((t) => t.text !== '.').map((t) => (t.kind === 'quoted' ? t.value : t.text)));
}

export function normaliseText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_KEPT_TEXT ? `${flat.slice(0, MAX_KEPT_TEXT - 1)}…` : flat;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

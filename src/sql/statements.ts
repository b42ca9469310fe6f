/**
 * Splitting SQL scripts: batches on `GO` lines, then statements. T-SQL bodies
 * rarely end statements with `;`, so a statement also ends where the next one
 * visibly starts (a DML/DDL/control keyword at parenthesis depth 0), with the
 * exceptions that keep one statement whole (`INSERT … SELECT`, `UNION SELECT`,
 * `MERGE … THEN UPDATE`, `UPDATE … SET`, `CASE … END`, CTEs).
 */
import { tokenizeFrom, type Token } from './lexer.js';
import { closingParen } from './parens.js';

export interface TextSpan {
  text: string;
  /** Offset of the span in the whole file, and its 1-based line. */
  offset: number;
  line: number;
}

const GO_LINE = /^[ \t]*GO(?:[ \t]+\d+)?[ \t]*(?:--.*)?$/gim;

/** Splits a script into batches at lines holding only `GO` (with an optional count). */
export function splitBatches(text: string): TextSpan[] {
  const batches: TextSpan[] = [];
  let last = 0;
  let line = 1;
  const push = (end: number) => {
    const chunk = text.slice(last, end);
    if (chunk.trim()) batches.push({ text: chunk, offset: last, line });
    line += countNewlines(chunk);
  };
  for (const match of text.matchAll(GO_LINE)) {
    // A GO inside a block comment or string is rare enough in real scripts to accept.
    push(match.index);
    last = match.index + match[0].length;
    // The batch after a GO starts on the next line.
    if (text[last] === '\r') last++;
    if (text[last] === '\n') {
      last++;
      line++;
    }
  }
  push(text.length);
  return batches;
}

export function countNewlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export interface Statement {
  /** Tokens of the statement (no trailing `;`); past `MAX_STATEMENT_TOKENS`, the first ones and the last. */
  tokens: Token[];
  /** How many tokens between the kept ones and the last were dropped (absent when none were). */
  omittedTokens?: number;
  /** First keyword, upper-cased. */
  keyword: string;
  text: string;
  offset: number;
  line: number;
}

const STARTERS = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'WITH',
  'DECLARE',
  'SET',
  'IF',
  'WHILE',
  'BEGIN',
  'END',
  'RETURN',
  'EXEC',
  'EXECUTE',
  'PRINT',
  'RAISERROR',
  'THROW',
  'ELSE',
  'TRUNCATE',
  'COMMIT',
  'ROLLBACK',
  'CREATE',
  'ALTER',
  'DROP',
  'GRANT',
  'DENY',
  'REVOKE',
  'USE',
  'OPEN',
  'FETCH',
  'CLOSE',
  'DEALLOCATE',
  'BREAK',
  'CONTINUE',
  'GOTO',
  'WAITFOR',
]);
const IF_EXISTS_AFTER = new Set([
  'TABLE',
  'INDEX',
  'CONCURRENTLY',
  'VIEW',
  'SCHEMA',
  'PROCEDURE',
  'PROC',
  'FUNCTION',
  'SEQUENCE',
  'TYPE',
  'TRIGGER',
  'DATABASE',
  'EXTENSION',
  'COLUMN',
  'CONSTRAINT',
]);
/** After these, a DML keyword continues the current statement. */
const CONTINUERS = new Set(['UNION', 'ALL', 'EXCEPT', 'INTERSECT', 'THEN', '(', 'NOT', 'EXISTS', 'DISTINCT', 'OR']);

/** Splits `text` (a batch or a routine body) into statements; `base` positions them in the file. */
export function splitStatements(
  text: string,
  base: { offset: number; line: number } = { offset: 0, line: 1 },
): Statement[] {
  const next = tokenStream(text);
  const statements: Statement[] = [];
  let current: Token[] = [];
  let omitted = 0;
  let depth = 0;
  let caseDepth = 0;
  const flush = () => {
    if (current.length > 0) statements.push(toStatement(current, text, base, omitted));
    current = [];
    omitted = 0;
    caseDepth = 0;
  };
  for (let token = next(), following = next(); token; token = following, following = next()) {
    if (token.text === ';' && depth === 0) {
      flush();
      continue;
    }
    if (
      depth === 0 &&
      token.kind === 'word' &&
      STARTERS.has(token.value) &&
      startsNew(current, token, following, caseDepth)
    )
      flush();
    if (token.text === '(') depth++;
    else if (token.text === ')') depth = Math.max(0, depth - 1);
    else if (token.kind === 'word' && token.value === 'CASE') caseDepth++;
    else if (token.kind === 'word' && token.value === 'END' && caseDepth > 0) caseDepth--;
    if (current.length < MAX_STATEMENT_TOKENS) current.push(token);
    else {
      // Past the cap only the last token is kept: it ends the statement's text and is `previous` to startsNew.
      current[current.length - 1] = token;
      omitted++;
    }
  }
  flush();
  return statements;
}

/**
 * Tokens a statement keeps. A seed script's one INSERT of 50 MB is millions of
 * tokens (about 200 bytes each); what is read from a statement is near its start
 * (its kind, its target, its first tables), so past this many the rest is dropped,
 * and the statement says how many were.
 */
export const MAX_STATEMENT_TOKENS = 100_000;

/** The tokens of `text` one at a time, lexed a slice at a time so that no more than a slice is held at once. */
function tokenStream(text: string): () => Token | undefined {
  const at = { offset: 0, line: 1 };
  let slice: Token[] = [];
  let index = 0;
  return () => {
    if (index >= slice.length) {
      if (at.offset >= text.length) return undefined;
      slice = tokenizeFrom(text, at, 4096);
      index = 0;
      if (slice.length === 0) return undefined;
    }
    return slice[index++];
  };
}

const REFERENTIAL_ACTIONS = new Set(['CASCADE', 'NO', 'SET', 'RESTRICT']);

function startsNew(current: readonly Token[], token: Token, next: Token | undefined, caseDepth: number): boolean {
  if (current.length === 0) return false;
  const first = current[0]!.value;
  // `WITH c AS (…) INSERT …` is an INSERT for what may follow (`… (cols) SELECT`).
  const mainAt = first === 'WITH' ? (cteListEnd(current, 1) ?? 0) : 0;
  const main = current[mainAt]?.value ?? first;
  const mainHas = (...values: string[]) => current.some((t, i) => i >= mainAt && values.includes(t.value));
  const previous = current[current.length - 1]!;
  const word = token.value;
  if (caseDepth > 0) return false; // ELSE/END inside CASE belong to the expression
  // `GRANT SELECT, UPDATE ON …` names permissions, not statements.
  if (first === 'GRANT' || first === 'DENY' || first === 'REVOKE')
    return current.some((t) => t.value === 'TO' || t.value === 'FROM');
  // `WITH (` is a table hint, an OPENJSON schema or an option list — never a CTE.
  if (
    word === 'WITH' &&
    (next?.text === '(' || next?.value === 'TIES' || next?.value === 'CHECK' || next?.value === 'NOCHECK')
  )
    return false;
  if (word === 'END') return true;
  // `ALTER TABLE t DROP COLUMN c` is one statement.
  if (word === 'DROP' && first === 'ALTER' && current[1]?.value === 'TABLE') return false;
  if (CONTINUERS.has(previous.value)) return false;
  // `REFERENCES t (id) ON DELETE CASCADE ON UPDATE NO ACTION`: referential actions, not statements.
  // `SET NOCOUNT ON` then `DELETE FROM …` is a new statement: only an action word after it makes it referential.
  if ((word === 'DELETE' || word === 'UPDATE') && previous.value === 'ON' && REFERENTIAL_ACTIONS.has(next?.value ?? ''))
    return false;
  if (first === 'DECLARE' && word === 'CURSOR') return false;
  // `CREATE INDEX IF NOT EXISTS`, `DROP TABLE IF EXISTS`.
  if (word === 'IF' && IF_EXISTS_AFTER.has(previous.value)) return false;
  // `CREATE TRIGGER t ON x AFTER INSERT, UPDATE AS …`: the events are no statements.
  if (
    (first === 'CREATE' || first === 'ALTER') &&
    current.some((t) => t.value === 'TRIGGER') &&
    !current.some((t) => t.value === 'AS')
  )
    return false;
  if (word === 'SET') {
    // `UPDATE t SET …` (also after CTEs), `ALTER DATABASE … SET`, `SET TRANSACTION ISOLATION` stay one statement.
    const updating = first === 'UPDATE' || first === 'ALTER' || main === 'UPDATE';
    if (updating && !mainHas('SET')) return false;
    if (main === 'MERGE') return false;
    return true;
  }
  if (word === 'SELECT') {
    // `INSERT INTO @t EXEC p` is whole: a SELECT after it starts the next statement.
    if (main === 'INSERT' && !mainHas('VALUES', 'SELECT', 'EXEC', 'EXECUTE')) return false;
    if (afterCte(current)) return false;
    if (first === 'DECLARE' && current.some((t) => t.value === 'CURSOR')) return false;
    if ((first === 'CREATE' || first === 'ALTER') && previous.value === 'AS') return false;
  }
  if ((word === 'INSERT' || word === 'UPDATE' || word === 'DELETE') && main === 'MERGE') return false;
  if (
    (word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' || word === 'SELECT' || word === 'MERGE') &&
    afterCte(current)
  )
    return false;
  if (word === 'EXEC' || word === 'EXECUTE') return !(main === 'INSERT' && !mainHas('VALUES', 'SELECT'));
  // `FETCH NEXT … ROWS` inside ORDER BY; `OPEN`/`CLOSE` of cursors only as statements.
  if (word === 'FETCH' && current.some((t) => t.value === 'OFFSET')) return false;
  if (word === 'WITH')
    return first !== 'CREATE' && first !== 'ALTER' && first !== 'MERGE' && !isTableHintPosition(current);
  return true;
}

/**
 * Right after a CTE list's last `)`: `WITH c AS (…) SELECT`, also as a view's body
 * (`CREATE VIEW v AS WITH c AS (…) SELECT`). Only the list itself counts: after
 * `WITH c AS (…) UPDATE … WHERE x IN (…)` a new UPDATE is a new statement.
 */
function afterCte(current: readonly Token[]): boolean {
  if (current[current.length - 1]?.text !== ')') return false;
  const first = current[0]!.value;
  if (first === 'WITH') return cteListEndsAt(current, 1);
  if (first !== 'CREATE' && first !== 'ALTER') return false;
  const withAt = current.findIndex((t, i) => t.value === 'WITH' && current[i - 1]?.value === 'AS');
  return withAt >= 0 && cteListEndsAt(current, withAt + 1);
}

/** Whether `name [(cols)] AS (…) [, name AS (…)]…` from `at` runs exactly to the end of `tokens`. */
function cteListEndsAt(tokens: readonly Token[], at: number): boolean {
  return cteListEnd(tokens, at) === tokens.length;
}

/** Where `name [(cols)] AS (…) [, name AS (…)]…` from `at` ends; undefined when the tokens are no such list. */
function cteListEnd(tokens: readonly Token[], at: number): number | undefined {
  if (tokens[at]?.value === 'RECURSIVE') at++;
  while (at < tokens.length) {
    const name = tokens[at];
    if (!name || (name.kind !== 'word' && name.kind !== 'quoted')) return undefined;
    at++;
    if (tokens[at]?.text === '(') at = closingParen(tokens, at) + 1;
    if (tokens[at]?.value !== 'AS' || tokens[at + 1]?.text !== '(') return undefined;
    at = closingParen(tokens, at + 1) + 1;
    if (at >= tokens.length || tokens[at]?.text !== ',') return Math.min(at, tokens.length);
    at++;
  }
  return undefined;
}

/** `FROM t WITH (NOLOCK)` — a table hint, not a CTE. */
function isTableHintPosition(current: readonly Token[]): boolean {
  const previous = current[current.length - 1];
  return (
    previous !== undefined &&
    (previous.kind === 'word' || previous.kind === 'quoted') &&
    current.some((t) => t.value === 'FROM' || t.value === 'JOIN' || t.value === 'UPDATE' || t.value === 'INTO')
  );
}

function toStatement(
  tokens: Token[],
  text: string,
  base: { offset: number; line: number },
  omitted: number,
): Statement {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  return {
    tokens,
    ...(omitted > 0 ? { omittedTokens: omitted } : {}),
    keyword: first.kind === 'word' ? first.value : first.text,
    text: text.slice(first.start, last.end),
    offset: base.offset + first.start,
    line: base.line + first.line - 1,
  };
}

/**
 * T-SQL forms node-sql-parser's grammar lacks, rewritten on tokens (never on
 * raw text with regular expressions, whose backtracking over line breaks once
 * turned `DELETE\n FROM t` into `DELETE FROM FROM t`) into equivalents that
 * touch the same tables and columns:
 *   `DELETE t WHERE …` → `DELETE FROM t WHERE …` (`DELETE a FROM t a …` is kept: the parser reads it),
 *   `INSERT t …` → `INSERT INTO t …`,
 *   `DELETE|UPDATE TOP (n)` → the TOP dropped, `SELECT TOP (@n)` → `TOP 100`,
 *   `OFFSET @skip ROWS FETCH NEXT @take ROWS` → literal counts,
 *   `OUTPUT …` clauses and a trailing `OPTION (…)` dropped,
 *   `SELECT … INTO t FROM …` → `INSERT INTO t SELECT … FROM …` (t written, the same rows read),
 *   `OPENJSON(@j) WITH (col type '$.path', …)` → `OPENJSON(@j)` (the schema only names the rowset's columns),
 *   `WITH [name] AS (…)` → `WITH name AS (…)` (the grammar rejects a bracketed CTE name before a UNION body),
 *   `LIKE '%' + @x + '%'` → `LIKE ('%' + @x + '%')` (the grammar takes a concatenated pattern only in parentheses).
 */
import { readDottedName, tokenize, type Token } from './lexer.js';
import { depthsOf } from './parens.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Where an OUTPUT clause ends: the clause that follows it in INSERT/UPDATE/DELETE/MERGE. */
const AFTER_OUTPUT = new Set(['FROM', 'WHERE', 'VALUES', 'SELECT', 'DEFAULT', 'EXEC', 'EXECUTE', 'WHEN', 'OPTION']);

export function rewriteTransactSql(text: string): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  const depths = depthsOf(tokens);
  const edits: Edit[] = [];
  const first = tokens[0]!;
  if (first.kind === 'word' && (first.value === 'DELETE' || first.value === 'UPDATE')) {
    let at = 1;
    const top = topClauseEnd(tokens, at);
    if (top !== undefined) {
      edits.push({ start: tokens[at]!.start, end: tokens[top]!.start, text: '' });
      at = top;
    }
    if (first.value === 'DELETE' && tokens[at] && tokens[at]!.value !== 'FROM' && !hasLaterFrom(tokens, depths, at))
      edits.push({ start: tokens[at]!.start, end: tokens[at]!.start, text: 'FROM ' });
  }
  if (first.kind === 'word' && first.value === 'INSERT' && tokens[1] && tokens[1].value !== 'INTO')
    edits.push({ start: tokens[1].start, end: tokens[1].start, text: 'INTO ' });
  if (first.kind === 'word' && first.value === 'SELECT') edits.push(...selectIntoAsInsert(text, tokens, depths));
  edits.push(...rowsetSchemas(tokens), ...bracketedCteNames(tokens, depths), ...likeConcatenations(tokens, depths));
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word' || depths[i] !== depths[0]) continue;
    if (token.value === 'TOP' && tokens[i - 1]!.value !== 'DELETE' && tokens[i - 1]!.value !== 'UPDATE') {
      const end = topClauseEnd(tokens, i);
      if (end !== undefined && tokens[i + 1]?.text === '(')
        edits.push({ start: token.start, end: tokens[end - 1]!.end, text: 'TOP 100' });
    } else if (token.value === 'OUTPUT') {
      let end = i + 1;
      while (end < tokens.length && !(depths[end] === depths[i] && AFTER_OUTPUT.has(tokens[end]!.value))) end++;
      edits.push({ start: token.start, end: end < tokens.length ? tokens[end]!.start : text.length, text: '' });
      i = end - 1;
    } else if (
      token.value === 'OFFSET' ||
      (token.value === 'FETCH' && /^(NEXT|FIRST)$/.test(tokens[i + 1]?.value ?? ''))
    ) {
      // The grammar takes only literals for the row counts; which rows are paged changes no table or column.
      const from = token.value === 'OFFSET' ? i + 1 : i + 2;
      let rows = from;
      while (rows < tokens.length && tokens[rows]!.value !== 'ROWS' && tokens[rows]!.value !== 'ROW') rows++;
      if (rows < tokens.length && rows > from && !(rows === from + 1 && tokens[from]!.kind === 'number'))
        edits.push({ start: tokens[from]!.start, end: tokens[rows - 1]!.end, text: '1' });
    } else if (token.value === 'OPTION' && tokens[i + 1]?.text === '(') {
      const close = matchingParen(tokens, i + 1);
      if (close === tokens.length - 1) edits.push({ start: token.start, end: text.length, text: '' });
    }
  }
  return applyEdits(text, edits);
}

/** The grammar has no `SELECT … INTO t`: the target moves ahead as `INSERT INTO t`. */
function selectIntoAsInsert(text: string, tokens: readonly Token[], depths: readonly number[]): Edit[] {
  const into = tokens.findIndex((t, i) => depths[i] === 0 && t.kind === 'word' && t.value === 'INTO');
  if (into < 0) return [];
  const target = readDottedName(tokens, into + 1);
  if (!target || target.next >= tokens.length) return [];
  const name = tokens[into + 1]!.start;
  const afterName = tokens[target.next - 1]!.end;
  return [
    { start: tokens[0]!.start, end: tokens[0]!.start, text: `INSERT INTO ${text.slice(name, afterName)} ` },
    { start: tokens[into]!.start, end: afterName, text: '' },
  ];
}

/** `OPENJSON(…) WITH (…)` and `OPENXML(…) WITH (…)` at any depth: the WITH schema removed. */
function rowsetSchemas(tokens: readonly Token[]): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const value = tokens[i]!.value;
    if ((value !== 'OPENJSON' && value !== 'OPENXML') || tokens[i + 1]?.text !== '(') continue;
    const close = matchingParen(tokens, i + 1);
    if (close === undefined || tokens[close + 1]?.value !== 'WITH' || tokens[close + 2]?.text !== '(') continue;
    const schemaEnd = matchingParen(tokens, close + 2);
    if (schemaEnd === undefined) continue;
    edits.push({ start: tokens[close + 1]!.start, end: tokens[schemaEnd]!.end, text: '' });
    i = schemaEnd;
  }
  return edits;
}

/** `[name] AS (` at the statement's own depth names a CTE; a plain identifier needs no brackets. */
function bracketedCteNames(tokens: readonly Token[], depths: readonly number[]): Edit[] {
  const edits: Edit[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'quoted' || depths[i] !== 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(token.value)) continue;
    if (tokens[i + 1]?.value === 'AS' && tokens[i + 2]?.text === '(' && /^(WITH|,)$/.test(tokens[i - 1]!.value))
      edits.push({ start: token.start, end: token.end, text: token.value });
  }
  return edits;
}

/** What ends a LIKE pattern at its own depth. */
const AFTER_PATTERN = new Set([
  'AND',
  'OR',
  'ESCAPE',
  'THEN',
  'WHEN',
  'ELSE',
  'END',
  'ORDER',
  'GROUP',
  'HAVING',
  'UNION',
  'OPTION',
]);

/** `[NOT] LIKE a + b …`: the concatenated pattern wrapped in parentheses, at any depth. */
function likeConcatenations(tokens: readonly Token[], depths: readonly number[]): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i]!.value !== 'LIKE' || tokens[i]!.kind !== 'word') continue;
    const depth = depths[i + 1];
    let end = i + 1;
    let concatenated = false;
    while (end < tokens.length) {
      const token = tokens[end]!;
      if (depths[end]! < depth! || (depths[end] === depth && (token.text === ',' || token.text === ';'))) break;
      if (depths[end] === depth && token.kind === 'word' && AFTER_PATTERN.has(token.value)) break;
      if (depths[end] === depth && token.text === '+') concatenated = true;
      end++;
    }
    if (!concatenated || end === i + 1) continue;
    edits.push({ start: tokens[i + 1]!.start, end: tokens[i + 1]!.start, text: '(' });
    edits.push({ start: tokens[end - 1]!.end, end: tokens[end - 1]!.end, text: ')' });
  }
  return edits;
}

/** `TOP (expr) [PERCENT]` or `TOP n [PERCENT]` at `at`: the index after it. */
function topClauseEnd(tokens: readonly Token[], at: number): number | undefined {
  if (tokens[at]?.value !== 'TOP') return undefined;
  let end: number;
  if (tokens[at + 1]?.text === '(') {
    const close = matchingParen(tokens, at + 1);
    if (close === undefined) return undefined;
    end = close + 1;
  } else if (tokens[at + 1]?.kind === 'number') end = at + 2;
  else return undefined;
  if (tokens[end]?.value === 'PERCENT') end++;
  return end;
}

function matchingParen(tokens: readonly Token[], open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.text === '(') depth++;
    else if (tokens[i]!.text === ')' && --depth === 0) return i;
  }
  return undefined;
}

/** `DELETE alias FROM table alias …`: a FROM at the statement's own depth after the target. */
function hasLaterFrom(tokens: readonly Token[], depths: readonly number[], from: number): boolean {
  for (let i = from + 1; i < tokens.length; i++) {
    const value = tokens[i]!.value;
    if (depths[i] !== depths[0]) continue;
    if (value === 'WHERE' || value === 'OPTION') return false;
    if (value === 'FROM') return true;
  }
  return false;
}

function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const edit of edits) {
    if (edit.start < last) continue; // overlapping edits: the first one wins
    out += text.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return out + text.slice(last);
}

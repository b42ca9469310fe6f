/**
 * `MERGE` — which the parser's grammar lacks — read as what it does to the
 * tables: for each source row the target is probed by the ON predicate, then
 * written. That is `SELECT 1 FROM <source> INNER JOIN <target> ON <predicate>`
 * with the target's access turned into a write, so the target's ON columns
 * are its join columns. Tables inside the WHEN clauses (subqueries) are
 * sniffed as reads. Undefined when the statement is not that shape or the
 * join does not parse: the caller falls back to sniffing.
 */
import type { SqlBlock, SqlDialect } from '../core/facts/sql.js';
import { collectBlocks } from './blocks.js';
import { readDottedName, type Token } from './lexer.js';
import { closingParen, depthsOf } from './parens.js';
import { tableKey, tableNameOf } from './names.js';
import { sniffTables } from './sniff.js';
import { neutraliseParameters, parseSql } from './sqlParser.js';
import type { Statement } from './statements.js';

/** `ctes`: names of the CTEs ahead of the MERGE, which are no tables. */
export function readMerge(
  statement: Statement,
  dialect: SqlDialect,
  ctes: ReadonlySet<string> = new Set(),
): SqlBlock[] | undefined {
  const tokens = statement.tokens;
  const text = (from: number, to: number) =>
    from < to
      ? statement.text.slice(tokens[from]!.start - tokens[0]!.start, tokens[to - 1]!.end - tokens[0]!.start)
      : '';
  let at = 1;
  if (tokens[at]?.value === 'TOP' && tokens[at + 1]?.text === '(') {
    at = closingParen(tokens, at + 1) + 1;
    if (tokens[at]?.value === 'PERCENT') at++;
  }
  if (tokens[at]?.value === 'INTO') at++;
  const target = readDottedName(tokens, at);
  const targetName = target && tableNameOf(target.parts.filter(Boolean));
  if (!target || !targetName) return undefined;
  const depths = depthsOf(tokens);
  const using = indexAtTop(tokens, depths, 'USING', target.next);
  const on = using === undefined ? undefined : indexAtTop(tokens, depths, 'ON', using + 1);
  const when = on === undefined ? undefined : indexAtTop(tokens, depths, 'WHEN', on + 1);
  if (using === undefined || on === undefined || when === undefined) return undefined;
  // `MERGE t WITH (HOLDLOCK) AS x`: the hint changes no table or column.
  let aliasAt = target.next;
  if (tokens[aliasAt]?.value === 'WITH' && tokens[aliasAt + 1]?.text === '(')
    aliasAt = closingParen(tokens, aliasAt + 1) + 1;
  const alias = text(aliasAt, using);
  const join = `SELECT 1 FROM ${text(using + 1, on)} INNER JOIN ${text(at, target.next)} ${alias} ON ${text(on + 1, when)}`;
  const parsed = parseSql(neutraliseParameters(join, dialect), dialect);
  if (!parsed.ok) return undefined;
  const blocks: SqlBlock[] = [];
  for (const ast of parsed.statements)
    blocks.push(...collectBlocks(ast, { blocks: [], selectStar: false }, ctes).blocks);
  const key = tableKey(targetName, dialect);
  const candidates = blocks.flatMap((b) => b.accesses).filter((a) => tableKey(a.table, dialect) === key);
  const written = candidates.find((a) => a.joinColumns) ?? candidates[candidates.length - 1];
  if (!written) return undefined;
  written.mode = 'write';
  const inClauses = sniffTables(tokens.slice(when)).filter(
    (a) => a.mode === 'read' && (a.table.schema || !ctes.has(a.table.name.toLowerCase())),
  );
  if (inClauses.length > 0) blocks.push({ accesses: inClauses });
  return blocks;
}

function indexAtTop(tokens: readonly Token[], depths: readonly number[], value: string, from: number) {
  for (let i = from; i < tokens.length; i++) if (depths[i] === 0 && tokens[i]!.value === value) return i;
  return undefined;
}

/**
 * What an unparsable statement still tells: the tables after FROM/JOIN/INTO/
 * UPDATE/MERGE/USING and the procedures after EXEC, read from tokens. No
 * predicates are claimed, so nothing sniffed is ever reported as unindexed.
 * Also the dialect a script is written in, from its idioms.
 */
import { readDottedName, type Token } from './lexer.js';
import type { SqlDialect, SqlTableAccess, SqlTableName } from '../core/facts/sql.js';
import { isTransientTable, tableNameOf } from './names.js';

const READ_AFTER = new Set(['FROM', 'JOIN', 'USING', 'APPLY']);
const WRITE_AFTER = new Set(['INTO', 'UPDATE', 'MERGE', 'TRUNCATE']);

const NOT_ALIAS = new Set([
  'WHERE',
  'ON',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'OUTER',
  'SET',
  'GROUP',
  'ORDER',
  'HAVING',
  'UNION',
  'WITH',
  'SELECT',
  'VALUES',
  'OUTPUT',
  'WHEN',
  'USING',
  'OPTION',
  'FOR',
  'EXCEPT',
  'INTERSECT',
  'PIVOT',
  'UNPIVOT',
  'APPLY',
  'AS',
  'DEFAULT',
  'TABLESAMPLE',
]);

const NEVER_A_NAME = new Set([
  ...NOT_ALIAS,
  'CASCADE',
  'RESTRICT',
  'NO',
  'ACTION',
  'NULL',
  'MATCHED',
  'NOT',
  'BY',
  'TARGET',
  'SOURCE',
  'THEN',
  'FROM',
  'INTO',
  'DELETE',
  'UPDATE',
  'INSERT',
  'TABLE',
  'IF',
  'EXISTS',
]);

export function sniffTables(tokens: readonly Token[]): SqlTableAccess[] {
  const found = new Map<string, SqlTableAccess>();
  // `UPDATE s SET … FROM dbo.Sales AS s`, `WITH cte AS (…)`: aliases and CTE names are no tables.
  const localNames = new Set<string>();
  const aliasTargets = new Map<string, string[]>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (
      (token.kind === 'word' || token.kind === 'quoted') &&
      tokens[i + 1]?.value === 'AS' &&
      tokens[i + 2]?.text === '('
    )
      localNames.add(token.value.toLowerCase());
    if (token.value !== 'FROM' && token.value !== 'JOIN') continue;
    const name = readDottedName(tokens, i + 1);
    if (!name) continue;
    let at = name.next;
    if (tokens[at]?.value === 'AS') at++;
    const alias = tokens[at];
    if (alias && (alias.kind === 'quoted' || (alias.kind === 'word' && !NOT_ALIAS.has(alias.value)))) {
      localNames.add(alias.value.toLowerCase());
      aliasTargets.set(alias.value.toLowerCase(), name.parts);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.kind === 'word' ? tokens[i]!.value : '';
    // `ON DELETE CASCADE`, `ON UPDATE NO ACTION` (foreign keys) and MERGE's `THEN DELETE` name no table.
    const previous = tokens[i - 1]?.value;
    if ((word === 'DELETE' || word === 'UPDATE') && (previous === 'ON' || previous === 'THEN')) continue;
    const write = WRITE_AFTER.has(word) || (word === 'DELETE' && tokens[i + 1]?.value !== 'FROM');
    const deleteFrom = word === 'FROM' && tokens[i - 1]?.value === 'DELETE';
    if (!write && !READ_AFTER.has(word)) continue;
    let at = i + 1;
    if (tokens[at]?.value === 'TABLE' || (word === 'MERGE' && tokens[at]?.value === 'INTO')) at++;
    if (
      tokens[at]?.kind === 'word' &&
      ['SELECT', 'WITH', 'VALUES', 'SET', 'TOP', 'OPENJSON', 'OPENXML', 'OPENQUERY', 'STRING_SPLIT'].includes(
        tokens[at]!.value,
      )
    )
      continue;
    const name = readDottedName(tokens, at);
    // `FROM dbo.fn(@x)` is a function; `INTO t (cols)` is a column list.
    if (!name || (tokens[name.next]?.text === '(' && word !== 'INTO')) continue;
    // `UPDATE o … FROM Sales.Orders AS o` writes Sales.Orders.
    const aliased = name.parts.length === 1 ? aliasTargets.get(name.parts[0]!.toLowerCase()) : undefined;
    const table = tableNameOf((aliased ?? name.parts).filter((p) => p !== ''));
    if (!table || isTransientTable(table) || /^\{/.test(table.name)) continue;
    // An unquoted reserved word (`WHEN`, `CASCADE`, `SET`) is a clause the sniffer stepped into, never a name.
    if (name.parts.length === 1 && tokens[at]?.kind === 'word' && NEVER_A_NAME.has(tokens[at]!.value)) continue;
    if (!table.schema && localNames.has(table.name.toLowerCase())) continue;
    const key = `${table.schema ?? ''}.${table.name}`.toLowerCase();
    const mode = write || deleteFrom ? 'write' : 'read';
    const existing = found.get(key);
    if (existing) {
      if (mode === 'write') existing.mode = 'write';
    } else found.set(key, { table, mode, orderBy: [], groupBy: [] });
  }
  return [...found.values()];
}

/** `EXEC[UTE] [@rc =] dbo.Proc …` → the procedure name. */
export function sniffExecuted(tokens: readonly Token[]): SqlTableName | undefined {
  let at = 1;
  if (tokens[at]?.text.startsWith('@') && tokens[at + 1]?.text === '=') at += 2;
  if (tokens[at]?.text === '(') return undefined; // EXEC('dynamic sql')
  const name = readDottedName(tokens, at);
  if (!name) return undefined;
  const table = tableNameOf(name.parts.filter((p) => p !== ''));
  return table && !table.name.startsWith('@') ? table : undefined;
}

/**
 * T-SQL unless the code shows PostgreSQL or MySQL idioms (`dialectShown`). Comments and string
 * literals are blanked first: a backtick or `::` in a T-SQL comment, or
 * `RETURNING` in a message, says nothing of the dialect.
 */
export function detectDialect(text: string): SqlDialect {
  return dialectShown(text) ?? 'transactsql';
}

/** The dialect the code's idioms show; undefined when they show none (plain T-SQL or ANSI). */
export function dialectShown(text: string): SqlDialect | undefined {
  const sample = codeOnly(text.length > 200_000 ? text.slice(0, 200_000) : text);
  if (/\bLANGUAGE\s+plpgsql\b|\b(BIG)?SERIAL\b|::\w+|\bCREATE\s+EXTENSION\b|\bRETURNING\b|\bILIKE\b/i.test(sample))
    return 'postgresql';
  if (/`\w+`|\bENGINE\s*=|\bAUTO_INCREMENT\b|\bDELIMITER\b/i.test(sample)) return 'mysql';
  return undefined;
}

/**
 * The text with `--` and `/* *\/` comments (nested, as T-SQL and PostgreSQL
 * allow) and `'…'` strings replaced by spaces; quoted identifiers are kept,
 * they are idioms themselves. One pass, no allocation per character.
 */
export function codeOnly(text: string): string {
  const out: string[] = [];
  let from = 0;
  let i = 0;
  const n = text.length;
  const blank = (start: number, end: number) => {
    out.push(text.slice(from, start), ' ');
    from = end;
  };
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 45 /* - */ && text.charCodeAt(i + 1) === 45) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) {
          depth++;
          j += 2;
        } else if (text.charCodeAt(j) === 42 && text.charCodeAt(j + 1) === 47) {
          depth--;
          j += 2;
        } else j++;
      }
      blank(i, j);
      i = j;
    } else if (ch === 39 /* ' */) {
      let j = i + 1;
      for (;;) {
        const close = text.indexOf("'", j);
        if (close < 0) {
          j = n;
          break;
        }
        if (text.charCodeAt(close + 1) === 39) j = close + 2;
        else {
          j = close + 1;
          break;
        }
      }
      blank(i, j);
      i = j;
    } else i++;
  }
  out.push(text.slice(from));
  return out.join('');
}

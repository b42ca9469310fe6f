/**
 * node-sql-parser, one dialect build at a time (each is a few hundred KB of PEG
 * parser; loading all of them costs a quarter second), loaded on first use.
 */
import { createRequire } from 'node:module';
import type { SqlDialect } from '../core/facts/sql.js';
import type { AstNode } from './conditions.js';
import { rewriteTransactSql } from './transactSqlRewrite.js';
import { checkFileBudget } from '../core/fileBudget.js';
import { tooDeeplyNested } from '../core/nesting.js';

interface DialectParser {
  astify(sql: string, options?: { database?: string }): AstNode;
}

const require = createRequire(import.meta.url);
const loaded = new Map<SqlDialect, DialectParser>();

function parserFor(dialect: SqlDialect): DialectParser {
  let parser = loaded.get(dialect);
  if (!parser) {
    const module = require(`node-sql-parser/build/${dialect}`) as { Parser: new () => DialectParser };
    parser = new module.Parser();
    loaded.set(dialect, parser);
  }
  return parser;
}

export type ParseOutcome = { ok: true; statements: AstNode[] } | { ok: false; error: string };

/**
 * node-sql-parser is synchronous and cannot be stopped, and takes about 10 µs a
 * character: a statement longer than this (~1 s) is not parsed, so one statement
 * can overrun the file's budget by at most that much.
 */
export const MAX_PARSED_STATEMENT_CHARS = 100_000;

/**
 * Parses one statement's text. Throws only `FileBudgetExceeded`, when the file's
 * budget is spent before the statement: the statements of a file are parsed one
 * by one, so that is where a file of many statements is stopped.
 */
export function parseSql(text: string, dialect: SqlDialect): ParseOutcome {
  checkFileBudget('SQL parser');
  if (text.length > MAX_PARSED_STATEMENT_CHARS)
    return {
      ok: false,
      error: `statement of ${text.length} characters is over the ${MAX_PARSED_STATEMENT_CHARS}-character parse cap; not parsed`,
    };
  const tooDeep = tooDeeplyNested(text);
  if (tooDeep) return { ok: false, error: tooDeep };
  try {
    const ast = parserFor(dialect).astify(text, { database: dialect });
    return { ok: true, statements: Array.isArray(ast) ? ast : [ast] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.length > 160 ? `${message.slice(0, 157)}…` : message };
  }
}

/**
 * Makes parameters and run-time holes parse in the dialect: `?`, `$1`, `:name`,
 * `@name` and `{…}` (an interpolation hole) become the dialect's own parameter form.
 */
export function neutraliseParameters(text: string, dialect: SqlDialect): string {
  const hole = dialect === 'transactsql' ? '@__hole' : dialect === 'postgresql' ? '$99' : '?';
  let out = text.replace(/\{…\}/g, hole);
  if (dialect === 'transactsql')
    out = out.replace(/(^|[\s(,=<>])\?(?=$|[\s),;])/g, '$1@p').replace(/(^|[\s(,=<>])\$(\d+)/g, '$1@p$2');
  else if (dialect === 'postgresql')
    out = out.replace(/(^|[\s(,=<>])\?(?=$|[\s),;])/g, '$1$98').replace(/(^|[\s(,=<>])@(\w+)/g, '$1:$2');
  else out = out.replace(/(^|[\s(,=<>])\$(\d+)/g, '$1?');
  if (dialect === 'transactsql') return rewriteTransactSql(out);
  // Query hints the parser does not know change nothing about which tables and columns are used.
  return out.replace(/\bOPTION\s*\((?:[^()]|\([^()]*\))*\)\s*$/i, '');
}

/**
 * Driver calls found without an AST, for files whose text did not parse as it
 * stands and for minified or generated files, which are never parsed: only a
 * literal first argument of `.query`/`.execute`/`.raw` is seen.
 */
import type { JsSqlQuery } from '../../../core/facts/js.js';
import { driverOf } from './driver.js';
import { mayHoldSql, SQL_START } from './sqlText.js';

const CALL_PATTERN = /\.(query|execute|raw)\s*(?:<[^>()]*>)?\s*\(\s*(['"`])((?:\\.|(?!\2)[\s\S])*)\2/g;

export function sqlQueriesByPattern(text: string): JsSqlQuery[] {
  if (!mayHoldSql(text)) return [];
  const driver = driverOf(text);
  const queries: JsSqlQuery[] = [];
  for (const match of text.matchAll(CALL_PATTERN)) {
    const body = match[3]!;
    if (!SQL_START.test(body)) continue;
    const before = text.slice(0, match.index + match[0].indexOf(match[2]!));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const dynamic = match[2] === '`' && body.includes('${');
    queries.push({
      text: body.replace(/\$\{[^}]*\}/g, '{…}'),
      dynamic,
      line,
      column,
      api: match[1] === 'raw' ? 'knex.raw' : `${driver.name}.${match[1]}`,
      dialect: driver.dialect,
    });
  }
  return queries;
}

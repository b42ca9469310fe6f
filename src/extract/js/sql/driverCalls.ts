/**
 * SQL a file hands to a driver, read off the JS extractor's walk: string and
 * template arguments of `mssql` (`request.query('…')`, tagged `` sql`…` ``),
 * `pg` (`client.query`), `mysql2` (`conn.execute`), `knex.raw`,
 * `sequelize.query`, pg-promise (`db.any`, `db.one`, …), and the constants
 * they name (`const q = '…'; pool.query(q)`).
 */
import type { CallExpression, MemberExpression, Node, TaggedTemplateExpression } from '@babel/types';
import type { JsSqlQuery } from '../../../core/facts/js.js';
import { driverOf, type SqlDriver } from './driver.js';
import { mayHoldSql, SQL_START } from './sqlText.js';

const SQL_METHODS = new Set([
  'query',
  'execute',
  'raw',
  'any',
  'one',
  'none',
  'many',
  'oneOrNone',
  'manyOrNone',
  'result',
  'unsafe',
]);
/** Tags whose template is the SQL: ``sql`…` ``, ``query`…` ``, ``sql.query`…` ``, ``db.sql`…` ``. */
const SQL_TAG = /(?:^|\.)(?:sql|query)$/;
/** What a part of the SQL unknown statically is written as. */
const HOLE = '{…}';

type SqlString = Omit<JsSqlQuery, 'api' | 'dialect'>;
type Site = CallExpression | TaggedTemplateExpression;

/** A collector for the file's walk, or none when its text shows no SQL (most front-end files): the walk then skips it. */
export function driverCallCollectorFor(text: string): DriverCallCollector | undefined {
  return mayHoldSql(text) ? new DriverCallCollector(driverOf(text)) : undefined;
}

export class DriverCallCollector {
  /** String variables by name, in source order (the walk's): a call takes the latest declared before it. */
  private readonly strings = new Map<string, { start: number; value: SqlString }[]>();
  /** Calls and tags that may send SQL, read once the walk is over: a constant may be declared after its use. */
  private readonly sites: Site[] = [];

  constructor(private readonly driver: SqlDriver) {}

  visit(node: Node): void {
    switch (node.type) {
      case 'VariableDeclarator': {
        if (node.id.type !== 'Identifier') return;
        const value = stringOf(node.init, false);
        if (!value) return;
        const declared = this.strings.get(node.id.name);
        if (declared) declared.push({ start: node.start ?? 0, value });
        else this.strings.set(node.id.name, [{ start: node.start ?? 0, value }]);
        return;
      }
      case 'TaggedTemplateExpression':
        this.sites.push(node);
        return;
      case 'CallExpression':
        if (node.callee.type === 'MemberExpression' && SQL_METHODS.has(methodOf(node.callee) ?? '')) {
          this.sites.push(node);
        }
        return;
      default:
    }
  }

  /** The queries found, by position. */
  finish(): JsSqlQuery[] {
    const queries: JsSqlQuery[] = [];
    for (const site of this.sites) {
      const query = site.type === 'TaggedTemplateExpression' ? this.taggedQuery(site) : this.callQuery(site);
      if (query) queries.push(query);
    }
    return queries.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private taggedQuery(node: TaggedTemplateExpression): JsSqlQuery | undefined {
    if (!SQL_TAG.test(calleeName(node.tag))) return undefined;
    const value = stringOf(node.quasi, true);
    return value && SQL_START.test(value.text)
      ? { ...value, api: `${this.driver.name}.sql`, dialect: this.driver.dialect }
      : undefined;
  }

  private callQuery(node: CallExpression): JsSqlQuery | undefined {
    const callee = node.callee as MemberExpression;
    const method = methodOf(callee)!;
    const first = node.arguments[0];
    let value = stringOf(first, false);
    if (!value && first?.type === 'Identifier') value = latestBefore(this.strings.get(first.name), node.start ?? 0);
    if (!value && first?.type === 'ObjectExpression') {
      // mysql2/pg config form: `query({ text: '…', values })` / `{ sql: '…' }`.
      const property = first.properties.find(
        (p) => p.type !== 'SpreadElement' && ['text', 'sql'].includes(keyName(p.key) ?? ''),
      );
      value = property?.type === 'ObjectProperty' ? stringOf(property.value, false) : undefined;
    }
    if (!value || !SQL_START.test(value.text)) return undefined;
    const receiver = calleeName(callee.object);
    const api =
      method === 'raw' ? 'knex.raw' : /sequelize/i.test(receiver) ? 'sequelize.query' : `${this.driver.name}.${method}`;
    return { ...value, api, dialect: this.driver.dialect };
  }
}

/** A literal, template or `+` concatenation → its text with holes written `{…}`. */
function stringOf(node: Node | null | undefined, tagged: boolean): SqlString | undefined {
  if (!node) return undefined;
  const at = { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
  switch (node.type) {
    case 'StringLiteral':
      return { text: node.value, dynamic: false, ...at };
    case 'TemplateLiteral': {
      let text = '';
      node.quasis.forEach((quasi, i) => {
        text += quasi.value.cooked ?? quasi.value.raw;
        if (i < node.expressions.length) text += HOLE;
      });
      // A tag (`sql\`…\``) turns holes into parameters; a plain template splices them in.
      return { text, dynamic: !tagged && node.expressions.length > 0, ...at };
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return undefined;
      const left = stringOf(node.left, false) ?? { text: HOLE, dynamic: true, ...at };
      const right = stringOf(node.right, false) ?? { text: HOLE, dynamic: true };
      if (left.text === HOLE && right.text === HOLE) return undefined;
      return {
        text: left.text + right.text,
        dynamic: left.dynamic || right.dynamic,
        line: left.line,
        column: left.column,
      };
    }
    default:
      return undefined;
  }
}

function latestBefore(
  candidates: { start: number; value: SqlString }[] | undefined,
  position: number,
): SqlString | undefined {
  if (!candidates) return undefined;
  const before = candidates.filter((c) => c.start < position);
  // Declared only after the call (a hoisted or module-level constant): the first declaration.
  return (before[before.length - 1] ?? candidates[0])?.value;
}

/** `query` in `pool.query(…)` and `pool['query'](…)`. */
function methodOf(callee: MemberExpression): string | undefined {
  const property = callee.property;
  return property.type === 'Identifier'
    ? property.name
    : property.type === 'StringLiteral'
      ? property.value
      : undefined;
}

function keyName(key: Node): string | undefined {
  return key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
}

/** `sql.query`, `this.db`, `pool.request.query` (calls in a chain are looked through). */
function calleeName(node: Node): string {
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'MemberExpression':
      return `${calleeName(node.object)}.${node.property.type === 'Identifier' ? node.property.name : ''}`;
    case 'CallExpression':
      return calleeName(node.callee);
    default:
      return '';
  }
}

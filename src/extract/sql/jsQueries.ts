/**
 * SQL sent from JavaScript/TypeScript: string and template-literal arguments of
 * `mssql` (`request.query('…')`, tagged ``sql`…` ``), `pg` (`client.query`),
 * `mysql2` (`conn.execute`), `knex.raw`, `sequelize.query`, pg-promise — and
 * constants they name (`const q = '…'; pool.query(q)`).
 *
 * TODO(merge): fold into the JS extractor's single pass — this parses each JS/TS
 * file a second time; the API `(path, text) → JsSqlFacts` is kept pure so the
 * JS extractor can call the walk below on its own AST.
 */
import { parse, type ParserPlugin } from '@babel/parser';
import type { SqlDialect } from '../../core/facts/sql.js';

export interface JsSqlQuery {
  text: string;
  dynamic: boolean;
  line: number;
  column: number;
  /** `pg.query`, `mssql.query`, `mssql.sql`, `knex.raw`, `sequelize.query`, `mysql.execute`, … */
  api: string;
  dialect: SqlDialect;
}

export interface JsSqlFacts {
  queries: JsSqlQuery[];
  /** Babel's recovered errors (the walk still ran over what parsed). */
  syntaxErrors: number;
}

const SQL_METHODS = new Set(['query', 'execute', 'raw', 'any', 'one', 'none', 'many', 'oneOrNone', 'manyOrNone', 'result', 'unsafe']);
const SQL_START = /^\s*(?:WITH\b|SELECT\b|INSERT\b|UPDATE\b|DELETE\b|MERGE\b|EXEC(?:UTE)?\b|CALL\b)/i;
/** A quote or backtick followed by what `SQL_START` accepts, anywhere in the file. */
const SQL_STRING_START = /['"`]\s*(?:WITH|SELECT|INSERT|UPDATE|DELETE|MERGE|EXEC(?:UTE)?|CALL)\b/i;

/* eslint-disable @typescript-eslint/no-explicit-any -- Babel's AST is walked generically */
type Node = any;

export function extractJsSql(filePath: string, text: string): JsSqlFacts {
  // Every query found is a string starting with an SQL keyword: without one, skip the second parse.
  if (!SQL_STRING_START.test(text) || !/\b(query|execute|raw|sql|any|one|none|many)\b/.test(text)) return { queries: [], syntaxErrors: 0 };
  let ast: Node;
  try {
    ast = parse(text, { sourceType: 'unambiguous', errorRecovery: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, plugins: pluginsFor(filePath) });
  } catch {
    // Babel could not recover: fall back to literal first arguments found by pattern.
    return { queries: scanByPattern(text, driverOf(text)), syntaxErrors: 1 };
  }
  const driver = driverOf(text);
  const strings = collectStringConstants(ast.program);
  const queries: JsSqlQuery[] = [];
  walk(ast.program, (node) => {
    if (node.type === 'TaggedTemplateExpression') {
      const tag = calleeName(node.tag);
      if (tag === 'sql' || tag === 'query' || tag === 'sql.query' || tag.endsWith('.query') || tag.endsWith('.sql')) {
        const value = stringOf(node.quasi, true);
        if (value && SQL_START.test(value.text)) queries.push({ ...value, api: `${driver.name}.sql`, dialect: driver.dialect });
      }
      return;
    }
    if (node.type !== 'CallExpression' || node.callee?.type !== 'MemberExpression') return;
    const method = node.callee.property?.name ?? node.callee.property?.value;
    if (!SQL_METHODS.has(method)) return;
    const first = node.arguments[0];
    let value = stringOf(first, false);
    if (!value && first?.type === 'Identifier') value = latestBefore(strings.get(first.name), node.start);
    if (!value && first?.type === 'ObjectExpression') {
      // mysql2/pg config form: `query({ text: '…', values })` / `{ sql: '…' }`.
      const property = first.properties.find((p: Node) => ['text', 'sql'].includes(p.key?.name ?? p.key?.value));
      value = property ? stringOf(property.value, false) : undefined;
    }
    if (!value || !SQL_START.test(value.text)) return;
    const receiver = calleeName(node.callee.object);
    const api = method === 'raw' ? 'knex.raw' : /sequelize/i.test(receiver) ? 'sequelize.query' : `${driver.name}.${method}`;
    queries.push({ ...value, api, dialect: driver.dialect });
  });
  return { queries: queries.sort((a, b) => a.line - b.line || a.column - b.column), syntaxErrors: ast.errors?.length ?? 0 };
}

const CALL_PATTERN = /\.(query|execute|raw)\s*(?:<[^>()]*>)?\s*\(\s*(['"`])((?:\\.|(?!\2)[\s\S])*)\2/g;

function scanByPattern(text: string, driver: { name: string; dialect: SqlDialect }): JsSqlQuery[] {
  const queries: JsSqlQuery[] = [];
  for (const match of text.matchAll(CALL_PATTERN)) {
    const body = match[3]!;
    if (!SQL_START.test(body)) continue;
    const before = text.slice(0, match.index + match[0].indexOf(match[2]!));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const dynamic = match[2] === '`' && body.includes('${');
    queries.push({ text: body.replace(/\$\{[^}]*\}/g, '{…}'), dynamic, line, column, api: match[1] === 'raw' ? 'knex.raw' : `${driver.name}.${match[1]}`, dialect: driver.dialect });
  }
  return queries;
}

function pluginsFor(filePath: string): ParserPlugin[] {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.tsx')) return ['typescript', 'jsx'];
  if (/\.[mc]?ts$/.test(lower)) return ['typescript'];
  if (lower.endsWith('.jsx')) return ['jsx'];
  return [];
}

/** Which driver the file uses decides the dialect (PostgreSQL `$1`, MySQL `?`, T-SQL `@p`). */
function driverOf(text: string): { name: string; dialect: SqlDialect } {
  const imports = [...text.matchAll(/(?:require\s*\(\s*|from\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  if (imports.some((i) => i === 'pg' || i === 'pg-promise' || i === 'postgres' || i.startsWith('pg/'))) return { name: 'pg', dialect: 'postgresql' };
  if (imports.some((i) => i.startsWith('mysql'))) return { name: 'mysql', dialect: 'mysql' };
  if (imports.some((i) => i === 'mssql' || i === 'tedious' || i.startsWith('mssql/'))) return { name: 'mssql', dialect: 'transactsql' };
  if (/client\s*:\s*['"](pg|postgres|postgresql)['"]|dialect\s*:\s*['"]postgres['"]/.test(text)) return { name: 'pg', dialect: 'postgresql' };
  if (/client\s*:\s*['"]mysql2?['"]|dialect\s*:\s*['"]mysql['"]/.test(text)) return { name: 'mysql', dialect: 'mysql' };
  return { name: imports.includes('knex') ? 'knex' : 'sql', dialect: 'transactsql' };
}

interface StringValue {
  text: string;
  dynamic: boolean;
  line: number;
  column: number;
}

/** A literal, template or `+` concatenation → its text with holes written `{…}`. */
function stringOf(node: Node, tagged: boolean): StringValue | undefined {
  if (!node) return undefined;
  const at = { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
  if (node.type === 'StringLiteral') return { text: node.value, dynamic: false, ...at };
  if (node.type === 'TemplateLiteral') {
    let text = '';
    node.quasis.forEach((quasi: Node, i: number) => {
      text += quasi.value.cooked ?? quasi.value.raw;
      if (i < node.expressions.length) text += '{…}';
    });
    // A tag (`sql\`…\``) turns holes into parameters; a plain template splices them in.
    return { text, dynamic: !tagged && node.expressions.length > 0, ...at };
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = stringOf(node.left, false) ?? { text: '{…}', dynamic: true, ...at };
    const right = stringOf(node.right, false) ?? { text: '{…}', dynamic: true };
    if (left.text === '{…}' && right.text === '{…}') return undefined;
    return { text: left.text + right.text, dynamic: left.dynamic || right.dynamic, line: left.line ?? at.line, column: left.column ?? at.column };
  }
  return undefined;
}

/** `const q = '…'` / `let q = \`…\`` anywhere in the file, by name, in source order. */
function collectStringConstants(program: Node): Map<string, { start: number; value: StringValue }[]> {
  const found = new Map<string, { start: number; value: StringValue }[]>();
  walk(program, (node) => {
    if (node.type !== 'VariableDeclarator' || node.id?.type !== 'Identifier') return;
    const value = stringOf(node.init, false);
    if (value) found.set(node.id.name, [...(found.get(node.id.name) ?? []), { start: node.start, value }]);
  });
  return found;
}

function latestBefore(candidates: { start: number; value: StringValue }[] | undefined, position: number): StringValue | undefined {
  if (!candidates) return undefined;
  const before = candidates.filter((c) => c.start < position);
  return (before[before.length - 1] ?? candidates[0])?.value;
}

function calleeName(node: Node): string {
  if (!node) return '';
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression') return `${calleeName(node.object)}.${node.property?.name ?? ''}`;
  if (node.type === 'CallExpression') return calleeName(node.callee);
  return '';
}

function walk(node: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current.type !== 'string') continue;
    visit(current);
    for (const key in current) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'extra') continue;
      const value = current[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (value[i] && typeof value[i] === 'object') stack.push(value[i]);
      } else if (value && typeof value === 'object' && typeof value.type === 'string') stack.push(value);
    }
  }
}

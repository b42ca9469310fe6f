import { describe, expect, it } from 'vitest';
import { extractJs } from './extractJs.js';

const sqlOf = (path: string, text: string) => {
  const facts = extractJs(path, text).facts;
  expect(facts, `${path} yields facts`).toBeDefined();
  return facts!.sqlQueries;
};

describe('SQL driver calls', () => {
  it('finds pg queries with $n parameters, constants and { text } configs', () => {
    const queries = sqlOf(
      'src/db.js',
      `
const { Pool } = require('pg');
const BY_ID = 'SELECT * FROM accounts WHERE id = $1';
async function load(pool, id) {
  await pool.query(BY_ID, [id]);
  await pool.query({ text: 'UPDATE accounts SET seen = now() WHERE id = $1', values: [id] });
  await client.query(\`SELECT name FROM projects WHERE owner = \${id}\`);
  return pool.query('not sql');
}`,
    );
    expect(queries.map((q) => [q.line, q.api, q.dialect, q.dynamic, q.text])).toEqual([
      [3, 'pg.query', 'postgresql', false, 'SELECT * FROM accounts WHERE id = $1'],
      [6, 'pg.query', 'postgresql', false, 'UPDATE accounts SET seen = now() WHERE id = $1'],
      [7, 'pg.query', 'postgresql', true, 'SELECT name FROM projects WHERE owner = {…}'],
    ]);
  });

  it('treats mssql tagged templates as parameterised and reads TypeScript', () => {
    const queries = sqlOf(
      'src/report.ts',
      `
import sql from 'mssql';
export async function run(id: number): Promise<void> {
  const r = await sql.query<{ n: number }>\`SELECT COUNT(*) AS n FROM dbo.Users WHERE Id = \${id}\`;
  await (pool as any).request().query<Row>('DELETE FROM dbo.Sessions WHERE UserId = @id');
}`,
    );
    expect(queries.map((q) => [q.line, q.api, q.dialect, q.dynamic])).toEqual([
      [4, 'mssql.sql', 'transactsql', false],
      [5, 'mssql.query', 'transactsql', false],
    ]);
  });

  it('reads knex.raw, sequelize.query and mysql2 execute, with concatenation marked dynamic', () => {
    const queries = sqlOf(
      'src/a.mjs',
      `
import mysql from 'mysql2/promise';
await conn.execute('SELECT * FROM users WHERE email = ?', [email]);
await knex.raw('SELECT id FROM orders WHERE total > ' + min);
await sequelize.query("DELETE FROM carts WHERE updated_at < ?", { replacements: [d] });`,
    );
    expect(queries.map((q) => [q.api, q.dialect, q.dynamic])).toEqual([
      ['mysql.execute', 'mysql', false],
      ['knex.raw', 'mysql', true],
      ['sequelize.query', 'mysql', false],
    ]);
  });

  it('survives broken code and JSX, and finds nothing without SQL', () => {
    expect(sqlOf('src/App.jsx', 'export const A = () => <div>{items.map(i => <b>{i}</b>)}</div>; query(')).toEqual([]);
    expect(sqlOf('src/x.ts', 'const x = ;; pool.query("SELECT 1 FROM t WHERE a = 1")')).toHaveLength(1);
  });

  it('reads a file that parsed only once its failing line was blanked by pattern, that line included', () => {
    const { facts } = extractJs(
      'src/sessions.js',
      `
const { Pool } = require('pg');
const pool = new Pool();
const broken = ; pool.query('DELETE FROM sessions WHERE expires < now()');
pool.query('SELECT id FROM users WHERE id = $1', [1]);`,
    );
    expect(facts!.imports.map((i) => i.specifier)).toEqual(['pg']);
    expect(facts!.sqlQueries.map((q) => [q.line, q.column, q.api, q.dialect])).toEqual([
      [4, 29, 'pg.query', 'postgresql'],
      [5, 12, 'pg.query', 'postgresql'],
    ]);
  });

  it('reads decorated classes, following constants', () => {
    const queries = sqlOf(
      'src/accounts.service.ts',
      `
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
const ACTIVE = 'SELECT id FROM accounts WHERE active = 1';
@Injectable()
export class AccountsService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}
  active() { return this.db.query(ACTIVE); }
}`,
    );
    expect(queries.map((q) => [q.line, q.api, q.dialect, q.text])).toEqual([
      [4, 'sql.query', 'transactsql', 'SELECT id FROM accounts WHERE active = 1'],
    ]);
  });
});

/** Test support for the SQL analyzers: a model from a schema script and query strings. */
import type { RepoModel } from '../src/core/model.js';
import type { EstateModel } from '../src/graph/buildGraph.js';
import { analyzeQuery } from '../src/sql/analyzeQuery.js';
import { buildSqlEstate } from '../src/sql/estate.js';
import type { SqlDialect } from '../src/core/facts/sql.js';
import { extractSqlScript } from '../src/sql/sqlScript.js';
import { EstateGraph, modelOf } from './testing.js';

export function sqlModel(schema: string, queries: readonly string[], dialect: SqlDialect = 'transactsql'): EstateModel {
  const repo: RepoModel = {
    name: 'db',
    path: 'db',
    git: true,
    files: [
      { repo: 'db', path: 'schema.sql', kind: 'sql', loc: 1, sql: extractSqlScript(schema).facts },
      {
        repo: 'db',
        path: 'Queries.cs',
        kind: 'csharp',
        loc: queries.length,
        sql: {
          tables: [],
          routines: [],
          queries: queries.map((text, i) => analyzeQuery(text, { dialect, api: 'Dapper.Query', line: i + 1, column: 1, dynamic: false }).query),
        },
      },
    ],
  };
  return modelOf(new EstateGraph(), { repos: [repo], sql: buildSqlEstate([repo]) });
}

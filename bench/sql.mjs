#!/usr/bin/env node
/**
 * SQL benchmark: a generated migration script of N tables (each with named
 * constraints, indexes, a procedure and seed INSERTs, like a schema dump), read
 * by the .sql extractor; then the estate analysis over its queries. Prints time,
 * statements/s and the slowest phase. `node bench/sql.mjs [tables] [insertsPerTable]`.
 */
import { extractSqlScript } from '../dist/src/sql/sqlScript.js';
import { buildSqlEstate } from '../dist/src/sql/estate.js';
import { judgeBlock } from '../dist/src/sql/serve.js';

const [tables = 2000, inserts = 20] = process.argv.slice(2).map(Number);

function generate() {
  const parts = [];
  for (let t = 0; t < tables; t++) {
    parts.push(`CREATE TABLE [dbo].[T${t}] (
  [Id] INT IDENTITY(1,1) NOT NULL,
  [ParentId] INT NULL,
  [Code] NVARCHAR(40) NOT NULL,
  [Status] TINYINT NOT NULL CONSTRAINT [DF_T${t}_Status] DEFAULT ((0)),
  [CreatedUtc] DATETIME2(3) NOT NULL,
  CONSTRAINT [PK_T${t}] PRIMARY KEY CLUSTERED ([Id] ASC),
  CONSTRAINT [UQ_T${t}_Code] UNIQUE ([Code])
) ON [PRIMARY]
GO
CREATE NONCLUSTERED INDEX [IX_T${t}_Parent] ON [dbo].[T${t}] ([ParentId], [CreatedUtc]) INCLUDE ([Status]) WHERE ([Status] = (1))
GO
CREATE PROCEDURE [dbo].[Get${t}] @code NVARCHAR(40), @since DATETIME2 AS
BEGIN
  SET NOCOUNT ON
  SELECT a.Id, b.Code FROM dbo.T${t} a JOIN dbo.T${Math.max(0, t - 1)} b ON b.Id = a.ParentId WHERE a.Code = @code
  UPDATE dbo.T${t} SET Status = 2 WHERE CreatedUtc < @since AND Status = 1
END
GO`);
    for (let i = 0; i < inserts; i++)
      parts.push(`INSERT INTO [dbo].[T${t}] ([Code], [Status], [CreatedUtc]) VALUES (N'c${i}', 1, '2020-01-01')`);
    parts.push('GO');
  }
  return parts.join('\n');
}

const script = generate();
console.log(
  `script: ${tables} tables, ${(script.length / 1024 / 1024).toFixed(1)} MiB, ${script.split('\n').length} lines`,
);
let started = performance.now();
const { facts, problems } = extractSqlScript(script);
const extractMs = performance.now() - started;
const statements = tables * (3 + inserts);
console.log(
  `extract: ${(extractMs / 1000).toFixed(2)} s — ${Math.round(statements / (extractMs / 1000))} statements/s; ${facts.tables.length} table fragments, ${facts.routines.length} routines, ${facts.queries.length} queries, ${problems.length} problems`,
);

started = performance.now();
const estate = buildSqlEstate([
  { name: 'db', path: 'db', git: false, files: [{ repo: 'db', path: 'schema.sql', kind: 'sql', loc: 0, sql: facts }] },
]);
let unserved = 0;
for (const { query } of estate.queries)
  for (const block of query.blocks)
    for (const v of judgeBlock(block, estate.schema, query.dialect)) if (!v.served) unserved++;
console.log(
  `schema + judge: ${((performance.now() - started) / 1000).toFixed(2)} s — ${estate.schema.size} tables, ${unserved} unserved accesses`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
for (const p of problems.slice(0, 3)) console.log(`problem: ${p.code} line ${p.line}: ${p.message.slice(0, 160)}`);

#!/usr/bin/env node
/**
 * The parse floor: one thread reads every file the scan discovers and parses it
 * once with the scan's own parsers — tree-sitter C#, @babel/parser with the
 * scan's options, node-sql-parser for each statement of a .sql file — and does
 * nothing else (no facts, no graph). Prints JSON: files, bytes, parse time by
 * language. Needs `npm run build`.
 *
 *   node bench/lib/floor.mjs ROOT
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/src');
const load = (p) => import(path.join(dist, p));
const { walkEstate } = await load('discover/walk.js');
const { loadCSharpParser } = await load('extract/csharp/parser.js');
const { parseSource } = await load('extract/js/parse.js');
const { detectGenerated } = await load('extract/js/generated.js');
const { splitBatches, splitStatements } = await load('sql/statements.js');
const { parseSql } = await load('sql/sqlParser.js');
const { detectDialect } = await load('sql/sniff.js');

/** The scan's default size cap: bigger files are skipped there, so here too. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/lib/floor.mjs ROOT\n');
  process.exit(2);
}
const parser = await loadCSharpParser();
const parse = {
  csharp: (_file, text) => parser.parse(text),
  typescript: (file, text) => detectGenerated(file, text) || parseSource(file, text),
  javascript: (file, text) => detectGenerated(file, text) || parseSource(file, text),
  sql: (_file, text) => {
    const dialect = detectDialect(text);
    for (const batch of splitBatches(text))
      for (const statement of splitStatements(batch.text, batch)) parseSql(statement.text, dialect);
  },
};
const totals = { files: 0, bytes: 0, parseMs: 0, byKind: {} };
for (const repo of walkEstate(root).repos)
  for (const file of repo.files) {
    const run = parse[file.kind];
    if (!run || file.size > MAX_FILE_BYTES) continue;
    // Awaiting real I/O between files also lets tree-sitter's finalizers free each tree.
    const text = await readFile(file.absPath, 'utf8');
    const started = performance.now();
    run(file.path, text);
    const ms = performance.now() - started;
    totals.byKind[file.kind] ??= { files: 0, bytes: 0, ms: 0 };
    const kind = totals.byKind[file.kind];
    kind.files++;
    kind.bytes += file.size;
    kind.ms += ms;
    totals.files++;
    totals.bytes += file.size;
    totals.parseMs += ms;
  }
process.stdout.write(`${JSON.stringify(totals)}\n`);

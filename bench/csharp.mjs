#!/usr/bin/env node
/**
 * C# extraction against its parse: for every .cs file under ROOT (at most 4 MB),
 * CPU time of tree-sitter parsing alone and of the full extractor (parse + walk),
 * in one thread, over ROUNDS rounds (medians); the walk is their difference.
 * `--dist DIR …` compares builds (for instance a saved copy of an earlier
 * `dist/`) side by side, interleaved file by file so load hits them alike.
 *
 *   npm run build && node bench/csharp.mjs ROOT [--rounds 3] [--dist dist --dist /tmp/old/dist]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './lib/measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' }, dist: { type: 'string', multiple: true } },
});
const root = positionals[0];
if (!root) {
  process.stderr.write('usage: node bench/csharp.mjs ROOT [--rounds 3] [--dist DIR …]\n');
  process.exit(2);
}
const dists = (values.dist ?? [path.join(here, '../dist')]).map((d) => path.resolve(d));
const builds = [];
for (const dist of dists) {
  const { loadCSharpParser } = await import(path.join(dist, 'src/extract/csharp/parser.js'));
  const { extractCSharp } = await import(path.join(dist, 'src/extract/csharp/extractCSharp.js'));
  builds.push({ dist, parser: await loadCSharpParser(), extractCSharp, parse: [], extract: [] });
}

const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.cs') && statSync(full).size <= 4 * 1024 * 1024) files.push(full);
  }
};
walk(path.resolve(root));
const texts = files.sort().map((f) => readFileSync(f, 'utf8'));
const cpu = (run) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
// Trees are freed by finalizers that run from the event loop: yield now and then.
const breathe = () => new Promise((resolve) => setImmediate(resolve));

for (let round = 0; round < Number(values.rounds); round++) {
  const totals = builds.map(() => ({ parse: 0, extract: 0 }));
  for (let i = 0; i < texts.length; i++) {
    // Alternate which build goes first: the first parse of a text pays for preparing the string.
    const order = i % 2 === 0 ? builds.map((_, k) => k) : builds.map((_, k) => builds.length - 1 - k);
    for (const k of order) {
      const b = builds[k];
      totals[k].parse += cpu(() => b.parser.parse(texts[i]));
      totals[k].extract += cpu(() => b.extractCSharp(b.parser, texts[i]));
    }
    if (i % 50 === 0) await breathe();
  }
  builds.forEach((b, k) => {
    b.parse.push(totals[k].parse);
    b.extract.push(totals[k].extract);
  });
}
console.log(`${files.length} C# files under ${root}, ${values.rounds} round(s), CPU ms (medians)`);
for (const b of builds) {
  const parse = median(b.parse);
  const extract = median(b.extract);
  console.log(
    `${b.dist}: parse ${parse.toFixed(0)}  extract ${extract.toFixed(0)}  walk ${(extract - parse).toFixed(0)} (${((extract - parse) / parse).toFixed(2)}× the parse)`,
  );
}

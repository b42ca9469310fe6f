#!/usr/bin/env node
/**
 * History pass benchmark: reads the git log of one or more repositories the way
 * `assess scan` does (one hardened `git log --numstat` per repository), then
 * computes file-level change coupling over the change sets, and prints commits/s,
 * peak memory and the number of git processes started.
 *
 *   npm run build && node bench/history.mjs <repo-or-folder-of-repos> [--since 12months|2010-01-01|all]
 *
 * Run it on a real repository with years of history (a local clone; never commit it).
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const { readEstateHistory, DEFAULT_HISTORY_SETTINGS, gitProcessCount } = await dist('src/history/index.js');
const { parseWindow } = await dist('src/history/window.js');
const { computeCoupling } = await dist('src/history/coupling.js');

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--'));
if (!target) {
  process.stderr.write('usage: node bench/history.mjs <repo-or-folder-of-repos> [--since <date|duration|all>]\n');
  process.exit(2);
}
const sinceIndex = args.indexOf('--since');
const sinceText = sinceIndex >= 0 ? args[sinceIndex + 1] : '12 months';
const window = sinceText === 'all' ? { kind: 'since', time: 0 } : parseWindow(sinceText);
if (!window) throw new Error(`--since: ${sinceText}`);

const abs = path.resolve(target);
const repos = existsSync(path.join(abs, '.git'))
  ? [{ name: path.basename(abs), absPath: abs, git: true }]
  : readdirSync(abs)
      .filter((d) => existsSync(path.join(abs, d, '.git')))
      .map((d) => ({ name: d, absPath: path.join(abs, d), git: true }));

const settings = { ...DEFAULT_HISTORY_SETTINGS, window };
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const history = await readEstateHistory(repos, settings, abs);
const readMs = performance.now() - started;
const heapAfterRead = process.memoryUsage().heapUsed;

const commits = history.repos.reduce((n, r) => n + r.commits.length, 0);
const changes = history.repos.reduce((n, r) => n + r.commits.reduce((m, c) => m + c.files.length, 0), 0);
const couplingStarted = performance.now();
const changeSets = history.repos.flatMap((r) =>
  r.commits.filter((c) => c.parentCount <= 1).map((c) => ({ entities: c.files.map((f) => `${r.repo}/${f.path}`) })),
);
const couplings = computeCoupling(changeSets, {
  minRevisions: settings.minRevisions,
  minSharedCommits: settings.minSharedCommits,
  minDegree: settings.minDegree,
  maxChangeSetSize: settings.bulkCommitFiles,
});
const couplingMs = performance.now() - couplingStarted;

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const lines = [
  `repositories           ${repos.length} (${history.diagnostics.map((d) => d.code).join(', ') || 'no diagnostics'})`,
  `window                 ${sinceText}`,
  `git processes started  ${gitProcessCount()}`,
  `commits read           ${commits} (${changes} file changes)`,
  `read + parse           ${(readMs / 1000).toFixed(2)} s = ${Math.round(commits / (readMs / 1000))} commits/s`,
  `coupling (file level)  ${(couplingMs / 1000).toFixed(2)} s, ${couplings.length} pairs over thresholds`,
  `heap held by history   ${mb(heapAfterRead - heapBefore)}`,
  `peak RSS (node)        ${mb(process.resourceUsage().maxRSS * 1024)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
if (couplings.length > 0) {
  process.stdout.write('strongest pairs:\n');
  for (const c of couplings.slice(0, 5))
    process.stdout.write(`  ${c.degree.toFixed(2)}  ${c.shared}×  ${c.a}  ⇄  ${c.b}\n`);
}

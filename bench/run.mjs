#!/usr/bin/env node
/**
 * `npm run bench`: scans a generated estate (bench/estate) as child processes of
 * `node bin/assess.js scan` and prints wall and CPU time, peak RSS, files/s and
 * MB/s — cold with and without history, warm and with 1% of files changed when
 * the scan has a facts cache — beside the parse floor of the same files measured
 * in the same run, the growth from 50 to 200 to 400 repositories, and, when
 * given, a TypeScript corpus against dependency-cruiser and madge and a .NET
 * corpus. Each figure is printed with the issue-15 target beside it.
 *
 *   npm run bench -- [--repos 200] [--seed 42] [--runs 3] [--growth 50,200,400|none]
 *                    [--ts-corpus DIR] [--dotnet-corpus DIR] [--peers /tmp/peers] [--json]
 *                    [--baseline DIR]   (another build's cold scans beside this one's)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureEstate } from './estate/index.mjs';
import { measure } from './lib/measure.mjs';
import { changeFiles } from './lib/change.mjs';
import { peerRows } from './lib/peers.mjs';
import { TARGETS, judge } from './lib/targets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assess = path.join(root, 'bin/assess.js');
const floorScript = path.join(root, 'bench/lib/floor.mjs');
const { values: opts } = parseArgs({
  options: {
    repos: { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '3' },
    growth: { type: 'string', default: '50,200,400' },
    'ts-corpus': { type: 'string' },
    'dotnet-corpus': { type: 'string' },
    peers: { type: 'string', default: '/tmp/peers' },
    baseline: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(opts.runs);
const seed = Number(opts.seed);
const work = mkdtempSync(path.join(tmpdir(), 'assess-bench-'));
const log = (line) => opts.json || process.stdout.write(`${line}\n`);
const progress = (line) => process.stderr.write(`… ${line}\n`);

const help = execFileSync(process.execPath, [assess, 'scan', '--help'], { encoding: 'utf8' });
const hasCache = help.includes('--no-cache');
const scanArgs = (target, extra = []) => [
  'scan',
  target,
  '--offline',
  '-q',
  '--json',
  path.join(work, 'result.json'),
  ...extra,
];
const cold = (extra) => (hasCache ? [...extra, '--no-cache'] : extra);
const scan = async (label, target, extra, options) => {
  progress(`${label}: ${runs} run(s)`);
  const m = await measure(assess, scanArgs(target, extra), { runs, cwd: root, ...options });
  // Exit 1 is failing findings, a normal outcome; anything else means the figure is not a scan's.
  if (m.failed && m.failed.code !== 1) throw new Error(`${label}: exit ${m.failed.code}\n${m.failed.stderr}`);
  return m;
};

/**
 * The same cold scan by another build (`--baseline DIR`: a checkout or copy with
 * bin/ and dist/), in this run, so before and after are measured under the same load.
 */
async function baselineRow(id, label, target, size) {
  const other = path.join(path.resolve(opts.baseline), 'bin/assess.js');
  progress(`${label}: ${runs} run(s)`);
  const m = await measure(other, scanArgs(target, ['--no-history']), { runs, cwd: root });
  row(id, label, m, size);
}

const figures = { estate: undefined, rows: [], peers: [], loadBefore: loadavg(), cores: availableParallelism() };
const row = (id, label, m, size) => {
  const entry = {
    id,
    label,
    wallS: m && m.wallMs / 1000,
    cpuS: m && m.cpuMs / 1000,
    rssMB: m?.rssMB,
    ...(m && size
      ? { filesPerS: size.files / (m.wallMs / 1000), mbPerS: size.bytes / 2 ** 20 / (m.wallMs / 1000) }
      : {}),
  };
  figures.rows.push(entry);
  return entry;
};

try {
  const repos = Number(opts.repos);
  progress(`estate of ${repos} repositories (seed ${seed})`);
  const estate = ensureEstate(repos, seed);
  figures.estate = { repos, seed, ...estate, mb: estate.bytes / 2 ** 20 };

  row('cold-history', 'cold, with history', await scan('cold with history', estate.root, cold([])), estate);
  const noHistory = row(
    'cold',
    'cold, no history',
    await scan('cold without history', estate.root, cold(['--no-history'])),
    estate,
  );
  if (opts.baseline) await baselineRow('cold-baseline', 'cold, no history — baseline build', estate.root, estate);
  progress(`parse floor: ${runs} run(s)`);
  const floorRun = await measure(floorScript, [estate.root], { runs, cwd: root });
  const floor = row('floor', 'parse floor (1 thread)', floorRun, estate);
  floor.parse = JSON.parse(floorRun.runs.at(-1).stdout);
  figures.floorRatio = noHistory.wallS / floor.wallS;
  // On a shared machine wall time waits for other processes; CPU time is the work done.
  figures.floorCpuRatio = noHistory.cpuS / floor.cpuS;

  if (hasCache) {
    const cacheDir = path.join(work, 'cache');
    const cached = ['--no-history', '--cache-dir', cacheDir];
    await measure(assess, scanArgs(estate.root, cached), { runs: 1, cwd: root });
    row('warm', 'warm, nothing changed', await scan('warm', estate.root, cached), estate);
    let restore;
    const changed = await scan('1% changed', estate.root, cached, {
      before: () => {
        restore?.();
        restore = changeFiles(estate.root, 0.01, seed);
      },
    });
    restore?.();
    row('changed', 'warm, 1% of files changed', changed, estate);
  } else {
    row('warm', 'warm, nothing changed (not available: the scan has no --no-cache/facts cache)');
    row('changed', 'warm, 1% of files changed (not available: the scan has no facts cache)');
  }

  const sizes = opts.growth === 'none' ? [] : opts.growth.split(',').map(Number);
  figures.growth = [];
  for (const size of sizes) {
    const grown = size === repos ? estate : ensureEstate(size, seed);
    const m =
      size === repos
        ? noHistory
        : row(
            `growth-${size}`,
            `cold, no history, ${size} repos`,
            await scan(`growth ${size}`, grown.root, cold(['--no-history'])),
            grown,
          );
    figures.growth.push({ repos: size, files: grown.files, lines: grown.lines, wallS: m.wallS, rssMB: m.rssMB });
  }

  if (opts['dotnet-corpus']) {
    const corpus = path.resolve(opts['dotnet-corpus']);
    row(
      'dotnet',
      `${path.basename(corpus)}, cold, no history`,
      await scan(path.basename(corpus), corpus, cold(['--no-history'])),
    );
    if (opts.baseline) await baselineRow('dotnet-baseline', `${path.basename(corpus)} — baseline build`, corpus);
  }
  if (opts['ts-corpus'])
    figures.peers = await peerRows(path.resolve(opts['ts-corpus']), {
      peers: opts.peers,
      runs,
      progress,
      assess: (target) =>
        measure(assess, scanArgs(target, cold(['--no-history', '--only', 'dependency-cycles'])), { runs, cwd: root }),
    });

  figures.loadAfter = loadavg();
  figures.verdicts = judge(figures);
  if (opts.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else printFigures(figures);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function printFigures(f) {
  const e = f.estate;
  log(
    `estate: ${e.repos} repos, ${e.files} files, ${e.lines} lines, ${e.mb.toFixed(1)} MB, ${e.commits} commits (${e.root})`,
  );
  const load = (l) => l.map((x) => x.toFixed(1)).join(' ');
  log(`runs: ${runs} per figure, medians; node ${process.version}; ${f.cores} cores`);
  log(`load average (1, 5, 15 min): ${load(f.loadBefore)} before, ${load(f.loadAfter)} after`);
  log('');
  log(
    `${'figure'.padEnd(44)}${'wall s'.padStart(8)}${'cpu s'.padStart(8)}${'RSS MB'.padStart(8)}${'files/s'.padStart(9)}${'MB/s'.padStart(7)}`,
  );
  for (const r of f.rows) {
    if (r.wallS === undefined) {
      log(r.label);
      continue;
    }
    log(
      `${r.label.padEnd(44)}${r.wallS.toFixed(2).padStart(8)}${r.cpuS.toFixed(2).padStart(8)}${r.rssMB.toFixed(0).padStart(8)}${(r.filesPerS ? r.filesPerS.toFixed(0) : '').padStart(9)}${(r.mbPerS ? r.mbPerS.toFixed(2) : '').padStart(7)}`,
    );
  }
  const p = f.rows.find((r) => r.id === 'floor')?.parse;
  if (p)
    log(
      `floor parse time alone: ${(p.parseMs / 1000).toFixed(2)} s (${Object.entries(p.byKind)
        .map(([k, v]) => `${k} ${(v.ms / 1000).toFixed(2)} s`)
        .join(', ')})`,
    );
  log(
    `cold without history / parse floor: ${f.floorRatio.toFixed(2)}× wall, ${f.floorCpuRatio.toFixed(2)}× CPU (the scan uses every core, the floor one)`,
  );
  if (f.growth.length > 0)
    log(
      `growth: ${f.growth
        .map((g, i) => {
          const step = i > 0 ? ` (${(g.wallS / f.growth[i - 1].wallS).toFixed(2)}×)` : '';
          return `${g.repos} repos ${g.wallS.toFixed(2)} s / ${g.rssMB.toFixed(0)} MB${step}`;
        })
        .join(' → ')}`,
    );
  for (const peer of f.peers)
    log(
      peer.wallS === undefined
        ? `${peer.tool.padEnd(20)} ${peer.corpus}: ${peer.note}`
        : `${peer.tool.padEnd(20)} ${peer.corpus}: ${peer.wallS.toFixed(2)} s, ${peer.rssMB.toFixed(0)} MB${peer.note ? ` (${peer.note})` : ''}`,
    );
  log('');
  log(`${'target'.padEnd(58)}${'measured'.padEnd(28)}verdict`);
  for (const v of f.verdicts) log(`${v.target.padEnd(58)}${v.measured.padEnd(28)}${v.verdict}`);
}

export { TARGETS };

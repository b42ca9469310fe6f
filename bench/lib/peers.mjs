/**
 * A TypeScript corpus through dependency-cruiser and madge (installed apart
 * from the project: `npm i --prefix /tmp/peers dependency-cruiser madge
 * typescript`) beside assess's file graph of the same folder. A peer that is
 * not installed gets a row saying so instead of a figure.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measure } from './measure.mjs';

export async function peerRows(corpus, { peers, runs, progress, assess }) {
  const name = path.basename(corpus);
  const tsconfig = ['tsconfig.base.json', 'tsconfig.json'].map((f) => path.join(corpus, f)).find(existsSync);
  const rows = [];
  progress(`${name}: assess file graph`);
  rows.push({ tool: 'assess', corpus: name, ...figures(await assess(corpus)) });
  const tools = [
    {
      tool: 'madge',
      script: path.join(peers, 'node_modules/madge/bin/cli.js'),
      args: ['--extensions', 'ts,tsx,js,jsx,mjs,cjs', '--json', ...(tsconfig ? ['--ts-config', tsconfig] : []), corpus],
    },
    {
      tool: 'dependency-cruiser',
      script: path.join(peers, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      args: [
        '--no-config',
        '--exclude',
        'node_modules',
        '--output-type',
        'json',
        '--output-to',
        path.join(tmpdir(), `assess-bench-depcruise-${process.pid}.json`),
        ...(tsconfig ? ['--ts-config', tsconfig] : []),
        corpus,
      ],
    },
  ];
  for (const { tool, script, args } of tools) {
    if (!existsSync(script)) {
      rows.push({ tool, corpus: name, note: `not installed under ${peers}` });
      continue;
    }
    progress(`${name}: ${tool}`);
    rows.push({ tool, corpus: name, ...figures(await measure(script, args, { runs, cwd: corpus })) });
  }
  return rows;
}

function figures(m) {
  const note = m.failed && `exit ${m.failed.code}: ${m.failed.stderr.trim().split('\n').at(-1)?.slice(0, 120)}`;
  return { wallS: m.wallMs / 1000, cpuS: m.cpuMs / 1000, rssMB: m.rssMB, ...(note ? { note } : {}) };
}

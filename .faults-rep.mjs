import { applyCase } from './test/fuzz/harness.mjs';
import { loadSeeds } from './test/fuzz/seeds.mjs';
import { classifyFile } from './dist/src/discover/classify.js';
import { processFile, loadParsers } from './dist/src/extract/processFile.js';
import { writeFileSync } from 'node:fs';
const seeds = loadSeeds(process.cwd(), classifyFile);
const cases = [
  {
    seed: 78,
    mutations: [
      { op: 'truncate', at: 4485 },
      { op: 'flip', at: 9031, byte: 0 },
      { op: 'insert', token: '-->', times: 507, at: 6 },
      { op: 'truncate', at: 6163 },
      { op: 'splice', from: 10, start: 9907, length: 291, at: 554 },
      { op: 'repeat', start: 6510, length: 1, times: 37 },
    ],
    readAs: 14,
  },
  {
    seed: 72,
    mutations: [
      { op: 'splice', from: 20, start: 1852, length: 357, at: 5746 },
      { op: 'delete', at: 4501, length: 59 },
      { op: 'insert', token: '`', times: 318, at: 1958 },
      { op: 'insert', token: '#if DEBUG\n', times: 518, at: 8868 },
      { op: 'delete', at: 882, length: 104 },
    ],
  },
  {
    seed: 11,
    mutations: [
      { op: 'delete', at: 5425, length: 144 },
      { op: 'splice', from: 77, start: 276, length: 565, at: 3202 },
      { op: 'truncate', at: 6259 },
      { op: 'truncate', at: 3837 },
      { op: 'splice', from: 72, start: 70, length: 389, at: 3051 },
      { op: 'splice', from: 52, start: 3347, length: 281, at: 4667 },
    ],
    readAs: 76,
  },
];
const parsers = await loadParsers([{ kind: 'csharp' }]);
for (const [k, c] of cases.entries()) {
  const f = applyCase(seeds, c);
  const abs = `/tmp/faults-case${k}${f.path.slice(f.path.lastIndexOf('.'))}`;
  writeFileSync(abs, f.bytes);
  const t = performance.now();
  const r = processFile(
    { repo: 'r', path: f.path, absPath: abs, size: f.bytes.length, kind: f.kind },
    1 << 22,
    parsers,
    120000,
  );
  console.log(
    k,
    f.kind,
    f.bytes.length,
    'bytes',
    Math.round(performance.now() - t),
    'ms',
    JSON.stringify(r.diagnostics.map((d) => d.code + ': ' + d.message.slice(0, 150))),
  );
}

/** Broken JS/TS configuration and sources: diagnostics, defaults, and the imports that still resolve. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/core/result.js';
import { assess } from './cli.js';

let root: string;
let result: ScanResult;
let status: number;

function put(file: string, content: string): void {
  const abs = path.join(root, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'assess-js-bad-'));
  put('web/.git/HEAD', 'ref: refs/heads/main\n');
  put('web/package.json', '{ "name": "web", "dependencies": { "left-pad": "1.0.0" ');
  // Each config extends the other.
  put('web/tsconfig.json', '{ "extends": "./tsconfig.base.json", "compilerOptions": { "baseUrl": "." } }');
  put('web/tsconfig.base.json', '{ "extends": "./tsconfig.json" }');
  put(
    'web/src/app.ts',
    "import { util } from './util';\nimport pad from 'left-pad';\nexport const x = util(pad('a', 2));\n",
  );
  put('web/src/util.ts', 'export function util(s: string) { return s; }\n');
  put('web/src/broken.ts', "import { util } from './util';\nexport const y = util(;\nexport const z = 1;\n");
  put('api/.git/HEAD', 'ref: refs/heads/main\n');
  put('api/tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["src/*"] ');
  put('api/src/index.ts', "import { a } from './a';\nconsole.log(a);\n");
  put('api/src/a.ts', 'export const a = 1;\n');
  const out = path.join(root, '..', `${path.basename(root)}.json`);
  const run = assess(['scan', root, '--json', out, '--quiet', '--no-history']);
  status = run.status;
  result = JSON.parse(readFileSync(out, 'utf8')) as ScanResult;
  rmSync(out, { force: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const codes = (repo: string) => result.diagnostics.filter((d) => d.repo === repo).map((d) => `${d.code} ${d.file}`);
const hasImport = (from: string, to: string) =>
  result.graph.edges.some((e) => e.kind === 'import' && e.from === from && e.to === to);

describe('a scan of broken JS/TS input', () => {
  it('completes', () => {
    expect(status).toBe(0);
  });

  it('reports a circular extends, a broken tsconfig, a broken package.json and a syntax error', () => {
    expect(codes('web')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tsconfig-circular-extends tsconfig(\.base)?\.json$/),
        'package-json-invalid package.json',
        'js-syntax-error src/broken.ts',
      ]),
    );
    expect(codes('api')).toContain('tsconfig-invalid tsconfig.json');
  });

  it('still resolves relative imports, with compiler defaults where the config is unusable', () => {
    expect(hasImport('file:web/src/app.ts', 'file:web/src/util.ts')).toBe(true);
    expect(hasImport('file:web/src/broken.ts', 'file:web/src/util.ts')).toBe(true);
    expect(hasImport('file:api/src/index.ts', 'file:api/src/a.ts')).toBe(true);
  });
});

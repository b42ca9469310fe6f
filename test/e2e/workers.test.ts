/** Extraction in worker threads gives exactly the result of extraction in one thread. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS benchmark generator
import { generateEstate } from '../../bench/generate.mjs';
import { assess } from './cli.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-workers-'));
  // 6 × 3 × 25 = 450 C# files: above the threshold where workers start.
  generateEstate(path.join(work, 'estate'), { repos: 6, projects: 3, files: 25, lines: 40 });
  // tsconfig files are read in the main thread while the workers take the rest: the results must
  // still come back in discovery order, the broken config's diagnostic included.
  const web = path.join(work, 'estate', 'storefront-web');
  const files: Record<string, string> = {
    'package.json': '{ "name": "storefront-web", "version": "1.0.0" }',
    'tsconfig.base.json': '{ "compilerOptions": { "paths": { "@shop/ui/*": ["./libs/ui/*"] } } }',
    'tsconfig.json': '{ "extends": "./tsconfig.base.json", // comments are allowed\n }',
    'libs/ui/tsconfig.json': '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "strict": true, } }',
    'libs/ui/button.ts': "export const button = (label: string) => '<button>' + label + '</button>';\n",
    'apps/broken/tsconfig.json': '{ "compilerOptions": { "strict": tru',
    'apps/broken/main.ts': "import { button } from '@shop/ui/button';\nexport const page = button('Pay');\n",
    'apps/shop/main.ts': "import { button } from '@shop/ui/button';\nexport const cart = button('Buy');\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(web, file)), { recursive: true });
    writeFileSync(path.join(web, file), text);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('extraction workers', () => {
  it('give byte-identical results to a single thread', () => {
    const outputs = ['1', '3'].map((jobs) => {
      const out = path.join(work, `jobs-${jobs}.json`);
      const run = assess([
        'scan',
        path.join(work, 'estate'),
        '--jobs',
        jobs,
        '--no-cache',
        '--no-history',
        '--quiet',
        '--json',
        out,
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return readFileSync(out, 'utf8');
    });
    const single = JSON.parse(outputs[0]!);
    expect(single.stats.types).toBe(450);
    expect(single.diagnostics.some((d: { code: string }) => d.code === 'tsconfig-invalid')).toBe(true);
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '').replace(/"elapsedMs": \d+/, '');
    expect(strip(outputs[1]!)).toBe(strip(outputs[0]!));
  });

  it('rejects a bad --jobs value', () => {
    expect(assess(['scan', work, '--jobs', '0']).status).toBe(2);
  });
});

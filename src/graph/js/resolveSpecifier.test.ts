import { createRequire } from 'node:module';
import type { ts as Ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { RepoModel } from '../../core/model.js';
import { classifyFile } from '../../discover/classify.js';
import { extractFile } from '../../extract/extractFile.js';
import { CompilerSettingsIndex } from './compilerSettings.js';
import { EstateFileSystem } from './estateFileSystem.js';
import { SpecifierResolver, type Resolution } from './resolveSpecifier.js';

const { ts } = createRequire(import.meta.url)('ts-morph') as { ts: typeof Ts };

/** A resolver over one repository of `files`, counting how often TypeScript's resolver runs. */
function resolverOf(files: Record<string, string>) {
  const repo: RepoModel = {
    name: 'app',
    path: 'app',
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const kind = classifyFile(path.slice(path.lastIndexOf('/') + 1))!;
      const outcome = extractFile(kind, path, text, { typescript: ts });
      return { repo: 'app', path, kind, loc: outcome.loc, ...(outcome.facts ? { facts: outcome.facts } : {}) };
    }),
  };
  const calls = { count: 0 };
  const counting = {
    ...ts,
    resolveModuleName: (...args: Parameters<typeof ts.resolveModuleName>) => {
      calls.count++;
      return ts.resolveModuleName(...args);
    },
  } as typeof Ts;
  const fs = new EstateFileSystem([repo]);
  const resolver = new SpecifierResolver(counting, fs, new CompilerSettingsIndex(counting, fs, [repo]));
  const resolve = (file: string, specifier: string): Resolution =>
    resolver.resolve('app', `/app/${file}`, specifier, 'import');
  return { resolve, calls };
}

const target = (r: Resolution): string => (r.kind === 'file' ? r.file.path : r.kind);

describe('bare specifiers', () => {
  it('run TypeScript once per specifier for every folder of a package, with the same answers', () => {
    const files: Record<string, string> = {
      'package.json': '{ "name": "shop", "dependencies": { "lodash": "4.17.21" } }',
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@shop/common/*": ["./libs/common/*"] } } }',
      'libs/common/money.ts': 'export const cents = (n: number) => Math.round(n * 100);\n',
    };
    const folders = ['a', 'a/b', 'a/b/c', 'd', 'd/e', 'f/g/h'];
    for (const folder of folders) files[`src/${folder}/page.ts`] = 'export const page = 1;\n';
    const { resolve, calls } = resolverOf(files);
    for (const folder of folders) {
      expect(target(resolve(`src/${folder}/page.ts`, 'lodash'))).toBe('package');
      expect(target(resolve(`src/${folder}/page.ts`, '@shop/common/money'))).toBe('libs/common/money.ts');
    }
    expect(calls.count).toBe(2);
  });

  it('keep the package scope apart: `#imports` of two packages in one repository name different files', () => {
    const { resolve } = resolverOf({
      'packages/billing/package.json': '{ "name": "billing", "imports": { "#config": "./src/config.ts" } }',
      'packages/billing/src/config.ts': 'export const currency = "EUR";\n',
      'packages/billing/src/invoices/deep/issue.ts': 'export const issue = 1;\n',
      'packages/orders/package.json': '{ "name": "orders", "imports": { "#config": "./src/settings.ts" } }',
      'packages/orders/src/settings.ts': 'export const region = "eu";\n',
      'packages/orders/src/place.ts': 'export const place = 1;\n',
    });
    expect(target(resolve('packages/billing/src/invoices/deep/issue.ts', '#config'))).toBe(
      'packages/billing/src/config.ts',
    );
    expect(target(resolve('packages/orders/src/place.ts', '#config'))).toBe('packages/orders/src/settings.ts');
  });

  it('still resolve relative specifiers from each importing folder', () => {
    const { resolve } = resolverOf({
      'src/a/util.ts': 'export const a = 1;\n',
      'src/b/util.ts': 'export const b = 1;\n',
      'src/a/main.ts': 'export const m = 1;\n',
      'src/b/main.ts': 'export const m = 1;\n',
    });
    expect(target(resolve('src/a/main.ts', './util'))).toBe('src/a/util.ts');
    expect(target(resolve('src/b/main.ts', './util'))).toBe('src/b/util.ts');
  });
});

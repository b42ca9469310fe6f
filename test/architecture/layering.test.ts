/** The project keeps its own layering: folders import only what LAYERS allows, and no two folders import each other. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  layerCycle,
  layeringViolations,
  ownershipViolations,
  productionModules,
  readImports,
  type ModuleImport,
} from './imports.js';
import { LAYERS, PACKAGE_OWNERS } from './layers.js';
import { analyzers } from '../../analyzers/index.js';
import { projectRoot } from '../e2e/cli.js';

const modules = productionModules(projectRoot, ['src', 'analyzers']);
const imports = modules.flatMap((file) => readImports(projectRoot, file));

describe('layering', () => {
  it('names every top-level folder of src', () => {
    const folders = readdirSync(path.join(projectRoot, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `src/${e.name}`);
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
  });

  it('is acyclic as written', () => {
    expect(layerCycle(LAYERS)).toBeUndefined();
  });

  it('holds in the code: every import stays within what its folder may import', () => {
    expect(imports.length).toBeGreaterThan(500); // a blind check would pass on nothing
    expect(layeringViolations(imports, LAYERS)).toEqual([]);
  });

  it('keeps src/core free of the rest of the project', () => {
    const fromCore = imports.filter(
      (i) => i.from.startsWith('src/core/') && i.target && !i.target.startsWith('src/core/'),
    );
    expect(fromCore).toEqual([]);
  });

  it('resolves every relative import to a module that exists', () => {
    expect(
      imports
        .filter((i) => i.target && !existsSync(path.join(projectRoot, i.target)))
        .map((i) => `${i.from} → ${i.specifier}`),
    ).toEqual([]);
  });

  it('imports heavy parsers only from the module that owns them', () => {
    expect(ownershipViolations(imports, PACKAGE_OWNERS)).toEqual([]);
  });

  it('names no analyzer id outside analyzers/: phases, reporters and the CLI learn from meta and findings', () => {
    const ids = analyzers.map((a) => a.meta.id);
    const outside = productionModules(projectRoot, ['src', 'bin']).filter(
      (file) => file.endsWith('.ts') || file.endsWith('.js'),
    );
    const naming = outside.flatMap((file) => {
      const text = readFileSync(path.join(projectRoot, file), 'utf8');
      return ids.filter((id) => new RegExp(`\\b${id}\\b`).test(text)).map((id) => `${file}: ${id}`);
    });
    expect(ids.length).toBeGreaterThan(5);
    expect(naming).toEqual([]);
  });
});

describe('layering checks', () => {
  const planted = (from: string, specifier: string, typeOnly = false): ModuleImport => ({
    from,
    specifier,
    typeOnly,
    target: path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '.ts'),
  });

  it('catch a back-edge from core to the pipeline, type-only or not', () => {
    expect(layeringViolations([planted('src/core/result.ts', '../scan/runScan.js', true)], LAYERS)).toEqual([
      { from: 'src/core', to: 'src/scan', module: 'src/core/result.ts', specifier: '../scan/runScan.js' },
    ]);
    expect(layeringViolations([planted('src/graph/buildGraph.ts', '../history/index.js')], LAYERS)).toHaveLength(1);
  });

  it('catch a cycle written into the data', () => {
    expect(layerCycle({ ...LAYERS, 'src/core': ['src/graph'] })).toEqual(['src/core', 'src/graph', 'src/core']);
  });

  it('catch a second module importing Babel', () => {
    const second: ModuleImport = { from: 'src/extract/sql/jsQueries.ts', specifier: '@babel/parser', typeOnly: false };
    expect(ownershipViolations([second, { ...second, typeOnly: true }], PACKAGE_OWNERS)).toEqual([second]);
  });
});

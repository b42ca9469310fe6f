import { describe, expect, it } from 'vitest';
import type { RepoModel } from '../../core/model.js';
import { classifyFile } from '../../discover/classify.js';
import { extractFile } from '../../extract/extractFile.js';
import { buildEstateGraph } from '../buildGraph.js';

function graphOf(files: Record<string, string>) {
  const repo: RepoModel = {
    name: 'app',
    path: 'app',
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const kind = classifyFile(path.slice(path.lastIndexOf('/') + 1))!;
      const outcome = extractFile(kind, path, text, {});
      return { repo: 'app', path, kind, loc: outcome.loc, ...(outcome.facts ? { facts: outcome.facts } : {}) };
    }),
  };
  return buildEstateGraph([repo], new Map([['app', '/nowhere/app']])).graph;
}

describe('JS imports of data files', () => {
  it('link the importing file to a JSON file in a folder with no code, without a module for that folder', () => {
    const graph = graphOf({
      'package.json': '{ "name": "app", "version": "1.0.0" }',
      'src/countries.ts':
        "import countries from './assets/countries.json';\nexport const names = Object.keys(countries);\n",
      'src/assets/countries.json': '{ "CH": "Switzerland", "DE": "Germany" }',
      'src/lib/util.ts': 'export const id = <T>(x: T): T => x;\n',
      'src/main.ts':
        "import { id } from './lib/util';\nimport { names } from './countries';\nconsole.log(id(names));\n",
    });
    const imports = graph.edgesOfKind('import').map((e) => [e.from, e.to]);
    expect(imports).toContainEqual(['file:app/src/countries.ts', 'file:app/src/assets/countries.json']);
    const moduleDeps = graph.edgesOfKind('module-dep').map((e) => [e.from, e.to]);
    expect(moduleDeps).toEqual([['module:app/src', 'module:app/src/lib']]);
  });
});

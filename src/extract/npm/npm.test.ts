import { describe, expect, it } from 'vitest';
import { extractPackageJson } from './packageJson.js';
import { extractNpmLockfile } from './lockfile.js';
import { extractNuGetLock } from '../dotnet/nugetLock.js';

const MANIFEST = `{
  "name": "harbor-web",
  "version": "1.4.0",
  "private": true,
  "workspaces": ["packages/*"],
  "engines": { "node": ">=8" },
  "scripts": { "postinstall": "rm -rf /" },
  "dependencies": {
    "lodash": "^4.17.4",
    "left-pad": "git+https://github.com/left-pad/left-pad.git#v1.3.0",
    "react": "latest"
  },
  "devDependencies": { "lodash": "4.17.4", "typescript": "~2.9.2" },
  "peerDependencies": { "react-dom": ">=16 <18" }
}`;

describe('package.json', () => {
  it('reads ranges by dependency kind with their lines, workspaces and engines', () => {
    const { facts, problems } = extractPackageJson(MANIFEST);
    expect(problems).toEqual([]);
    expect(facts).toMatchObject({
      name: 'harbor-web',
      version: '1.4.0',
      private: true,
      workspaces: ['packages/*'],
      enginesNode: '>=8',
    });
    expect(facts!.dependencies).toEqual([
      { name: 'lodash', range: '^4.17.4', type: 'dependencies', line: 9 },
      {
        name: 'left-pad',
        range: 'git+https://github.com/left-pad/left-pad.git#v1.3.0',
        type: 'dependencies',
        line: 10,
      },
      { name: 'react', range: 'latest', type: 'dependencies', line: 11 },
      { name: 'lodash', range: '4.17.4', type: 'devDependencies', line: 13 },
      { name: 'typescript', range: '~2.9.2', type: 'devDependencies', line: 13 },
      { name: 'react-dom', range: '>=16 <18', type: 'peerDependencies', line: 14 },
    ]);
  });

  it('keeps the fields module resolution reads, and only those', () => {
    const manifest =
      '{"name":"@harbor/ui","main":"dist/index.js","types":"src/index.ts","exports":{".":"./src/index.ts"},"scripts":{"x":"y"}}';
    expect(extractPackageJson(manifest).facts?.entryPoints).toEqual({
      main: 'dist/index.js',
      types: 'src/index.ts',
      exports: { '.': './src/index.ts' },
    });
    expect(extractPackageJson(MANIFEST).facts?.entryPoints).toBeUndefined();
  });

  it('reads yarn classic workspaces.packages', () => {
    expect(extractPackageJson('{"workspaces":{"packages":["apps/*"]}}').facts?.workspaces).toEqual(['apps/*']);
  });

  it('turns broken JSON and odd shapes into problems, keeping what it can', () => {
    const broken = extractPackageJson('{\n  "name": "x",\n  "dependencies": {\n    "a": "1.0.0",,\n  }\n}');
    expect(broken.facts).toBeUndefined();
    expect(broken.problems[0]).toMatchObject({ code: 'package-json-invalid', line: 4 });
    expect(extractPackageJson('[1,2]').problems[0]?.code).toBe('package-json-invalid');
    const odd = extractPackageJson('{"dependencies": {"a": 1, "b": "^2"}, "devDependencies": "nope"}');
    expect(odd.facts?.dependencies.map((d) => d.name)).toEqual(['b']);
    expect(odd.problems).toHaveLength(2);
  });
});

describe('package-lock.json', () => {
  it('v3: top-level installs per workspace, nested copies and links left out', () => {
    const lock = JSON.stringify({
      name: 'root',
      lockfileVersion: 3,
      packages: {
        '': { name: 'root', workspaces: ['packages/*'] },
        'packages/ui': { name: '@harbor/ui', version: '0.1.0' },
        'node_modules/@harbor/ui': { resolved: 'packages/ui', link: true },
        'node_modules/lodash': { version: '4.17.4' },
        'node_modules/@babel/core': { version: '7.1.0' },
        'node_modules/@babel/core/node_modules/debug': { version: '3.2.7' },
        'packages/ui/node_modules/lodash': { version: '3.10.1' },
      },
    });
    const { facts, problems } = extractNpmLockfile('package-lock.json', lock);
    expect(problems).toEqual([]);
    expect(facts).toMatchObject({ format: 'package-lock', lockfileVersion: '3', packageCount: 4 });
    expect(facts!.locked).toEqual([
      { name: 'lodash', version: '4.17.4', importer: '' },
      { name: '@babel/core', version: '7.1.0', importer: '' },
      { name: 'lodash', version: '3.10.1', importer: 'packages/ui' },
    ]);
  });

  it('v1: the dependencies tree', () => {
    const lock = JSON.stringify({
      lockfileVersion: 1,
      dependencies: {
        lodash: { version: '4.17.4' },
        a: { version: '1.0.0', dependencies: { b: { version: '2.0.0' } } },
      },
    });
    const { facts } = extractNpmLockfile('package-lock.json', lock);
    expect(facts!.locked).toEqual([
      { name: 'lodash', version: '4.17.4', importer: '' },
      { name: 'a', version: '1.0.0', importer: '' },
    ]);
    expect(facts!.packageCount).toBe(3);
  });

  it('v1: counts a tree nested 10,000 deep without running out of stack', () => {
    const depth = 10_000;
    const lock = `{"lockfileVersion":1,"dependencies":${'{"a":{"version":"1.0.0","dependencies":'.repeat(depth)}{}${'}}'.repeat(depth)}}`;
    const { facts, problems } = extractNpmLockfile('package-lock.json', lock);
    expect(problems).toEqual([]);
    expect(facts!.packageCount).toBe(depth);
  });

  it('reports malformed lockfiles', () => {
    expect(extractNpmLockfile('package-lock.json', '{"lockfileVersion": 2,').problems[0]?.code).toBe(
      'npm-lockfile-invalid',
    );
    expect(extractNpmLockfile('package-lock.json', '{"lockfileVersion": 2}').problems[0]?.message).toMatch(/neither/);
  });
});

describe('yarn.lock', () => {
  it('classic: one entry per name@range', () => {
    const lock = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


lodash@^4.17.4, lodash@^4.0.0:
  version "4.17.4"
  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.4.tgz#78203a4d1c328ae1d86dca6460e369b57f4055ae"

"@babel/core@^7.0.0":
  version "7.1.0"
  dependencies:
    debug "^3.1.0"
`;
    const { facts, problems } = extractNpmLockfile('yarn.lock', lock);
    expect(problems).toEqual([]);
    expect(facts).toMatchObject({ format: 'yarn-classic', packageCount: 2 });
    expect(facts!.locked).toEqual([
      { name: 'lodash', version: '4.17.4', range: '^4.17.4' },
      { name: 'lodash', version: '4.17.4', range: '^4.0.0' },
      { name: '@babel/core', version: '7.1.0', range: '^7.0.0' },
    ]);
  });

  it('berry: npm: protocol dropped, workspaces left out', () => {
    const lock = `__metadata:
  version: 6
  cacheKey: 8

"lodash@npm:^4.17.4, lodash@npm:^4.17.20":
  version: 4.17.21
  resolution: "lodash@npm:4.17.21"

"harbor-web@workspace:.":
  version: 0.0.0-use.local
  resolution: "harbor-web@workspace:."
`;
    const { facts } = extractNpmLockfile('yarn.lock', lock);
    expect(facts).toMatchObject({ format: 'yarn-berry', lockfileVersion: '6', packageCount: 1 });
    expect(facts!.locked).toEqual([
      { name: 'lodash', version: '4.17.21', range: '^4.17.4' },
      { name: 'lodash', version: '4.17.21', range: '^4.17.20' },
    ]);
  });

  it('reports an unparsable yarn.lock', () => {
    expect(extractNpmLockfile('yarn.lock', 'lodash@^4:\n  version "4\n  x:: y').problems[0]).toMatchObject({
      code: 'npm-lockfile-invalid',
      line: 2,
    });
  });
});

describe('pnpm-lock.yaml', () => {
  it('v9 importers with specifiers and peer suffixes', () => {
    const lock = `lockfileVersion: '9.0'
importers:
  .:
    dependencies:
      lodash:
        specifier: ^4.17.4
        version: 4.17.21
      react-dom:
        specifier: ^18.2.0
        version: 18.2.0(react@18.2.0)
  packages/ui:
    dependencies:
      '@harbor/core':
        specifier: workspace:*
        version: link:../core
packages:
  lodash@4.17.21: {}
  react-dom@18.2.0: {}
`;
    const { facts, problems } = extractNpmLockfile('pnpm-lock.yaml', lock);
    expect(problems).toEqual([]);
    expect(facts).toMatchObject({ format: 'pnpm', lockfileVersion: '9.0', packageCount: 2 });
    expect(facts!.locked).toEqual([
      { name: 'lodash', version: '4.17.21', importer: '', range: '^4.17.4' },
      { name: 'react-dom', version: '18.2.0', importer: '', range: '^18.2.0' },
    ]);
  });

  it('v5 single project with specifiers beside plain versions', () => {
    const lock = `lockfileVersion: 5.4
specifiers:
  lodash: ^4.17.4
dependencies:
  lodash: 4.17.4
devDependencies:
  react-dom: 16.8.0_react@16.8.0
`;
    const { facts } = extractNpmLockfile('pnpm-lock.yaml', lock);
    expect(facts!.locked).toEqual([
      { name: 'lodash', version: '4.17.4', importer: '', range: '^4.17.4' },
      { name: 'react-dom', version: '16.8.0', importer: '' },
    ]);
  });

  it('reports broken YAML with its line', () => {
    const outcome = extractNpmLockfile('pnpm-lock.yaml', 'lockfileVersion: 5\ndependencies:\n  lodash: [4\n');
    expect(outcome.problems[0]).toMatchObject({ code: 'npm-lockfile-invalid' });
  });
});

describe('NuGet packages.lock.json', () => {
  it('keeps direct and central-transitive dependencies per framework', () => {
    const lock = JSON.stringify({
      version: 2,
      dependencies: {
        'net6.0': {
          Dapper: { type: 'Direct', requested: '[2.0.123, )', resolved: '2.0.123', contentHash: 'x' },
          'System.Memory': { type: 'Transitive', resolved: '4.5.4' },
          'Harbor.Contracts': { type: 'Project' },
          'Newtonsoft.Json': { type: 'CentralTransitive', requested: '[6.0.4, )', resolved: '6.0.4' },
        },
      },
    });
    const { facts, problems } = extractNuGetLock(lock);
    expect(problems).toEqual([]);
    expect(facts).toEqual({
      kind: 'nuget-lock',
      lockfileVersion: 2,
      frameworks: ['net6.0'],
      direct: [
        { name: 'Dapper', requested: '[2.0.123, )', resolved: '2.0.123', framework: 'net6.0' },
        { name: 'Newtonsoft.Json', requested: '[6.0.4, )', resolved: '6.0.4', framework: 'net6.0' },
      ],
      transitiveCount: 1,
    });
  });

  it('reports a lockfile without dependencies', () => {
    expect(extractNuGetLock('{"version": 1}').problems[0]?.code).toBe('nuget-lock-invalid');
    expect(extractNuGetLock('not json').problems[0]?.code).toBe('nuget-lock-invalid');
  });
});

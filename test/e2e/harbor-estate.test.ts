/** The bundled fixture estate, scanned through the CLI, against its written-down expectations. */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEdgeOfKind, type EdgeKind, type GraphEdgeOf } from '../../src/core/graphData.js';
import type { Finding, ScanResult } from '../../src/core/result.js';
import { assess, projectRoot, scanFixtureEstate } from './cli.js';

interface Expected {
  repos: string[];
  projects: { id: string; assemblyName: string; sdkStyle: boolean; targetFrameworks: string[] }[];
  projectReferences: [string, string][];
  packageReferences: [string, string, string][];
  crossRepoProjectDependencies: { from: string; to: string; via: string }[];
  typeReferences: [string, string][];
  absentTypeReferences: [string, string][];
  namespaceDependencies: [string, string][];
  absentNamespaceDependencies: [string, string][];
  namespaceCycles: string[][];
  projectCycles: string[][];
  typesNotPresent: string[];
}

const expected = JSON.parse(
  readFileSync(path.join(projectRoot, 'fixtures/harbor-estate/expected.json'), 'utf8'),
) as Expected;

let work: string;
let estate: string;
let result: ScanResult;
let tableOutput: string;

const edge = <K extends EdgeKind>(kind: K, from: string, to: string): GraphEdgeOf<K> | undefined =>
  result.graph.edges.filter(isEdgeOfKind(kind)).find((e) => e.from === from && e.to === to);
const cyclesAt = (level: string): Finding[] =>
  result.findings.filter((f) => f.ruleId === 'dependency-cycles' && f.data.level === level);

beforeAll(() => {
  ({ work, estate, result, stdout: tableOutput } = scanFixtureEstate('harbor-estate'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('harbor-estate scanned through the CLI', () => {
  it('finds the repositories', () => {
    expect(result.repos.map((r) => r.name)).toEqual(expected.repos);
    expect(result.repos.every((r) => r.git)).toBe(true);
  });

  it('reads every project with its framework and assembly', () => {
    for (const project of expected.projects) {
      const node = result.graph.nodes.find((n) => n.id === project.id);
      expect(node, project.id).toBeDefined();
      expect(node!.data).toMatchObject({
        assemblyName: project.assemblyName,
        sdkStyle: project.sdkStyle,
        targetFrameworks: project.targetFrameworks,
      });
    }
    // npm manifests are projects too (`data.ecosystem: 'npm'`); this list holds the .NET ones.
    expect(result.graph.nodes.filter((n) => n.kind === 'project' && n.data?.ecosystem !== 'npm')).toHaveLength(
      expected.projects.length,
    );
    // The summary counts npm projects too.
    const npmProjects = result.graph.nodes.filter((n) => n.kind === 'project' && n.data?.ecosystem === 'npm').length;
    expect(npmProjects).toBeGreaterThan(0);
    expect(result.stats.projects).toBe(expected.projects.length + npmProjects);
  });

  it('resolves project and package references', () => {
    for (const [from, to] of expected.projectReferences)
      expect(edge('project-ref', from, to), `${from} → ${to}`).toBeDefined();
    for (const [from, to, version] of expected.packageReferences) {
      expect(edge('package-ref', from, to)?.data?.version, `${from} → ${to}`).toBe(version);
    }
  });

  it('turns internal packages and assemblies into project dependencies across repositories', () => {
    for (const { from, to, via } of expected.crossRepoProjectDependencies) {
      const dependency = edge('project-dep', from, to);
      expect(dependency, `${from} → ${to}`).toBeDefined();
      expect(dependency!.data).toMatchObject({ crossRepo: true });
      expect(dependency!.data!.via).toContain(via);
    }
  });

  it('resolves type references across namespaces, projects and repositories', () => {
    const missing = expected.typeReferences.filter(([from, to]) => !edge('type-ref', from, to));
    expect(missing).toEqual([]);
    const wrong = expected.absentTypeReferences.filter(([from, to]) => edge('type-ref', from, to));
    expect(wrong).toEqual([]);
  });

  it('rolls type references up to namespace dependencies', () => {
    const missing = expected.namespaceDependencies.filter(([from, to]) => !edge('namespace-ref', from, to));
    expect(missing).toEqual([]);
    const wrong = expected.absentNamespaceDependencies.filter(([from, to]) => edge('namespace-ref', from, to));
    expect(wrong).toEqual([]);
  });

  it('reports exactly the namespace and project cycles written down', () => {
    const sorted = (cycles: string[][]) =>
      cycles.map((c) => [...c].sort()).sort((a, b) => a.join().localeCompare(b.join()));
    expect(sorted(cyclesAt('namespace').map((f) => f.data.members as string[]))).toEqual(
      sorted(expected.namespaceCycles),
    );
    expect(sorted(cyclesAt('project').map((f) => f.data.members as string[]))).toEqual(sorted(expected.projectCycles));
    for (const finding of cyclesAt('namespace')) {
      expect(finding.location.file, finding.message).toMatch(/\.cs$/);
      expect(finding.location.line).toBeGreaterThan(0);
    }
  });

  it('skips build output and restored packages', () => {
    const ids = new Set(result.graph.nodes.map((n) => n.id));
    for (const id of expected.typesNotPresent) expect(ids.has(id), id).toBe(false);
    // `packages/` of a JS workspace (notifications-gateway) holds sources; restored NuGet folders (`packages/<Id>.<Version>/`) do not.
    expect(
      result.graph.nodes.some(
        (n) => n.kind === 'file' && /\/(obj|bin)\/|\/packages\/[^/]+\.\d+\.\d+/.test(`/${n.path}`),
      ),
    ).toBe(false);
  });

  it('keeps unresolved framework names as external references', () => {
    const externals = result.graph.nodes.filter((n) => n.kind === 'external').map((n) => n.name);
    expect(externals).toEqual(expect.arrayContaining(['Controller', 'DbContext']));
    expect(externals).not.toContain('string');
    // Member-access chains that resolve to no type (`User.Identity.Name`, `DateTime.UtcNow`) are not invented as types.
    expect(externals.filter((name) => name.includes('.') && !name.startsWith('System.'))).toEqual([]);
  });

  it('has no diagnostics on a clean estate', () => {
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('prints the summary', () => {
    for (const text of [
      'Repositories',
      'Projects',
      'Lines of code',
      'Types',
      'Most depended-on projects',
      'Most depended-on namespaces',
      'dependency-cycles',
      'Diagnostics',
      'Elapsed',
    ]) {
      expect(tableOutput).toContain(text);
    }
    expect(tableOutput).toContain('Harbor.Core');
    expect(tableOutput).not.toContain('\u001b['); // NO_COLOR honoured
  });

  it('gives byte-identical JSON on a second run, apart from the time fields', () => {
    const again = assess(['scan', estate, '--format', 'json', '--quiet']);
    expect(again.status).toBe(0);
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '').replace(/"elapsedMs": \d+/, '');
    expect(strip(again.stdout)).toBe(strip(readFileSync(path.join(work, 'result.json'), 'utf8')));
  });
});

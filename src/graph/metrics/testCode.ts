/**
 * Test code: projects that reference a test framework or depend on a test
 * project (shared test helpers, integration-test bases: production code never
 * references a test project), and JS/TS test files by the names test runners
 * look for. Tests follow the code they test when it
 * moves; they are not an area a service is carved from, so they do not make
 * what they test a hub.
 */
import type { EstateGraph } from '../../core/graph.js';
import { packageId } from '../../core/ids.js';

/** NuGet packages only a test project references (a runner or the test SDK). */
const TEST_FRAMEWORKS = [
  'microsoft.net.test.sdk',
  'xunit',
  'xunit.core',
  'xunit.v3',
  'nunit',
  'mstest',
  'mstest.testframework',
  'mstest.testadapter',
].map((name) => packageId('nuget', name));

/** `*.test.ts`, `*.spec.js`, anything under `__tests__/` (Jest, Vitest, Mocha, Karma defaults). */
const TEST_FILE = /(^|\/)__tests__\/|\.(test|spec)\.[cm]?[jt]sx?$/i;

/** Ids of the projects that reference a test framework, and of those that depend on one of them. */
export function testProjects(graph: EstateGraph): Set<string> {
  const projects = new Set<string>();
  const pending: string[] = [];
  const add = (project: string) => {
    if (projects.has(project)) return;
    projects.add(project);
    pending.push(project);
  };
  for (const framework of TEST_FRAMEWORKS) {
    if (!graph.hasNode(framework)) continue;
    graph.graph.forEachInEdge(framework, (_key, edge) => {
      if (edge.kind === 'package-ref' && edge.from.startsWith('project:')) add(edge.from);
    });
  }
  // Each project is visited once: linear in the project edges.
  for (let project = pending.pop(); project !== undefined; project = pending.pop())
    graph.graph.forEachInEdge(project, (_key, edge) => {
      if (edge.kind === 'project-dep' || edge.kind === 'project-ref') add(edge.from);
    });
  return projects;
}

export function isTestFile(repoRelativePath: string): boolean {
  return TEST_FILE.test(repoRelativePath);
}

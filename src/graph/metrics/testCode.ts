/**
 * Test code: projects that reference a test framework, and JS/TS test files by
 * the names test runners look for. Tests follow the code they test when it
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

/** Ids of the projects that reference a test framework. */
export function testProjects(graph: EstateGraph): Set<string> {
  const projects = new Set<string>();
  for (const framework of TEST_FRAMEWORKS) {
    if (!graph.hasNode(framework)) continue;
    graph.graph.forEachInEdge(framework, (_key, edge) => {
      if (edge.kind === 'package-ref' && edge.from.startsWith('project:')) projects.add(edge.from);
    });
  }
  return projects;
}

export function isTestFile(repoRelativePath: string): boolean {
  return TEST_FILE.test(repoRelativePath);
}

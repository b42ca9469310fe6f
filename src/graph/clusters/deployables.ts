/**
 * What is already deployed on its own: a project with its own entry point (an
 * ASP.NET or worker SDK project, an executable, an old-style web application)
 * or a front end (an npm package that is an application, not a library). Each
 * library project is bound to the one deployable that compiles it in; a
 * library several deployables reference is bound to none (it may be carved
 * either way, or be shared).
 */
import type { MsBuildProjectFacts, PackageJsonFacts } from '../../core/facts.js';
import type { EstateGraph } from '../../core/graph.js';
import { projectId } from '../../core/ids.js';
import type { EstateModel } from '../../core/model.js';

const ENTRY_POINT_SDKS = new Set([
  'microsoft.net.sdk.web',
  'microsoft.net.sdk.worker',
  'microsoft.net.sdk.blazorwebassembly',
]);
const EXECUTABLE_OUTPUTS = new Set(['exe', 'winexe', 'appcontainerexe']);
/** Old-style project type GUIDs of ASP.NET web applications (Web Application, MVC 3–5, Web API). */
const WEB_APPLICATION_GUIDS = [
  '349c5851-65df-11da-9384-00065b846f21',
  'e3e379df-f4c6-4180-9b81-6769533abe47',
  'e53f8fea-eae0-44a6-8774-ffd645390401',
];

export function isDeployableProject(facts: MsBuildProjectFacts): boolean {
  if (facts.sdk && ENTRY_POINT_SDKS.has(facts.sdk.trim().toLowerCase())) return true;
  if (facts.outputType && EXECUTABLE_OUTPUTS.has(facts.outputType.trim().toLowerCase())) return true;
  const guids = (facts.properties.ProjectTypeGuids ?? '').toLowerCase();
  return WEB_APPLICATION_GUIDS.some((guid) => guids.includes(guid));
}

/** An npm package that nothing imports as a library: private, no workspaces of its own, no entry fields. */
export function isDeployableNpmPackage(facts: PackageJsonFacts): boolean {
  return facts.private && facts.workspaces.length === 0 && facts.entryPoints === undefined;
}

/** Project id → the deployable it belongs to (itself, or the only deployable that references it). */
export function deployableOf(graph: EstateGraph, model: EstateModel, tests: ReadonlySet<string>): Map<string, string> {
  const deployables: string[] = [];
  for (const repo of model.repos)
    for (const file of repo.files) {
      const facts = file.facts;
      const id = projectId(repo.name, file.path);
      if (tests.has(id) || !graph.hasNode(id)) continue;
      if (
        (facts?.kind === 'msbuild-project' && isDeployableProject(facts)) ||
        (facts?.kind === 'package-json' && isDeployableNpmPackage(facts))
      )
        deployables.push(id);
    }
  deployables.sort();
  const deployableSet = new Set(deployables);
  const reachedBy = new Map<string, Set<string>>();
  for (const deployable of deployables) {
    // Each deployable walks its own references once: projects × deployables at worst, both small.
    const seen = new Set([deployable]);
    const pending = [deployable];
    for (let project = pending.pop(); project !== undefined; project = pending.pop())
      graph.graph.forEachOutEdge(project, (_key, edge) => {
        if (edge.kind !== 'project-dep' && edge.kind !== 'project-ref') return;
        if (seen.has(edge.to) || deployableSet.has(edge.to)) return;
        seen.add(edge.to);
        pending.push(edge.to);
        const reached = reachedBy.get(edge.to) ?? new Set<string>();
        reached.add(deployable);
        reachedBy.set(edge.to, reached);
      });
  }
  const bound = new Map<string, string>(deployables.map((id) => [id, id]));
  for (const [project, reached] of reachedBy) if (reached.size === 1) bound.set(project, [...reached][0]!);
  return bound;
}

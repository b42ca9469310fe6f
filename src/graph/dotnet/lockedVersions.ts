/**
 * NuGet `packages.lock.json` beside a project file: the versions restore resolved,
 * set as `resolved` on the project's `package-ref` edges and the package nodes.
 */
import path from 'node:path';
import type { ProjectModel, RepoModel } from '../../core/model.js';
import { packageId } from '../../core/ids.js';
import type { EstateGraph } from '../../core/graph.js';
import { compareNuGetVersions, parseNuGetVersion } from '../../packages/nugetVersion.js';

export function addNuGetLockedVersions(
  graph: EstateGraph,
  repos: readonly RepoModel[],
  projects: readonly ProjectModel[],
): void {
  const byDir = new Map<string, ProjectModel[]>();
  for (const project of projects) {
    const key = `${project.repo}/${path.posix.dirname(project.path)}`;
    byDir.set(key, [...(byDir.get(key) ?? []), project]);
  }
  for (const repo of repos) {
    for (const file of repo.files) {
      if (file.facts?.kind !== 'nuget-lock') continue;
      const owners = byDir.get(`${repo.name}/${path.posix.dirname(file.path)}`) ?? [];
      for (const project of owners) {
        for (const locked of file.facts.direct) {
          const target = packageId('nuget', locked.name);
          const edge = graph.edge('package-ref', project.id, target);
          if (!edge) continue;
          // Multi-targeting may resolve differently per framework; the lowest is the one to worry about.
          const previous = edge.data?.resolved;
          if (previous && isLower(previous, locked.resolved)) continue;
          edge.data = { source: 'PackageReference', ...edge.data, resolved: locked.resolved, lockfile: file.path };
          const node = graph.nodeOfKind(target, 'package');
          if (!node) continue;
          const resolved = new Set<string>(node.data?.resolved ?? []);
          resolved.add(locked.resolved);
          graph.mergeNodeData(node, { resolved: [...resolved].sort() });
        }
      }
    }
  }
}

function isLower(a: string, b: string): boolean {
  const va = parseNuGetVersion(a);
  const vb = parseNuGetVersion(b);
  return va !== undefined && vb !== undefined && compareNuGetVersions(va, vb) <= 0;
}

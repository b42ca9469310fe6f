/** Builds the estate graph from every file's facts: repos, files, then the .NET layer. */
import type { EstateModel, ProjectModel, RepoModel } from '../core/model.js';
import { fileId, repoId } from '../core/ids.js';
import { LANGUAGE_OF } from '../core/fileKinds.js';
import { EstateGraph } from '../core/graph.js';
import { buildProjects } from './dotnet/projects.js';
import { addProjectEdges, type DeclaredDependency } from './dotnet/projectEdges.js';
import { buildTypeIndex } from './dotnet/typeIndex.js';
import { addTypeNodes, addTypeReferences } from './dotnet/typeEdges.js';
import { addNamespaceDependencies, addProjectDependencies } from './dotnet/rollups.js';
import { addNuGetLockedVersions } from './dotnet/lockedVersions.js';
import { addNpmProjects } from './npm/npmProjects.js';
import { addJsLayer } from './js/index.js';
import { addHttpCoupling } from './http/httpGraph.js';
import { addGrpcCoupling } from './grpc/grpcGraph.js';
import { buildSqlEstate } from '../sql/estate.js';
import { addSqlGraph } from './sql/sqlGraph.js';

export function buildEstateGraph(repos: RepoModel[], repoPaths: ReadonlyMap<string, string>): EstateModel {
  const graph = new EstateGraph();
  const { projects, diagnostics } = buildProjects(repos, repoPaths);
  const projectOfFile = new Map<string, ProjectModel>();
  for (const project of projects)
    for (const file of project.sourceFiles) projectOfFile.set(`${project.repo}/${file}`, project);

  for (const repo of repos) {
    graph.addNode({ id: repoId(repo.name), kind: 'repo', name: repo.name, path: repo.path, data: { git: repo.git } });
    for (const file of repo.files) {
      const id = fileId(repo.name, file.path);
      const complexity = file.facts?.kind === 'csharp' ? file.facts.complexity : undefined;
      graph.addNode({
        id,
        kind: 'file',
        name: file.path.slice(file.path.lastIndexOf('/') + 1),
        repo: repo.name,
        path: file.path,
        loc: file.loc,
        ...(complexity !== undefined ? { complexity } : {}),
        data: { language: LANGUAGE_OF[file.kind] },
      });
    }
  }
  const declared = addProjectEdges(graph, projects);
  addNuGetLockedVersions(graph, repos, projects);
  addNpmProjects(graph, repos);
  for (const repo of repos) {
    for (const file of repo.files) {
      const owner = projectOfFile.get(`${repo.name}/${file.path}`);
      graph.addEdge(owner ? owner.id : repoId(repo.name), fileId(repo.name, file.path), 'contains');
    }
  }
  for (const project of projects) {
    const loc = project.sourceFiles.reduce((sum, f) => sum + (graph.node(fileId(project.repo, f))?.loc ?? 0), 0);
    graph.addNode({ ...graph.node(project.id)!, loc });
  }

  const visibleFrom = transitiveDependencies(declared);
  const index = buildTypeIndex(repos, projectOfFile);
  addTypeNodes(graph, index);
  const links = addTypeReferences(graph, repos, index, projectOfFile, visibleFrom);
  addNamespaceDependencies(graph, links);
  addProjectDependencies(graph, declared, links, new Map(projects.map((p) => [p.id, p.repo])), visibleFrom);
  const js = addJsLayer(graph, repos);
  diagnostics.push(...js.diagnostics);
  addHttpCoupling(graph, repos, js.resolved);
  addGrpcCoupling(graph, repos);
  const sql = buildSqlEstate(repos);
  addSqlGraph(graph, sql);
  return { graph, repos, projects, diagnostics, sql };
}

/** Each project's declared dependencies, transitively: what its code can see. */
function transitiveDependencies(declared: readonly DeclaredDependency[]): Map<string, Set<string>> {
  const direct = new Map<string, string[]>();
  for (const d of declared) direct.set(d.from, [...(direct.get(d.from) ?? []), d.to]);
  const closure = new Map<string, Set<string>>();
  for (const start of direct.keys()) {
    const seen = new Set<string>();
    const stack = [...(direct.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(direct.get(next) ?? []));
    }
    closure.set(start, seen);
  }
  return closure;
}

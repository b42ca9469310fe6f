/** Builds the estate graph from every file's facts: repos, files, then the .NET layer. */
import type { ProjectModel, RepoModel } from '../core/model.js';
import type { Diagnostic } from '../core/result.js';
import { fileId, repoId } from '../core/ids.js';
import { LANGUAGE_OF } from '../discover/classify.js';
import { EstateGraph } from './estateGraph.js';
import { buildProjects } from './dotnet/projects.js';
import { addProjectEdges } from './dotnet/projectEdges.js';
import { buildTypeIndex } from './dotnet/typeIndex.js';
import { addTypeNodes, addTypeReferences } from './dotnet/typeEdges.js';
import { addNamespaceDependencies, addProjectDependencies } from './dotnet/rollups.js';
import { buildSqlEstate, type SqlEstate } from '../sql/estate.js';
import { addSqlGraph } from './sql/sqlGraph.js';

export interface EstateModel {
  graph: EstateGraph;
  repos: RepoModel[];
  projects: ProjectModel[];
  diagnostics: Diagnostic[];
  /** Schema, routines and queries; absent in hand-built test models. */
  sql?: SqlEstate;
}

export function buildEstateGraph(repos: RepoModel[], repoPaths: ReadonlyMap<string, string>): EstateModel {
  const graph = new EstateGraph();
  const { projects, diagnostics } = buildProjects(repos, repoPaths);
  const projectOfFile = new Map<string, ProjectModel>();
  for (const project of projects) for (const file of project.sourceFiles) projectOfFile.set(`${project.repo}/${file}`, project);

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

  const dependsOn = new Map<string, Set<string>>();
  for (const d of declared) {
    const set = dependsOn.get(d.from) ?? new Set<string>();
    set.add(d.to);
    dependsOn.set(d.from, set);
  }
  const index = buildTypeIndex(repos, projectOfFile);
  addTypeNodes(graph, index);
  const links = addTypeReferences(graph, repos, index, projectOfFile, dependsOn);
  addNamespaceDependencies(graph, links);
  addProjectDependencies(graph, declared, links, new Map(projects.map((p) => [p.id, p.repo])));
  const sql = buildSqlEstate(repos);
  addSqlGraph(graph, sql);
  return { graph, repos, projects, diagnostics, sql };
}

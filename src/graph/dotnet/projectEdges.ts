/**
 * Project-level edges: project and package references, and the estate's own
 * packages and assemblies matched back to the projects that produce them — the
 * first-class cross-repository edges a package node alone would hide.
 */
import type { ProjectModel } from '../../core/model.js';
import { packageId } from '../../core/ids.js';
import type { EstateGraph } from '../../core/graph.js';

export type DeclaredVia = 'project' | 'package' | 'assembly';

/** A declared dependency between two estate projects. */
export interface DeclaredDependency {
  from: string;
  to: string;
  via: DeclaredVia;
}

export function addProjectEdges(graph: EstateGraph, projects: readonly ProjectModel[]): DeclaredDependency[] {
  const producers = producersByPackageName(projects);
  const byAssembly = new Map<string, ProjectModel>();
  for (const project of projects) {
    const key = project.assemblyName.toLowerCase();
    if (!byAssembly.has(key)) byAssembly.set(key, project);
  }
  const declared: DeclaredDependency[] = [];

  for (const project of projects) {
    graph.addNode({
      id: project.id,
      kind: 'project',
      name: project.name,
      repo: project.repo,
      path: project.path,
      data: {
        language: project.language,
        sdkStyle: project.sdkStyle,
        assemblyName: project.assemblyName,
        ...(project.packageId ? { packageId: project.packageId } : {}),
        targetFrameworks: project.targetFrameworks,
      },
    });
    graph.addEdge(`repo:${project.repo}`, project.id, 'contains');
  }
  for (const project of projects) {
    for (const target of project.projectReferences) {
      graph.addEdge(project.id, target, 'project-ref');
      declared.push({ from: project.id, to: target, via: 'project' });
    }
    for (const dependency of project.packages) {
      const id = packageId('nuget', dependency.name);
      const existing = graph.nodeOfKind(id, 'package');
      const versions = new Set<string>(existing?.data?.versions ?? []);
      if (dependency.version) versions.add(dependency.version);
      graph.addNode({
        id,
        kind: 'package',
        name: existing?.name ?? dependency.name,
        data: { ecosystem: 'nuget', versions: [...versions].sort() },
      });
      graph.addEdge(project.id, id, 'package-ref', 1, {
        ...(dependency.version ? { version: dependency.version } : {}),
        source: dependency.source,
      });
      const producer = producers.get(dependency.name.toLowerCase());
      if (producer && producer.id !== project.id) {
        graph.addEdge(producer.id, id, 'produces');
        declared.push({ from: project.id, to: producer.id, via: 'package' });
      }
    }
    for (const reference of project.assemblyReferences) {
      const target = byAssembly.get(reference.name.toLowerCase());
      if (!target && isLocalBinary(reference.hintPath)) project.hasUnplacedReferences = true;
      if (!target || target.id === project.id) continue;
      graph.addEdge(
        project.id,
        target.id,
        'assembly-ref',
        1,
        reference.hintPath ? { hintPath: reference.hintPath } : undefined,
      );
      declared.push({ from: project.id, to: target.id, via: 'assembly' });
    }
  }
  return declared;
}

/**
 * The project that produces each package name: explicit `PackageId` first, then
 * the assembly name, then the project file name; the first by id among equals.
 */
function producersByPackageName(projects: readonly ProjectModel[]): Map<string, ProjectModel> {
  const producers = new Map<string, ProjectModel>();
  const claim = (name: string | undefined, project: ProjectModel) => {
    const key = name?.toLowerCase();
    if (key && !producers.has(key)) producers.set(key, project);
  };
  for (const project of projects) claim(project.packageId, project);
  for (const project of projects) claim(project.assemblyName, project);
  for (const project of projects) claim(project.name, project);
  return producers;
}

/** A DLL referenced by path outside a NuGet restore folder: `..\\lib\\Acme.Core.dll`. */
function isLocalBinary(hintPath: string | undefined): boolean {
  return hintPath !== undefined && !/(^|\/)packages\//i.test(hintPath);
}

/**
 * Type nodes and `type-ref` edges: each name a type uses, resolved to a declared
 * type of the estate or kept as an external reference. Also returns the counts
 * that roll up to namespaces and projects.
 */
import type { CSharpFileFacts, CSharpTypeReference, CSharpUsing } from '../../core/facts.js';
import type { ProjectModel, RepoModel } from '../../core/model.js';
import { externalId, fileId, namespaceId, namespaceOwner } from '../../core/ids.js';
import type { EstateGraph } from '../../core/graph.js';
import type { NamespaceRefData } from '../../core/graphData.js';
import { resolveTypeName, type NameScope } from './resolveTypeName.js';
import type { TypeDeclaration, TypeIndex } from './typeIndex.js';

/** A resolved reference between two estate types, for roll-ups. */
export interface TypeLink {
  from: TypeDeclaration | { file: string; repo: string; project?: string };
  to: TypeDeclaration;
  count: number;
  /** Where the reference is written (its first occurrence), repo-relative. */
  file: string;
  line: number;
}

/** The namespace node a type belongs to: its namespace within its own project (or loose repo). */
export const namespaceOfType = (type: Pick<TypeDeclaration, 'namespace' | 'repo' | 'project'>): string =>
  namespaceId(type.namespace, namespaceOwner(type.repo, type.project));

export function addTypeNodes(graph: EstateGraph, index: TypeIndex): void {
  for (const type of index.all()) {
    const namespace = namespaceOfType(type);
    if (!graph.hasNode(namespace))
      graph.addNode({
        id: namespace,
        kind: 'namespace',
        name: type.namespace || '<global>',
        repo: type.repo,
        ...(type.project ? { data: { project: type.project } } : {}),
      });
    graph.addNode({
      id: type.id,
      kind: 'type',
      name: type.fullName,
      repo: type.repo,
      path: type.files[0]!,
      loc: type.loc,
      complexity: type.complexity,
      data: {
        typeKind: type.kind,
        namespace: type.namespace,
        ...(type.project ? { project: type.project } : {}),
        files: type.files,
        line: type.line,
        modifiers: type.modifiers,
      },
    });
    graph.addEdge(namespace, type.id, 'contains');
    for (const file of type.files) graph.addEdge(fileId(type.repo, file), type.id, 'contains');
  }
}

export function addTypeReferences(
  graph: EstateGraph,
  repos: readonly RepoModel[],
  index: TypeIndex,
  projectOfFile: ReadonlyMap<string, ProjectModel>,
  visibleFrom: ReadonlyMap<string, ReadonlySet<string>>,
): TypeLink[] {
  const links: TypeLink[] = [];
  const globalUsings = globalUsingsByOwner(repos, projectOfFile);
  const none = new Set<string>();
  for (const repo of repos) {
    for (const file of repo.files) {
      if (file.facts?.kind !== 'csharp') continue;
      const facts = file.facts;
      const project = projectOfFile.get(`${repo.name}/${file.path}`)?.id;
      const usings = [...facts.usings, ...(globalUsings.get(project ?? `repo:${repo.name}`) ?? [])];
      const owner = projectOfFile.get(`${repo.name}/${file.path}`);
      const base = {
        usings,
        project,
        visible: (project && visibleFrom.get(project)) || none,
        lenient: !owner || owner.hasUnplacedReferences,
      };
      for (const type of facts.types) {
        const from = index.lookup(type.fullName, project, none)!;
        const scope: NameScope = {
          ...base,
          namespace: type.namespace,
          enclosingTypes: enclosingTypesOf(type.fullName, type.namespace),
        };
        addReferences(graph, from.id, type.references, scope, index, repo.name, file.path, (to, count, line) =>
          links.push({ from, to, count, file: file.path, line }),
        );
      }
      const fileScope: NameScope = { ...base, namespace: facts.namespaces[0] ?? '', enclosingTypes: [] };
      const fileNode = fileId(repo.name, file.path);
      addReferences(graph, fileNode, facts.fileReferences, fileScope, index, repo.name, file.path, (to, count, line) =>
        links.push({
          from: { file: file.path, repo: repo.name, ...(project ? { project } : {}) },
          to,
          count,
          file: file.path,
          line,
        }),
      );
    }
  }
  return links;
}

function addReferences(
  graph: EstateGraph,
  fromId: string,
  references: readonly CSharpTypeReference[],
  scope: NameScope,
  index: TypeIndex,
  repo: string,
  file: string,
  onResolved: (to: TypeDeclaration, count: number, line: number) => void,
): void {
  for (const reference of references) {
    const target = resolveTypeName(reference.name, scope, index);
    if (target) {
      if (target.id === fromId) continue;
      graph.addEdge(fromId, target.id, 'type-ref', reference.count);
      keepFirstSite(graph.edge('type-ref', fromId, target.id)!, { repo, file, line: reference.line });
      onResolved(target, reference.count, reference.line);
      continue;
    }
    if (reference.candidate) continue; // `x.Foo()` where x was a variable, not a type
    const id = externalId(reference.name);
    if (!graph.hasNode(id)) graph.addNode({ id, kind: 'external', name: reference.name });
    graph.addEdge(fromId, id, 'type-ref', reference.count);
  }
}

/** A partial type's references come from several files: the edge points at the first, whatever the order. */
function keepFirstSite(edge: { data?: NamespaceRefData }, site: NamespaceRefData): void {
  const at = edge.data;
  if (!at || site.file < at.file || (site.file === at.file && site.line < at.line)) edge.data = site;
}

/** `Harbor.Billing.Invoice.Line` in `Harbor.Billing` → [`…Invoice.Line`, `…Invoice`]. */
function enclosingTypesOf(fullName: string, namespace: string): string[] {
  const inner = namespace === '' ? fullName : fullName.slice(namespace.length + 1);
  const parts = inner.split('.');
  const result: string[] = [];
  for (let i = parts.length; i >= 1; i--) {
    const name = parts.slice(0, i).join('.');
    result.push(namespace === '' ? name : `${namespace}.${name}`);
  }
  return result;
}

/** `global using` applies to every file of its project (or loose repo). */
function globalUsingsByOwner(
  repos: readonly RepoModel[],
  projectOfFile: ReadonlyMap<string, ProjectModel>,
): Map<string, CSharpUsing[]> {
  const byOwner = new Map<string, CSharpUsing[]>();
  for (const repo of repos) {
    for (const file of repo.files) {
      if (file.facts?.kind !== 'csharp') continue;
      const globals = (file.facts as CSharpFileFacts).usings.filter((u) => u.isGlobal);
      if (globals.length === 0) continue;
      const owner = projectOfFile.get(`${repo.name}/${file.path}`)?.id ?? `repo:${repo.name}`;
      const list = byOwner.get(owner) ?? [];
      list.push(...globals);
      byOwner.set(owner, list);
    }
  }
  return byOwner;
}

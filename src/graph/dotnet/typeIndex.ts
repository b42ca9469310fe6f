/**
 * Every type declared in the estate, by full name. Partial declarations within
 * one project are one type; the same full name declared in several projects
 * (copied code is common in legacy estates) gets one id per project.
 */
import type { CSharpFileFacts, CSharpTypeFacts } from '../../core/facts.js';
import type { ProjectModel, RepoModel } from '../../core/model.js';
import { typeId } from '../../core/ids.js';

export interface TypeDeclaration {
  id: string;
  fullName: string;
  name: string;
  namespace: string;
  kind: CSharpTypeFacts['kind'];
  repo: string;
  /** Owning project id, or undefined for source outside any project. */
  project?: string;
  files: string[];
  line: number;
  loc: number;
  complexity: number;
  modifiers: string[];
}

export class TypeIndex {
  private readonly byFullName = new Map<string, TypeDeclaration[]>();
  /** Full names of every declared namespace and namespace prefix. */
  readonly namespaces = new Set<string>();

  add(declaration: TypeDeclaration): void {
    const list = this.byFullName.get(declaration.fullName) ?? [];
    list.push(declaration);
    this.byFullName.set(declaration.fullName, list);
  }

  all(): TypeDeclaration[] {
    return [...this.byFullName.values()].flat();
  }

  /**
   * The declaration a reference from `fromProject` means: its own project's first,
   * then one of the projects it can see (its declared dependencies, transitively).
   * `strict` refuses declarations the project cannot see, as the compiler would;
   * otherwise the first by id stands in (loose code, references nothing declares).
   */
  lookup(
    fullName: string,
    fromProject: string | undefined,
    visible: ReadonlySet<string>,
    strict = false,
  ): TypeDeclaration | undefined {
    const candidates = this.byFullName.get(fullName);
    if (!candidates) return undefined;
    const seen =
      candidates.find((c) => c.project === fromProject) ??
      candidates.find((c) => c.project === undefined || visible.has(c.project));
    if (seen || (strict && fromProject !== undefined)) return seen;
    return candidates[0];
  }
}

/** Owner key of a declaration: its project, or its repo for loose source. */
const ownerKey = (repo: string, project: string | undefined): string => project ?? `repo:${repo}`;

export function buildTypeIndex(
  repos: readonly RepoModel[],
  projectOfFile: ReadonlyMap<string, ProjectModel>,
): TypeIndex {
  // fullName → owner → merged declaration (partial types merge within one owner).
  const merged = new Map<string, Map<string, TypeDeclaration>>();
  const index = new TypeIndex();
  for (const repo of repos) {
    for (const file of repo.files) {
      if (file.facts?.kind !== 'csharp') continue;
      const project = projectOfFile.get(`${repo.name}/${file.path}`)?.id;
      addNamespaces(index, file.facts);
      for (const type of file.facts.types) {
        const owners = merged.get(type.fullName) ?? new Map<string, TypeDeclaration>();
        merged.set(type.fullName, owners);
        const key = ownerKey(repo.name, project);
        const existing = owners.get(key);
        if (existing) {
          existing.files.push(file.path);
          existing.loc += type.loc;
          existing.complexity += type.complexity - 1;
          for (const m of type.modifiers) if (!existing.modifiers.includes(m)) existing.modifiers.push(m);
          continue;
        }
        owners.set(key, {
          id: typeId(type.fullName),
          fullName: type.fullName,
          name: type.name,
          namespace: type.namespace,
          kind: type.kind,
          repo: repo.name,
          ...(project ? { project } : {}),
          files: [file.path],
          line: type.line,
          loc: type.loc,
          complexity: type.complexity,
          modifiers: [...type.modifiers],
        });
      }
    }
  }
  for (const [fullName, owners] of merged) {
    const declarations = [...owners.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const duplicated = declarations.length > 1;
    for (const [owner, declaration] of declarations) {
      if (duplicated) declaration.id = `${typeId(fullName)}@${owner.replace(/^(project|repo):/, '')}`;
      index.add(declaration);
    }
  }
  return index;
}

function addNamespaces(index: TypeIndex, facts: CSharpFileFacts): void {
  for (const ns of facts.namespaces) {
    const parts = ns.split('.');
    for (let i = 1; i <= parts.length; i++) index.namespaces.add(parts.slice(0, i).join('.'));
  }
}

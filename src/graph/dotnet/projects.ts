/**
 * .NET projects of the estate: project files merged with the `Directory.*.props`
 * above them, the props files they import and the `packages.config` beside them, project references resolved
 * by path, and source files assigned to the project that owns them.
 */
import path from 'node:path';
import type {
  MsBuildProjectFacts,
  MsBuildPropsFacts,
  PackageDependency,
  PackagesConfigFacts,
} from '../../core/facts.js';
import type { Diagnostic } from '../../core/result.js';
import type { ProjectModel, RepoModel } from '../../core/model.js';
import { projectId } from '../../core/ids.js';
import { targetFrameworksOf } from '../../extract/dotnet/msbuildProject.js';
import { importedProps, type PropsByPath } from './imports.js';
import { assignSourceFiles } from './sourceFiles.js';

export interface ProjectsOutcome {
  projects: ProjectModel[];
  diagnostics: Diagnostic[];
}

interface PendingProject {
  project: ProjectModel;
  facts: MsBuildProjectFacts;
}

/** `repoPaths`: repo name → its path from the scan root, to resolve references between repos. */
export function buildProjects(repos: readonly RepoModel[], repoPaths: ReadonlyMap<string, string>): ProjectsOutcome {
  const diagnostics: Diagnostic[] = [];
  const pending: PendingProject[] = [];
  // Root-relative project path → id, for `..\..\other-repo\X.csproj` references.
  const byRootPath = new Map<string, string>();

  for (const repo of repos) {
    const allProps = repo.files.filter((f) => f.facts?.kind === 'msbuild-props');
    // Directory.*.props apply by folder; any other props file only where it is imported.
    const props = allProps.filter((f) => (f.facts as MsBuildPropsFacts).file !== 'imported');
    const propsByPath: PropsByPath = new Map(
      allProps.map((f) => [f.path.toLowerCase(), { path: f.path, facts: f.facts as MsBuildPropsFacts }]),
    );
    const configs = new Map(
      repo.files
        .filter((f) => f.facts?.kind === 'packages-config')
        .map((f) => [path.posix.dirname(f.path), f.facts as PackagesConfigFacts]),
    );
    for (const file of repo.files) {
      if (file.facts?.kind !== 'msbuild-project') continue;
      const dir = path.posix.dirname(file.path);
      const directoryProps = props
        .filter((p) => isAncestorDir(path.posix.dirname(p.path), dir))
        .sort((a, b) => a.path.length - b.path.length);
      // Later wins, as in MSBuild: Directory.*.props first (the SDK imports them), each after what it imports,
      // then the project's own imports.
      const seen = new Set([file.path, ...directoryProps.map((p) => p.path)].map((p) => p.toLowerCase()));
      const applicable: MsBuildPropsFacts[] = [];
      for (const p of directoryProps) {
        const facts = p.facts as MsBuildPropsFacts;
        applicable.push(...importedProps(facts.imports, p.path, file.path, propsByPath, seen), facts);
      }
      applicable.push(...importedProps(file.facts.imports, file.path, file.path, propsByPath, seen));
      const project = makeProject(repo.name, file.path, file.facts, applicable, configs.get(dir));
      pending.push({ project, facts: file.facts });
      const projectPath = rootPath(repoPaths, repo.name, file.path);
      byRootPath.set(projectPath, project.id);
      if (!byRootPath.has(projectPath.toLowerCase())) byRootPath.set(projectPath.toLowerCase(), project.id);
    }
  }

  for (const { project, facts } of pending) {
    resolveProjectReferences(project, facts, byRootPath, repoPaths, diagnostics);
  }
  const projects = pending.map((p) => p.project);
  assignSourceFiles(
    repos,
    pending.map(({ project, facts }) => ({ project, compileIncludes: facts.compileIncludes })),
  );
  projects.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { projects, diagnostics };
}

function resolveProjectReferences(
  project: ProjectModel,
  facts: MsBuildProjectFacts,
  byRootPath: ReadonlyMap<string, string>,
  repoPaths: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
): void {
  const dir = path.posix.dirname(rootPath(repoPaths, project.repo, project.path));
  const resolved = new Set<string>();
  for (const reference of facts.projectReferences) {
    const wanted = path.posix.normalize(path.posix.join(dir, reference));
    // Windows paths are case-insensitive; legacy projects often get the case wrong.
    const target = byRootPath.get(wanted) ?? byRootPath.get(wanted.toLowerCase());
    if (target) {
      resolved.add(target);
      continue;
    }
    project.hasUnplacedReferences = true;
    diagnostics.push({
      code: 'unresolved-project-reference',
      // `$(SolutionDir)`-style paths need MSBuild evaluation, which is never done.
      severity: reference.includes('$(') ? 'info' : 'warning',
      message: `ProjectReference "${reference}" names no project file found in the estate`,
      repo: project.repo,
      file: project.path,
    });
  }
  project.projectReferences = [...resolved].sort();
}

function makeProject(
  repo: string,
  filePath: string,
  facts: MsBuildProjectFacts,
  props: readonly MsBuildPropsFacts[],
  packagesConfig: PackagesConfigFacts | undefined,
): ProjectModel {
  const inherited: Record<string, string> = {};
  for (const p of props) if (p.file !== 'Directory.Packages.props') Object.assign(inherited, p.properties);
  const name = path.posix.basename(filePath).replace(/\.[^.]+$/, '');
  const targetFrameworks = facts.targetFrameworks.length > 0 ? facts.targetFrameworks : targetFrameworksOf(inherited);
  const packageId = facts.packageId ?? inherited.PackageId;
  return {
    id: projectId(repo, filePath),
    repo,
    path: filePath,
    name,
    language: facts.language,
    sdkStyle: facts.sdkStyle,
    assemblyName: facts.assemblyName ?? inherited.AssemblyName ?? name,
    ...(packageId ? { packageId } : {}),
    targetFrameworks,
    projectReferences: [],
    packages: mergePackages(facts, props, packagesConfig),
    assemblyReferences: facts.assemblyReferences,
    sourceFiles: [],
    hasUnplacedReferences: false,
  };
}

/** Declared packages with central versions (`Directory.Packages.props`) filled in, one per name. */
function mergePackages(
  facts: MsBuildProjectFacts,
  props: readonly MsBuildPropsFacts[],
  packagesConfig: PackagesConfigFacts | undefined,
): PackageDependency[] {
  const central = new Map<string, string>();
  for (const p of props) for (const v of p.packageVersions) central.set(v.name.toLowerCase(), v.version);
  const declared = [
    ...props.flatMap((p) => p.packageReferences),
    ...facts.packageReferences,
    ...(packagesConfig?.packages ?? []),
  ];
  const byName = new Map<string, PackageDependency>();
  for (const dependency of declared) {
    const key = dependency.name.toLowerCase();
    // packages.config and PackageReference are authoritative over a HintPath guess.
    if (byName.has(key) && dependency.source === 'HintPath') continue;
    const version = dependency.version ?? central.get(key);
    byName.set(key, { ...dependency, ...(version ? { version } : {}) });
  }
  return [...byName.values()].sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()));
}

function isAncestorDir(ancestor: string, dir: string): boolean {
  return ancestor === '.' || dir === ancestor || dir.startsWith(`${ancestor}/`);
}

function rootPath(repoPaths: ReadonlyMap<string, string>, repo: string, file: string): string {
  const repoPath = repoPaths.get(repo) ?? repo;
  return repoPath === '.' ? file : `${repoPath}/${file}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

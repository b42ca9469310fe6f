/**
 * Which project a source file belongs to: an explicit `<Compile Include>` of an
 * old-style project wins (linked files elsewhere); otherwise the project in the
 * nearest folder above the file, as SDK-style globbing would include it.
 */
import path from 'node:path';
import type { ProjectModel, RepoModel } from '../../core/model.js';

const SOURCE_KINDS = new Set(['csharp', 'vb', 'fsharp']);

export function assignSourceFiles(
  repos: readonly RepoModel[],
  projects: readonly { project: ProjectModel; compileIncludes: readonly string[] }[],
): void {
  for (const repo of repos) {
    const own = projects
      .filter((p) => p.project.repo === repo.name)
      .sort((a, b) => (a.project.path < b.project.path ? -1 : 1));
    const explicit = new Map<string, ProjectModel>();
    const byDir = new Map<string, ProjectModel>();
    for (const { project, compileIncludes } of own) {
      const dir = path.posix.dirname(project.path);
      if (!byDir.has(dir)) byDir.set(dir, project);
      for (const include of compileIncludes) {
        if (include.includes('*')) continue;
        const file = path.posix.normalize(path.posix.join(dir, include));
        if (!explicit.has(file)) explicit.set(file, project);
      }
    }
    for (const file of repo.files) {
      if (!SOURCE_KINDS.has(file.kind)) continue;
      const owner = explicit.get(file.path) ?? nearestProject(file.path, byDir);
      owner?.sourceFiles.push(file.path);
    }
  }
}

function nearestProject(filePath: string, byDir: ReadonlyMap<string, ProjectModel>): ProjectModel | undefined {
  let dir = path.posix.dirname(filePath);
  for (;;) {
    const project = byDir.get(dir);
    if (project) return project;
    if (dir === '.' || dir === '/' || dir === '') return undefined;
    dir = path.posix.dirname(dir);
  }
}

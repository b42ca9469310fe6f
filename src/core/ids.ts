/** Node ids are derived from what they name, never from counters, so reruns are identical. */

export const repoId = (repo: string): string => `repo:${repo}`;
export const fileId = (repo: string, file: string): string => `file:${repo}/${file}`;
export const projectId = (repo: string, file: string): string => `project:${repo}/${file}`;
/**
 * A namespace is per owner: `Billing` compiled into two assemblies is two namespaces,
 * and so is `<global>` of two projects. The owner is the project (`repo/path.csproj`),
 * or the repo for source outside any project (see `namespaceOwner`).
 */
export const namespaceId = (name: string, owner: string): string =>
  `namespace:${name === '' ? '<global>' : name}@${owner}`;
/** Owner key of a namespace: the project id without its `project:` prefix, or the repo name for loose source. */
export const namespaceOwner = (repo: string, project?: string): string =>
  project ? project.slice('project:'.length) : repo;
export const typeId = (fullName: string): string => `type:${fullName}`;
export const externalId = (name: string): string => `external:${name}`;
/** Package names are case-insensitive in NuGet; npm names are lower-case already. */
export const packageId = (ecosystem: 'nuget' | 'npm', name: string): string =>
  `package:${ecosystem}:${name.toLowerCase()}`;
/** Database tables and routines: lower-cased `<schema>.<name>` (SQL Server names are case-insensitive). */
export const tableId = (key: string): string => `table:${key}`;
export const procedureId = (key: string): string => `procedure:${key}`;

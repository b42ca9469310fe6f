/** Node ids are derived from what they name, never from counters, so reruns are identical. */

export const repoId = (repo: string): string => `repo:${repo}`;
export const fileId = (repo: string, file: string): string => `file:${repo}/${file}`;
export const projectId = (repo: string, file: string): string => `project:${repo}/${file}`;
export const namespaceId = (name: string): string => `namespace:${name === '' ? '<global>' : name}`;
export const typeId = (fullName: string): string => `type:${fullName}`;
export const externalId = (name: string): string => `external:${name}`;
/** Package names are case-insensitive in NuGet; npm names are lower-case already. */
export const packageId = (ecosystem: 'nuget' | 'npm', name: string): string =>
  `package:${ecosystem}:${name.toLowerCase()}`;
/** Database tables and routines: lower-cased `<schema>.<name>` (SQL Server names are case-insensitive). */
export const tableId = (key: string): string => `table:${key}`;
export const procedureId = (key: string): string => `procedure:${key}`;

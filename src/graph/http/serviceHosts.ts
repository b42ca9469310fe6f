/**
 * Which service a host name means: a docker-compose service (by name or alias,
 * then by the same name with punctuation ignored: `catalog.api` is `catalog-api`)
 * whose build folder is the service's project folder; else a project (.NET project
 * or npm package) whose name is the host's with punctuation ignored (`basket-api` →
 * `Basket.API`), when exactly one project has that name.
 */
import path from 'node:path';
import type { ComposeServiceFact } from '../../core/facts.js';
import type { RepoModel } from '../../core/model.js';

export interface ServiceLocation {
  repo: string;
  /** Repo-relative folder holding the service's code (`''` = the whole repository). */
  folder?: string;
  /** The path base the service is configured with (`PATH_BASE=/basket-api`), taken off forwarded paths. */
  pathBase?: string;
  name: string;
  how: 'compose' | 'project-name';
}

export interface ComposeService extends ServiceLocation {
  /** Repo-relative folders bind-mounted into the service. */
  mounts: string[];
  hosts: string[];
}

const PATH_BASE = /^(?:ASPNETCORE_)?PATH_?BASE$/i;

/** Compose services of the estate, merged by name per repository across override files. */
export function composeServices(repos: readonly RepoModel[]): ComposeService[] {
  const byKey = new Map<string, ComposeService>();
  for (const repo of repos) {
    const files = repo.files.filter((f) => f.facts?.kind === 'compose').sort((a, b) => (a.path < b.path ? -1 : 1));
    for (const file of files) {
      if (file.facts?.kind !== 'compose') continue;
      const dir = path.posix.dirname(file.path);
      for (const service of file.facts.services) {
        const key = `${repo.name}\u0000${service.name}`;
        const entry = byKey.get(key) ?? {
          repo: repo.name,
          name: service.name,
          how: 'compose',
          mounts: [],
          hosts: [service.name],
        };
        const folder = buildFolder(dir, service);
        // Override files may build from the bare context: the deepest folder named is the service's project.
        if (folder !== undefined && (entry.folder === undefined || folder.length > entry.folder.length))
          entry.folder = folder;
        const base = Object.entries(service.environment).find(([k, v]) => PATH_BASE.test(k) && v.startsWith('/'))?.[1];
        if (base && !entry.pathBase) entry.pathBase = base.replace(/\/$/, '');
        for (const mount of service.mounts) {
          const resolved = inRepo(path.posix.join(dir, mount));
          if (resolved !== undefined) entry.mounts.push(resolved);
        }
        entry.hosts = [...new Set([...entry.hosts, ...service.aliases])];
        byKey.set(key, entry);
      }
    }
  }
  return [...byKey.values()];
}

export class ServiceResolver {
  private readonly byHost = new Map<string, ComposeService[]>();
  private readonly byLooseHost = new Map<string, ComposeService[]>();
  private readonly projects = new Map<string, ServiceLocation[]>();

  constructor(
    repos: readonly RepoModel[],
    readonly compose: readonly ComposeService[],
  ) {
    for (const service of compose)
      for (const host of service.hosts) {
        push(this.byHost, host.toLowerCase(), service);
        push(this.byLooseHost, loose(host), service);
      }
    for (const repo of repos)
      for (const file of repo.files) {
        const folder = path.posix.dirname(file.path);
        const names =
          file.facts?.kind === 'msbuild-project'
            ? [path.posix.basename(file.path).replace(/\.[^.]+$/, '')]
            : file.facts?.kind === 'package-json' && file.facts.name
              ? [file.facts.name.replace(/^@[^/]+\//, '')]
              : [];
        for (const name of names)
          push(this.projects, loose(name), {
            repo: repo.name,
            folder: folder === '.' ? '' : folder,
            name,
            how: 'project-name',
          });
      }
  }

  resolve(host: string): ServiceLocation | undefined {
    const bare = host.toLowerCase();
    const composed = unique(this.byHost.get(bare)) ?? unique(this.byLooseHost.get(loose(bare)));
    if (composed?.folder !== undefined) return composed;
    const project = unique(this.projects.get(loose(bare)));
    if (project) return { ...project, ...(composed?.pathBase ? { pathBase: composed.pathBase } : {}) };
    return undefined;
  }
}

function buildFolder(dir: string, service: ComposeServiceFact): string | undefined {
  if (!service.build || service.build.context.includes('://')) return undefined;
  const context = path.posix.join(dir, service.build.context);
  const dockerfile = service.build.dockerfile;
  return inRepo(dockerfile ? path.posix.dirname(path.posix.join(context, dockerfile)) : context);
}

function inRepo(joined: string): string | undefined {
  const normal = path.posix.normalize(joined).replace(/\/$/, '');
  if (normal.startsWith('..') || normal.startsWith('/')) return undefined;
  return normal === '.' ? '' : normal;
}

function loose(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function unique<T>(list: T[] | undefined): T | undefined {
  return list?.length === 1 ? list[0] : undefined;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/**
 * npm projects: every `package.json` becomes a `project` node (`data.ecosystem: 'npm'`)
 * with `package-ref` edges to `package:npm:<name>` carrying the declared range and the
 * version the nearest lockfile pins. Packages another manifest of the estate names
 * get a `produces` edge from that manifest: they are the estate's own.
 */
import path from 'node:path';
import type { LockedPackage, NpmDependency, NpmLockfileFacts, PackageJsonFacts } from '../../core/facts.js';
import type { ExtractedFile, RepoModel } from '../../core/model.js';
import { packageId, projectId, repoId } from '../../core/ids.js';
import type { EstateGraph } from '../../core/graph.js';

/** When one name is declared twice, the runtime dependency wins over dev, optional and peer. */
const PRECEDENCE: Record<NpmDependency['type'], number> = {
  dependencies: 0,
  optionalDependencies: 1,
  devDependencies: 2,
  peerDependencies: 3,
};

export function addNpmProjects(graph: EstateGraph, repos: readonly RepoModel[]): void {
  const producers = new Map<string, string>();
  for (const repo of repos) {
    for (const file of repo.files) {
      if (file.facts?.kind === 'package-json' && file.facts.name && !producers.has(file.facts.name)) {
        producers.set(file.facts.name, projectId(repo.name, file.path));
      }
    }
  }
  // Every manifest's node first: a `produces` edge may point from any of them.
  const pending: (() => void)[] = [];
  for (const repo of repos) {
    const lockfiles = repo.files.filter((f) => f.facts?.kind === 'npm-lockfile');
    for (const file of repo.files) {
      if (file.facts?.kind !== 'package-json') continue;
      const id = projectId(repo.name, file.path);
      const lock = nearestLockfile(file.path, lockfiles);
      addManifestNode(graph, repo.name, file.path, id, file.facts, lock);
      const facts = file.facts;
      pending.push(() => addDependencies(graph, file.path, id, facts, lock, producers));
    }
  }
  for (const add of pending) add();
}

type Lock = { file: ExtractedFile; facts: NpmLockfileFacts };

function addManifestNode(
  graph: EstateGraph,
  repo: string,
  manifestPath: string,
  id: string,
  facts: PackageJsonFacts,
  lock: Lock | undefined,
): void {
  const dir = path.posix.dirname(manifestPath);
  graph.addNode({
    id,
    kind: 'project',
    name: facts.name ?? (dir === '.' ? repo : path.posix.basename(dir)),
    repo,
    path: manifestPath,
    data: {
      ecosystem: 'npm',
      ...(facts.name ? { packageName: facts.name } : {}),
      ...(facts.version ? { version: facts.version } : {}),
      private: facts.private,
      ...(facts.workspaces.length > 0 ? { workspaces: facts.workspaces } : {}),
      ...(facts.enginesNode ? { enginesNode: facts.enginesNode } : {}),
      ...(lock ? { lockfile: lock.file.path } : {}),
    },
  });
  graph.addEdge(repoId(repo), id, 'contains');
}

function addDependencies(
  graph: EstateGraph,
  manifestPath: string,
  id: string,
  facts: PackageJsonFacts,
  lock: Lock | undefined,
  producers: ReadonlyMap<string, string>,
): void {
  const dir = path.posix.dirname(manifestPath);
  const resolve = lock ? lockResolver(lock.facts, importerOf(lock.file.path, dir)) : () => undefined;
  const byName = new Map<string, NpmDependency>();
  for (const dependency of facts.dependencies) {
    const seen = byName.get(dependency.name);
    if (!seen || PRECEDENCE[dependency.type] < PRECEDENCE[seen.type]) byName.set(dependency.name, dependency);
  }
  for (const dependency of [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const target = packageId('npm', dependency.name);
    const resolved = resolve(dependency.name, dependency.range);
    const existing = graph.nodeOfKind(target, 'package')?.data;
    graph.addNode({
      id: target,
      kind: 'package',
      name: dependency.name,
      data: {
        ...existing,
        ecosystem: 'npm',
        versions: union(existing?.versions, dependency.range),
        ...(resolved || existing?.resolved ? { resolved: union(existing?.resolved, resolved) } : {}),
      },
    });
    graph.addEdge(id, target, 'package-ref', 1, {
      version: dependency.range,
      ...(resolved ? { resolved } : {}),
      source: 'package.json',
      dependencyType: dependency.type,
      ...(dependency.line ? { line: dependency.line } : {}),
    });
    const producer = producers.get(dependency.name);
    if (producer && producer !== id) graph.addEdge(producer, target, 'produces');
  }
}

/** The lockfile in the manifest's folder or the closest folder above it (a workspace root). */
function nearestLockfile(manifestPath: string, lockfiles: readonly ExtractedFile[]): Lock | undefined {
  let best: Lock | undefined;
  const dir = path.posix.dirname(manifestPath);
  for (const file of lockfiles) {
    const lockDir = path.posix.dirname(file.path);
    const applies = lockDir === '.' || dir === lockDir || dir.startsWith(`${lockDir}/`);
    if (!applies || file.facts?.kind !== 'npm-lockfile') continue;
    if (
      !best ||
      lockDir.length > path.posix.dirname(best.file.path).length ||
      (lockDir.length === path.posix.dirname(best.file.path).length && file.path < best.file.path)
    ) {
      best = { file, facts: file.facts };
    }
  }
  return best;
}

function importerOf(lockPath: string, manifestDir: string): string {
  const relative = path.posix.relative(path.posix.dirname(lockPath), manifestDir);
  return relative === '.' ? '' : relative;
}

/** Workspace-specific entry first, then the yarn entry for this exact range, then the hoisted root copy. */
function lockResolver(lock: NpmLockfileFacts, importer: string): (name: string, range: string) => string | undefined {
  const byImporter = new Map<string, string>();
  const byRange = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  const add = (p: LockedPackage) => {
    if (p.importer !== undefined && !byImporter.has(`${p.importer}\u0000${p.name}`))
      byImporter.set(`${p.importer}\u0000${p.name}`, p.version);
    if (p.range !== undefined) byRange.set(`${p.name}@${p.range}`, p.version);
    byName.set(p.name, (byName.get(p.name) ?? new Set()).add(p.version));
  };
  lock.locked.forEach(add);
  return (name, range) => {
    const found =
      byImporter.get(`${importer}\u0000${name}`) ?? byRange.get(`${name}@${range}`) ?? byImporter.get(`\u0000${name}`);
    if (found) return found;
    const versions = byName.get(name);
    return versions?.size === 1 ? [...versions][0] : undefined;
  };
}

function union(existing: readonly string[] | undefined, value: string | undefined): string[] {
  const set = new Set<string>(existing ?? []);
  if (value) set.add(value);
  return [...set].sort();
}

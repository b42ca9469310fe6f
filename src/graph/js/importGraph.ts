/**
 * JS/TS imports into the graph: `import` edges between files (weight = import
 * statements, `typeOnly` when all are, the kinds used), to npm packages and Node
 * built-ins, and to what could not be resolved (with the reason). Folder-level
 * `module` nodes with `module-dep` rollups; `project-dep` edges between npm
 * projects when one imports (or declares) a package another repository produces.
 */
import path from 'node:path';
import type { ts as Ts } from 'ts-morph';
import type { JsFileFacts, JsImport } from '../../core/facts.js';
import type { RepoModel } from '../../core/model.js';
import type { Diagnostic } from '../../core/result.js';
import { fileId, packageId, projectId } from '../../core/ids.js';
import type { EstateGraph } from '../../core/graph.js';
import { CompilerSettingsIndex } from './compilerSettings.js';
import { EstateFileSystem, toVirtual } from './estateFileSystem.js';
import { SpecifierResolver, type Resolution } from './resolveSpecifier.js';
import { ManifestIndex } from './manifests.js';

export const moduleId = (repo: string, folder: string): string => `module:${repo}${folder === '.' ? '' : `/${folder}`}`;

/** What each file's specifiers resolved to, for the HTTP stage (mounted routers, imported clients). */
export type ResolvedImports = Map<string, Map<string, Resolution>>;

interface EdgeTally {
  count: number;
  /** First line importing the target: where CI points for a dependency the edge adds. */
  line: number;
  typeOnly: boolean;
  kinds: Set<string>;
  specifiers: Set<string>;
  extra: Record<string, unknown>;
}

export function addJsImports(
  graph: EstateGraph,
  repos: readonly RepoModel[],
  ts: typeof Ts,
): { resolved: ResolvedImports; diagnostics: Diagnostic[] } {
  const fs = new EstateFileSystem(repos);
  const settings = new CompilerSettingsIndex(ts, fs, repos);
  const resolver = new SpecifierResolver(ts, fs, settings);
  const manifests = new ManifestIndex(repos);
  const resolved: ResolvedImports = new Map();
  const moduleEdges = new Map<string, number>();
  const projectDeps = new Map<string, Set<string>>();

  for (const repo of repos) {
    for (const file of repo.files) {
      if (file.facts?.kind !== 'js') continue;
      const from = fileId(repo.name, file.path);
      const virtual = toVirtual(repo.name, file.path);
      const owner = manifests.owner(repo.name, file.path);
      const tallies = new Map<string, EdgeTally>();
      const byKey = new Map<string, Resolution>();
      addModuleNode(graph, repo.name, file.path, file.facts);
      for (const entry of file.facts.imports) {
        const resolution =
          byKey.get(entry.specifier) ?? resolver.resolve(repo.name, virtual, entry.specifier, entry.kind);
        byKey.set(entry.specifier, resolution);
        const target = targetOf(graph, resolution, repo.name, owner, manifests);
        tally(tallies, target.id, entry, target.extra);
        if (resolution.kind === 'file' && resolution.file.repo === repo.name) {
          const a = moduleId(repo.name, path.posix.dirname(file.path));
          const b = moduleId(repo.name, path.posix.dirname(resolution.file.path));
          if (a !== b) moduleEdges.set(`${a}\u0000${b}`, (moduleEdges.get(`${a}\u0000${b}`) ?? 0) + 1);
        }
        const producer =
          resolution.kind === 'file'
            ? resolution.package
            : resolution.kind === 'estate-package'
              ? resolution.package
              : undefined;
        if (owner && producer) {
          const to = projectId(producer.repo, producer.manifest);
          if (to !== owner)
            projectDeps.set(`${owner}\u0000${to}`, (projectDeps.get(`${owner}\u0000${to}`) ?? new Set()).add('import'));
        }
      }
      resolved.set(from, byKey);
      for (const [to, t] of [...tallies].sort(([a], [b]) => (a < b ? -1 : 1))) {
        graph.addEdge(from, to, 'import', t.count, {
          kinds: [...t.kinds].sort(),
          specifiers: [...t.specifiers].sort(),
          line: t.line,
          ...(t.typeOnly ? { typeOnly: true } : {}),
          ...t.extra,
        });
      }
    }
  }
  for (const [key, weight] of moduleEdges) {
    const [a, b] = key.split('\u0000') as [string, string];
    // A folder holding only data (`import countries from './assets/countries.json'`) is no module.
    if (graph.hasNode(a) && graph.hasNode(b)) graph.addEdge(a, b, 'module-dep', weight);
  }
  addDeclaredEstatePackages(manifests, fs, projectDeps);
  for (const [key, via] of [...projectDeps].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [from, to] = key.split('\u0000') as [string, string];
    if (!graph.hasNode(from) || !graph.hasNode(to)) continue;
    const crossRepo = graph.node(from)!.repo !== graph.node(to)!.repo;
    graph.addEdge(from, to, 'project-dep', 1, {
      via: ['package', ...[...via].filter((v) => v !== 'package')].sort(),
      crossRepo,
      ecosystem: 'npm',
    });
  }
  return { resolved, diagnostics: settings.diagnostics };
}

/** `package.json` dependencies naming a package another manifest of the estate produces. */
function addDeclaredEstatePackages(
  manifests: ManifestIndex,
  fs: EstateFileSystem,
  projectDeps: Map<string, Set<string>>,
): void {
  for (const manifest of manifests.all()) {
    for (const dependency of manifest.dependencies) {
      const producer = fs.packageFor(dependency, `/${manifest.repo}/`);
      if (!producer) continue;
      const to = projectId(producer.repo, producer.manifest);
      if (to !== manifest.id)
        projectDeps.set(
          `${manifest.id}\u0000${to}`,
          projectDeps.get(`${manifest.id}\u0000${to}`) ?? new Set(['package']),
        );
    }
  }
}

function targetOf(
  graph: EstateGraph,
  r: Resolution,
  repo: string,
  owner: string | undefined,
  manifests: ManifestIndex,
): { id: string; extra: Record<string, unknown> } {
  switch (r.kind) {
    case 'file': {
      const extra: Record<string, unknown> = {};
      if (r.file.repo !== repo) extra.crossRepo = true;
      if (r.package) extra.package = r.package.name;
      if (r.via === 'source-entry') extra.resolvedBy = 'source-entry';
      return { id: fileId(r.file.repo, r.file.path), extra };
    }
    case 'estate-package':
      return {
        id: projectId(r.package.repo, r.package.manifest),
        extra: { package: r.package.name, reason: r.reason, ...(r.package.repo !== repo ? { crossRepo: true } : {}) },
      };
    case 'package': {
      const id = packageId('npm', r.name);
      if (!graph.hasNode(id)) graph.addNode({ id, kind: 'package', name: r.name, data: { ecosystem: 'npm' } });
      const declared = owner !== undefined && manifests.declares(owner, r.name);
      if (owner && !declared && !graph.edge('package-ref', owner, id))
        graph.addEdge(owner, id, 'package-ref', 1, { source: 'import', undeclared: true });
      return { id, extra: { reason: declared ? 'package-not-installed' : 'undeclared-package' } };
    }
    case 'builtin': {
      const id = `external:node:${r.name}`;
      if (!graph.hasNode(id))
        graph.addNode({ id, kind: 'external', name: `node:${r.name}`, data: { ecosystem: 'node', reason: 'builtin' } });
      return { id, extra: { reason: 'builtin' } };
    }
    case 'unresolved': {
      const id = `external:unresolved:${r.target}`;
      if (!graph.hasNode(id)) graph.addNode({ id, kind: 'external', name: r.target, data: { reason: r.reason } });
      return { id, extra: { reason: r.reason } };
    }
  }
}

function tally(tallies: Map<string, EdgeTally>, to: string, entry: JsImport, extra: Record<string, unknown>): void {
  const t = tallies.get(to) ?? {
    count: 0,
    line: entry.line,
    typeOnly: true,
    kinds: new Set<string>(),
    specifiers: new Set<string>(),
    extra,
  };
  t.count++;
  t.line = Math.min(t.line, entry.line);
  t.typeOnly &&= entry.typeOnly;
  t.kinds.add(entry.kind);
  t.specifiers.add(entry.specifier);
  tallies.set(to, t);
}

function addModuleNode(graph: EstateGraph, repo: string, filePath: string, facts: JsFileFacts): void {
  const folder = path.posix.dirname(filePath);
  const id = moduleId(repo, folder);
  const files = (graph.nodeOfKind(id, 'module')?.data?.files ?? 0) + 1;
  graph.addNode({
    id,
    kind: 'module',
    name: folder === '.' ? repo : folder,
    repo,
    path: folder,
    data: { files, language: facts.dialect.startsWith('ts') ? 'TypeScript' : 'JavaScript' },
  });
}

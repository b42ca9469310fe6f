/** Test support for the package analyzers: a graph of projects and package references, registry answers from the fixture documents. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EstateModel } from '../src/graph/buildGraph.js';
import { packageUsages } from '../src/packages/inventory.js';
import { RegistryIndex, type PackageMetadata } from '../src/packages/metadata.js';
import type { AdvisoryIndex } from '../src/advisories/database.js';
import { reduceNpmDocument } from '../src/registry/npmRegistry.js';
import { EstateGraph, modelOf } from './testing.js';

const registryFixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/registry');

export interface Reference {
  ecosystem: 'npm' | 'nuget';
  name: string;
  repo?: string;
  file?: string;
  declared?: string;
  resolved?: string;
  line?: number;
}

export function packageGraph(references: readonly Reference[]): EstateGraph {
  const graph = new EstateGraph();
  for (const r of references) {
    const repo = r.repo ?? 'web';
    const file = r.file ?? (r.ecosystem === 'npm' ? 'package.json' : 'src/App/App.csproj');
    const project = `project:${repo}/${file}`;
    graph.addNode({ id: project, kind: 'project', name: file, repo, path: file });
    const id = `package:${r.ecosystem}:${r.name.toLowerCase()}`;
    graph.addNode({ id, kind: 'package', name: r.name, data: { ecosystem: r.ecosystem } });
    graph.addEdge(project, id, 'package-ref', 1, {
      ...(r.declared ? { version: r.declared } : {}),
      ...(r.resolved ? { resolved: r.resolved } : {}),
      ...(r.line ? { line: r.line } : {}),
    });
  }
  return graph;
}

/** The fixture npm document, reduced as the registry client reduces it. */
export function npmFixture(name: string): PackageMetadata {
  const json = JSON.parse(readFileSync(path.join(registryFixtures, 'npm', `${name.replace('/', '__')}.json`), 'utf8')) as unknown;
  const reduced = reduceNpmDocument(json, name, 'https://registry.example/');
  if (typeof reduced === 'string') throw new Error(reduced);
  return reduced;
}

/** NuGet metadata from the fixture flat container and registration (inline leaves and pages). */
export function nugetFixture(id: string): PackageMetadata {
  const lower = id.toLowerCase();
  const versions = (JSON.parse(readFileSync(path.join(registryFixtures, 'nuget/flat', `${lower}.json`), 'utf8')) as { versions: string[] }).versions;
  const metadata: PackageMetadata = { ecosystem: 'nuget', name: id, source: 'https://nuget.example/v3/index.json', versions, published: {}, deprecated: {} };
  const dir = path.join(registryFixtures, 'nuget/registration', lower);
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { items: { lower: string; upper: string; items?: unknown[] }[] };
  for (const page of index.items) {
    const leaves = (page.items ?? (JSON.parse(readFileSync(path.join(dir, `page-${page.lower}-${page.upper}.json`), 'utf8')) as { items: unknown[] }).items) as {
      catalogEntry: { version: string; published: string; deprecation?: { message: string } };
    }[];
    for (const { catalogEntry } of leaves) {
      metadata.published[catalogEntry.version.toLowerCase()] = catalogEntry.published;
      if (catalogEntry.deprecation) metadata.deprecated[catalogEntry.version.toLowerCase()] = catalogEntry.deprecation.message;
    }
  }
  return metadata;
}

/** A model whose package phase has run: every usage of a package gets that package's metadata. */
export function packageModel(
  graph: EstateGraph,
  options: { metadata?: readonly PackageMetadata[]; advisories?: AdvisoryIndex; scanDate?: string } = {},
): EstateModel {
  const usages = packageUsages(graph);
  const registry = new RegistryIndex();
  for (const usage of usages) {
    const found = options.metadata?.find((m) => m.ecosystem === usage.ecosystem && m.name.toLowerCase() === usage.name.toLowerCase());
    if (found) registry.set(usage.projectId, usage.packageId, found);
  }
  return modelOf(graph, {
    packages: {
      usages,
      ...(options.metadata ? { registry } : {}),
      ...(options.advisories ? { advisories: options.advisories } : {}),
      scanDate: options.scanDate ?? '2025-06-01T00:00:00.000Z',
    },
  });
}

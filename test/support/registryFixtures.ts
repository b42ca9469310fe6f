/**
 * Registry answers from the documents under fixtures/registry, reduced the way
 * the registry clients reduce what they fetch, so the package analyzers judge
 * the same metadata a scan against those registries would give them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageMetadata } from '../../src/core/packages.js';
import { reduceNpmDocument } from '../../src/registry/npmRegistry.js';

const registryFixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/registry');

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(registryFixtures, file), 'utf8'));

/** The fixture npm document, reduced by the npm client's own reducer. */
export function npmFixture(name: string): PackageMetadata {
  const reduced = reduceNpmDocument(
    readJson(path.join('npm', `${name.replace('/', '__')}.json`)),
    name,
    'https://registry.example/',
  );
  if (typeof reduced === 'string') throw new Error(`fixtures/registry/npm/${name}: ${reduced}`);
  return reduced;
}

interface RegistrationLeaf {
  catalogEntry: { version: string; published: string; deprecation?: { message: string } };
}

/**
 * NuGet metadata from the fixture flat container (versions) and registration
 * (publication dates, deprecations), whose pages are inline or separate
 * documents as nuget.org serves them. The NuGet client's reducers are private
 * to its fetch, so this reads the same fields they read.
 */
export function nugetFixture(id: string): PackageMetadata {
  const lower = id.toLowerCase();
  const { versions } = readJson(path.join('nuget/flat', `${lower}.json`)) as { versions: string[] };
  const metadata: PackageMetadata = {
    ecosystem: 'nuget',
    name: id,
    source: 'https://nuget.example/v3/index.json',
    versions,
    published: {},
    deprecated: {},
  };
  const dir = path.join('nuget/registration', lower);
  const index = readJson(path.join(dir, 'index.json')) as {
    items: { lower: string; upper: string; items?: RegistrationLeaf[] }[];
  };
  for (const page of index.items) {
    const leaves =
      page.items ??
      (readJson(path.join(dir, `page-${page.lower}-${page.upper}.json`)) as { items: RegistrationLeaf[] }).items;
    for (const { catalogEntry } of leaves) {
      const version = catalogEntry.version.toLowerCase();
      metadata.published[version] = catalogEntry.published;
      if (catalogEntry.deprecation) metadata.deprecated[version] = catalogEntry.deprecation.message;
    }
  }
  return metadata;
}

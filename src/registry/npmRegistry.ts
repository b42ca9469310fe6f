/**
 * The npm registry's package document (`GET <registry>/<name>`). The full document,
 * not the abbreviated `application/vnd.npm.install-v1+json` one: only the full one
 * carries `time` (release dates) and per-version `deprecated` messages. It is
 * reduced before it is cached, so the cache stays small.
 */
import type { PackageMetadata } from '../packages/metadata.js';
import { fetchJson, type FetchContext, type Fetched } from './fetchJson.js';
import type { NpmRegistryChoice } from './npmrc.js';

export async function fetchNpmPackage(
  context: FetchContext,
  registry: NpmRegistryChoice,
  name: string,
): Promise<Fetched<PackageMetadata>> {
  // Scoped names keep their `@` and escape the slash, as npm's own client does.
  const url = `${registry.url}${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
  const headers: Record<string, string> = registry.authorization ? { authorization: registry.authorization } : {};
  return fetchJson(context, url, headers, (json) => reduceNpmDocument(json, name, registry.url));
}

export function reduceNpmDocument(json: unknown, name: string, source: string): PackageMetadata | string {
  if (!isObject(json) || !isObject(json.versions)) return 'not an npm package document (no "versions")';
  const versions = Object.keys(json.versions);
  const published: Record<string, string> = {};
  const deprecated: Record<string, string> = {};
  const time = isObject(json.time) ? json.time : {};
  for (const version of versions) {
    if (typeof time[version] === 'string') published[version] = time[version];
    const manifest = json.versions[version];
    if (isObject(manifest) && typeof manifest.deprecated === 'string' && manifest.deprecated !== '')
      deprecated[version] = manifest.deprecated;
  }
  const tags = isObject(json['dist-tags']) ? json['dist-tags'] : {};
  return {
    ecosystem: 'npm',
    name,
    source,
    versions,
    ...(typeof tags.latest === 'string' ? { latestTag: tags.latest } : {}),
    published,
    deprecated,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

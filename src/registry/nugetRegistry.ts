/**
 * The NuGet v3 protocol: the service index names the resources; the flat container
 * (`PackageBaseAddress/3.0.0`, `{base}{id-lower}/index.json`) lists every version;
 * the registration (`RegistrationsBaseUrl`) has release dates and deprecation, in
 * pages that are inlined or fetched separately — only the pages holding the versions
 * of interest are fetched.
 */
import type { PackageMetadata } from '../packages/metadata.js';
import { compareNuGetVersions, normaliseNuGetVersion, parseNuGetVersion } from '../packages/nugetVersion.js';
import { fetchJson, type FetchContext, type Fetched } from './fetchJson.js';
import type { NuGetSource } from './nugetConfig.js';

interface ServiceIndex {
  packageBaseAddress?: string;
  registrationsBaseUrl?: string;
}

interface Leaf {
  version: string;
  published?: string;
  deprecated?: string;
}

interface RegistrationPage {
  url: string;
  lower: string;
  upper: string;
  leaves?: Leaf[];
}

export interface NuGetLookup {
  result: Fetched<PackageMetadata>;
  /** Partial answers: metadata found, but release dates or deprecation could not be read. */
  problems: string[];
}

const REGISTRATION_TYPES = [
  'RegistrationsBaseUrl/3.6.0',
  'RegistrationsBaseUrl/3.4.0',
  'RegistrationsBaseUrl/3.0.0-rc',
  'RegistrationsBaseUrl',
];

/** `interesting`: versions whose dates and deprecation matter (the ones in use). */
export async function fetchNuGetPackage(
  context: FetchContext,
  sources: readonly NuGetSource[],
  id: string,
  interesting: readonly string[],
): Promise<NuGetLookup> {
  if (sources.length === 0) {
    return {
      result: {
        kind: 'error',
        code: 'registry-no-source',
        message: 'no NuGet v3 package source is configured (every source cleared, disabled, or v2/local)',
      },
      problems: [],
    };
  }
  const errors: Fetched<PackageMetadata>[] = [];
  for (const source of sources) {
    const headers: Record<string, string> = source.authorization ? { authorization: source.authorization } : {};
    const index = await fetchJson(context, source.url, headers, reduceServiceIndex);
    if (index.kind !== 'found') {
      errors.push(
        index.kind === 'not-found'
          ? { kind: 'error', code: 'registry-unreachable', message: `${source.url}: no service index (404)` }
          : index,
      );
      continue;
    }
    if (!index.value.packageBaseAddress) {
      errors.push({
        kind: 'error',
        code: 'registry-invalid-response',
        message: `${source.url}: service index has no PackageBaseAddress/3.0.0`,
      });
      continue;
    }
    // Ids come from scanned files: encoded, so a crafted one cannot reach another path of the feed.
    const lower = encodeURIComponent(id.toLowerCase());
    const flat = await fetchJson(
      context,
      `${withSlash(index.value.packageBaseAddress)}${lower}/index.json`,
      headers,
      reduceVersionList,
    );
    if (flat.kind === 'not-found') continue; // not on this source; try the next
    if (flat.kind === 'error') {
      errors.push(flat);
      continue;
    }
    const metadata: PackageMetadata = {
      ecosystem: 'nuget',
      name: id,
      source: source.url,
      versions: flat.value,
      published: {},
      deprecated: {},
    };
    const problems = index.value.registrationsBaseUrl
      ? await addRegistration(
          context,
          `${withSlash(index.value.registrationsBaseUrl)}${lower}/index.json`,
          headers,
          metadata,
          interesting,
        )
      : [];
    return { result: { kind: 'found', value: metadata }, problems };
  }
  return { result: errors[0] ?? { kind: 'not-found' }, problems: [] };
}

async function addRegistration(
  context: FetchContext,
  url: string,
  headers: Record<string, string>,
  metadata: PackageMetadata,
  interesting: readonly string[],
): Promise<string[]> {
  const index = await fetchJson(context, url, headers, reduceRegistrationIndex);
  if (index.kind === 'error') return [index.message];
  if (index.kind === 'not-found') return [];
  const wanted = [...interesting, ...latestVersions(metadata.versions)]
    .map((v) => parseNuGetVersion(v))
    .filter((v) => v !== undefined);
  const problems: string[] = [];
  for (const page of index.value) {
    let leaves = page.leaves;
    if (!leaves) {
      const lower = parseNuGetVersion(page.lower);
      const upper = parseNuGetVersion(page.upper);
      const needed =
        !lower ||
        !upper ||
        wanted.some((v) => compareNuGetVersions(v, lower) >= 0 && compareNuGetVersions(v, upper) <= 0);
      if (!needed) continue;
      const fetched = await fetchJson(context, page.url, headers, reduceRegistrationPage);
      if (fetched.kind === 'error') problems.push(fetched.message);
      if (fetched.kind !== 'found') continue;
      leaves = fetched.value;
    }
    for (const leaf of leaves) {
      if (leaf.published) metadata.published[leaf.version] = leaf.published;
      if (leaf.deprecated) metadata.deprecated[leaf.version] = leaf.deprecated;
    }
  }
  return problems;
}

function latestVersions(versions: readonly string[]): string[] {
  const parsed = versions
    .map((v) => parseNuGetVersion(v))
    .filter((v) => v !== undefined)
    .sort(compareNuGetVersions);
  const stable = parsed.filter((v) => v.prerelease.length === 0);
  return [stable.at(-1), parsed.at(-1)].filter((v) => v !== undefined).map((v) => v.original);
}

function reduceServiceIndex(json: unknown): ServiceIndex | string {
  if (!isObject(json) || !Array.isArray(json.resources)) return 'not a NuGet v3 service index (no "resources")';
  const resources = json.resources as unknown[];
  const find = (types: readonly string[]) => {
    for (const type of types) {
      const resource = resources.find((r) => isObject(r) && r['@type'] === type && typeof r['@id'] === 'string') as
        | Record<string, string>
        | undefined;
      if (resource) return resource['@id'];
    }
    return undefined;
  };
  const packageBaseAddress = find(['PackageBaseAddress/3.0.0']);
  const registrationsBaseUrl = find(REGISTRATION_TYPES);
  return {
    ...(packageBaseAddress ? { packageBaseAddress } : {}),
    ...(registrationsBaseUrl ? { registrationsBaseUrl } : {}),
  };
}

function reduceVersionList(json: unknown): string[] | string {
  if (!isObject(json) || !Array.isArray(json.versions)) return 'not a flat-container version list (no "versions")';
  return json.versions.filter((v): v is string => typeof v === 'string');
}

function reduceRegistrationIndex(json: unknown): RegistrationPage[] | string {
  if (!isObject(json) || !Array.isArray(json.items)) return 'not a registration index (no "items")';
  const pages: RegistrationPage[] = [];
  for (const page of json.items) {
    if (!isObject(page) || typeof page['@id'] !== 'string') continue;
    const leaves = Array.isArray(page.items) ? reduceLeaves(page.items) : undefined;
    pages.push({
      url: page['@id'],
      lower: String(page.lower ?? ''),
      upper: String(page.upper ?? ''),
      ...(leaves ? { leaves } : {}),
    });
  }
  return pages;
}

function reduceRegistrationPage(json: unknown): Leaf[] | string {
  if (!isObject(json) || !Array.isArray(json.items)) return 'not a registration page (no "items")';
  return reduceLeaves(json.items);
}

function reduceLeaves(items: unknown[]): Leaf[] {
  const leaves: Leaf[] = [];
  for (const item of items) {
    const entry = isObject(item) && isObject(item.catalogEntry) ? item.catalogEntry : undefined;
    const parsed = typeof entry?.version === 'string' ? parseNuGetVersion(entry.version) : undefined;
    if (!entry || !parsed) continue;
    // nuget.org dates unlisted versions 1900-01-01: not a release date.
    const published =
      typeof entry.published === 'string' && !entry.published.startsWith('1900-') ? entry.published : undefined;
    // Keys lower-cased, as the flat container lists them.
    leaves.push({
      version: normaliseNuGetVersion(parsed).toLowerCase(),
      ...(published ? { published } : {}),
      ...deprecationOf(entry.deprecation),
    });
  }
  return leaves;
}

function deprecationOf(value: unknown): { deprecated?: string } {
  if (!isObject(value)) return {};
  const reasons = Array.isArray(value.reasons) ? value.reasons.filter((r) => typeof r === 'string').join(', ') : '';
  const alternate =
    isObject(value.alternatePackage) && typeof value.alternatePackage.id === 'string'
      ? `; use ${value.alternatePackage.id} instead`
      : '';
  const message = typeof value.message === 'string' && value.message !== '' ? value.message : reasons || 'deprecated';
  return { deprecated: `${message}${reasons && message !== reasons ? ` (${reasons})` : ''}${alternate}` };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where Nest serves a controller's routes. An app's global prefix and URI versioning
 * apply to the controllers its root module reaches: the files reachable from the
 * module's file through value imports (`AppModule` → `AccountModule` → its controller),
 * which is the app folder in practice without guessing it from paths. A controller no
 * app reaches is served as declared; one two apps reach is served under both.
 */
import type { JsFileFacts, JsHttpRoute, JsNestApp, NestVersion } from '../../core/facts.js';
import { fileId } from '../../core/ids.js';
import type { ResolvedImports } from '../js/importGraph.js';
import { joinPath } from '../../extract/js/httpRoutes.js';
import { parseRoute, type RouteSegment } from './routeTemplate.js';

export interface JsFileEntry {
  repo: string;
  path: string;
  facts: JsFileFacts;
}

/** For each file a Nest app reaches, the apps (in a stable order) whose options its routes get. */
export function nestAppsByFile(
  jsFiles: ReadonlyMap<string, JsFileEntry>,
  resolved: ResolvedImports,
): Map<string, JsNestApp[]> {
  const byFile = new Map<string, JsNestApp[]>();
  for (const [id, file] of [...jsFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const app of file.facts.nestApps ?? []) {
      const root = app.module ? resolvedFile(resolved, id, app.module.specifier) : id;
      if (!root) continue;
      for (const reached of reachable(root, jsFiles, resolved))
        byFile.set(reached, [...(byFile.get(reached) ?? []), app]);
    }
  }
  return byFile;
}

/** The paths a Nest route is served at under each app (as declared when no app reaches it), without duplicates. */
export function nestRoutePaths(route: JsHttpRoute, apps: readonly JsNestApp[] | undefined): string[] {
  if (!apps || apps.length === 0) return [route.path];
  return [...new Set(apps.flatMap((app) => pathsUnder(route, app)))];
}

function pathsUnder(route: JsHttpRoute, app: JsNestApp): string[] {
  // Nest builds `/<global prefix>/<version>/<controller>/<method>`; exclusions are matched without prefix and version.
  const versioned = versionSegments(route.version, app.uriVersioning).map((v) =>
    v ? joinPath(`/${v}`, route.path) : route.path,
  );
  const prefix = app.globalPrefix?.replace(/^\/+|\/+$/g, '');
  if (!prefix || isExcluded(route, app.prefixExclusions)) return versioned;
  return versioned.map((p) => joinPath(`/${prefix}`, p));
}

/** `v1`, `v2`, or '' for an unversioned path; a route with no version of its own gets the app's default. */
function versionSegments(own: NestVersion | undefined, versioning: JsNestApp['uriVersioning']): string[] {
  if (!versioning) return [''];
  const version = own ?? versioning.defaultVersion;
  if (!version) return [''];
  return [...(version.neutral ? [''] : []), ...version.values.map((v) => `${versioning.prefix}${v}`)];
}

function isExcluded(route: JsHttpRoute, exclusions: JsNestApp['prefixExclusions']): boolean {
  if (exclusions.length === 0) return false;
  const segments = parseRoute(route.path);
  return exclusions.some(
    (e) => (!e.method || e.method === route.method) && coversRoute(parseRoute(normalizeExclusion(e.path)), segments),
  );
}

/** Nest 11 (path-to-regexp 8) `{/*wildcard}` and `/*splat` as the catch-all `*` the route parser knows. */
function normalizeExclusion(path: string): string {
  return path.replace(/\{\/\*[\w$]*\}/g, '/*').replace(/\/\*[\w$]+/g, '/*');
}

/** Whether an exclusion pattern matches the route's own path: its parameters stand for any one segment. */
function coversRoute(pattern: readonly RouteSegment[], route: readonly RouteSegment[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.kind === 'param' && p.catchAll) return true;
    const r = route[i];
    if (!r) return pattern.slice(i).every((s) => s.kind === 'param' && s.optional);
    if (p.kind === 'literal' && (r.kind !== 'literal' || r.text.toLowerCase() !== p.text.toLowerCase())) return false;
  }
  return pattern.length === route.length;
}

function resolvedFile(resolved: ResolvedImports, from: string, specifier: string): string | undefined {
  const target = resolved.get(from)?.get(specifier);
  return target?.kind === 'file' ? fileId(target.file.repo, target.file.path) : undefined;
}

/** Files reachable from `root` through imports that are not type-only, `root` included. */
function reachable(root: string, jsFiles: ReadonlyMap<string, JsFileEntry>, resolved: ResolvedImports): Set<string> {
  const seen = new Set<string>([root]);
  const queue = [root];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const entry of jsFiles.get(id)?.facts.imports ?? []) {
      if (entry.typeOnly) continue;
      const next = resolvedFile(resolved, id, entry.specifier);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

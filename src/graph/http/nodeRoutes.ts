/**
 * Routes of Node services: each file's routes, with the prefixes under which
 * other files mount its router (`app.use('/api/invoices', remindersRouter)`),
 * found through the resolved imports.
 */
import type { JsFileFacts, JsHttpRoute } from '../../core/facts.js';
import type { RepoModel } from '../../core/model.js';
import { fileId } from '../../core/ids.js';
import type { ResolvedImports } from '../js/importGraph.js';
import { joinPath } from '../../extract/js/httpRoutes.js';
import { parseRoute } from './routeTemplate.js';
import type { ServedRoute } from './types.js';
import { nestAppsByFile, nestRoutePaths } from './nestApps.js';

export function nodeRoutes(repos: readonly RepoModel[], resolved: ResolvedImports): ServedRoute[] {
  const jsFiles = new Map<string, { repo: string; path: string; facts: JsFileFacts }>();
  for (const repo of repos)
    for (const file of repo.files)
      if (file.facts?.kind === 'js')
        jsFiles.set(fileId(repo.name, file.path), { repo: repo.name, path: file.path, facts: file.facts });

  // Prefixes under which each file's receivers are mounted, from every file that mounts them.
  const mounted = new Map<string, Map<string, string[]>>();
  for (const [id, file] of jsFiles) {
    for (const mount of file.facts.mounts) {
      const target = resolved.get(id)?.get(mount.router.specifier);
      if (target?.kind !== 'file') continue;
      const targetId = fileId(target.file.repo, target.file.path);
      const targetFacts = jsFiles.get(targetId)?.facts;
      if (!targetFacts) continue;
      const receiver = receiverOf(targetFacts, mount.router.name);
      if (!receiver) continue;
      const byReceiver = mounted.get(targetId) ?? new Map<string, string[]>();
      byReceiver.set(receiver, [...(byReceiver.get(receiver) ?? []), mount.prefix]);
      mounted.set(targetId, byReceiver);
    }
  }

  const nestApps = nestAppsByFile(jsFiles, resolved);
  const routes: ServedRoute[] = [];
  for (const [id, file] of jsFiles) {
    for (const route of file.facts.routes) {
      if (route.framework === 'nest') {
        for (const path of nestRoutePaths(route, nestApps.get(id)))
          routes.push(toServed(route, path, id, file.repo, file.path));
        continue;
      }
      const prefixes = (route.receiver && mounted.get(id)?.get(route.receiver)) || [''];
      for (const prefix of prefixes)
        routes.push(toServed(route, prefix ? joinPath(prefix, route.path) : route.path, id, file.repo, file.path));
    }
  }
  return routes;
}

/** The local name behind an imported router: the named export itself, or what `export default`/`module.exports` names. */
function receiverOf(facts: JsFileFacts, exported: string): string | undefined {
  const receivers = new Set(facts.routes.flatMap((r) => (r.receiver ? [r.receiver] : [])));
  const name = exported === 'default' || exported === '*' ? facts.defaultExport : exported;
  if (name && receivers.has(name)) return name;
  return receivers.size === 1 ? [...receivers][0] : undefined;
}

function toServed(route: JsHttpRoute, template: string, handler: string, repo: string, file: string): ServedRoute {
  return {
    method: route.method,
    segments: parseRoute(template),
    template,
    framework: route.framework,
    style: 'code',
    handler,
    ...(route.handler ? { action: route.handler } : {}),
    // Express (and Nest on it) match paths case-insensitively by default; Fastify does not.
    caseInsensitive: route.framework !== 'fastify',
    repo,
    file,
    line: route.line,
  };
}

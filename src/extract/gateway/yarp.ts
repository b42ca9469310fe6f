/**
 * YARP (`ReverseProxy` in appsettings or its own file): routes (a map by route id,
 * or the older list with `RouteId`) with `Match.Path`, `Match.Methods` and the path
 * transforms (`PathRemovePrefix`, `PathPrefix`, `PathPattern`, `PathSet`), and
 * clusters whose `Destinations.*.Address` name the hosts.
 */
import type { GatewayClusterFact, GatewayPathRewrite, GatewayRouteFact } from '../../core/facts.js';
import { asList, field, isTree, text, type ParsedConfig, type Tree } from './document.js';

export function looksLikeYarp(source: string): boolean {
  return /["']?ReverseProxy["']?\s*:/i.test(source);
}

const TRANSFORMS: Record<string, GatewayPathRewrite['kind']> = {
  pathremoveprefix: 'remove-prefix',
  pathprefix: 'add-prefix',
  pathpattern: 'template',
  pathset: 'set',
};

export function readYarp(parsed: ParsedConfig): {
  routes: GatewayRouteFact[];
  clusters: GatewayClusterFact[];
  skipped: { line: number; why: string }[];
} {
  const routes: GatewayRouteFact[] = [];
  const clusters: GatewayClusterFact[] = [];
  const skipped: { line: number; why: string }[] = [];
  for (const doc of parsed.documents) {
    const proxy = isTree(doc) ? field(doc, 'ReverseProxy') : undefined;
    if (!isTree(proxy)) continue;
    for (const [id, route] of entries(field(proxy, 'Routes'), 'RouteId')) {
      const line = parsed.lineOf(route);
      const cluster = text(field(route, 'ClusterId'));
      const match = field(route, 'Match');
      if (!cluster) {
        skipped.push({ line, why: `route ${id} names no cluster` });
        continue;
      }
      const path = isTree(match) ? text(field(match, 'Path')) : undefined;
      const methods = isTree(match)
        ? asList(field(match, 'Methods')).flatMap((m) => (typeof m === 'string' && m ? [m.toUpperCase()] : []))
        : [];
      const rewrites: GatewayPathRewrite[] = [];
      for (const transform of asList(field(route, 'Transforms'))) {
        if (!isTree(transform)) continue;
        for (const [key, value] of Object.entries(transform)) {
          const kind = TRANSFORMS[key.toLowerCase()];
          const written = text(value);
          if (kind && written) rewrites.push({ kind, value: written });
        }
      }
      routes.push({
        name: id,
        // No path: the route matches every path (its other conditions are hosts or headers).
        match: { kind: 'template', value: path ?? '/{**catch-all}' },
        caseSensitive: false,
        ...(methods.length > 0 ? { methods } : {}),
        rewrites,
        cluster,
        hosts: [],
        line,
      });
    }
    for (const [id, cluster] of entries(field(proxy, 'Clusters'), 'ClusterId')) {
      const hosts = entries(field(cluster, 'Destinations'), 'DestinationId').flatMap(([, destination]) => {
        const address = text(field(destination, 'Address'));
        const parsedHost = address ? hostOf(address) : undefined;
        return parsedHost ? [parsedHost] : [];
      });
      clusters.push({ name: id, hosts, line: parsed.lineOf(cluster) });
    }
  }
  return { routes, clusters, skipped };
}

/** A map by id, or a list whose items carry the id under `idKey`. */
function entries(value: unknown, idKey: string): [string, Tree][] {
  if (Array.isArray(value))
    return value.flatMap((item) => {
      const id = isTree(item) ? text(field(item, idKey)) : undefined;
      return id && isTree(item) ? [[id, item] as [string, Tree]] : [];
    });
  if (isTree(value))
    return Object.entries(value).flatMap(([id, item]) => (isTree(item) ? [[id, item] as [string, Tree]] : []));
  return [];
}

function hostOf(address: string): { host: string; port?: number } | undefined {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#]+)(?::(\d+))?/i.exec(address);
  if (!match) return undefined;
  return { host: match[1]!, ...(match[2] ? { port: Number(match[2]) } : {}) };
}

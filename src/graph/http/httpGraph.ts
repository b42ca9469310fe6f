/**
 * HTTP coupling in the graph. Every route served becomes an `endpoint` node
 * (`endpoint:<METHOD> <route>`) with a `serves` edge from its handler (controller
 * type or Node file). Every call matched to routes becomes an `http-call` edge from
 * the caller (file or C# type) to the handler, with the route, method and call as
 * written; the most specific routes win (fewest wildcards, then an explicit verb),
 * and ties are all kept with `ambiguous`. Calls that match nothing get an
 * `http-call` edge to an `endpoint:unmatched:<METHOD> <path>` node: listed, not dropped.
 */
import type { RepoModel } from '../../core/model.js';
import type { EstateGraph } from '../../core/graph.js';
import type { HttpCallRecord, UnmatchedReason } from '../../core/graphData.js';
import type { ResolvedImports } from '../js/importGraph.js';
import { aspnetRoutes } from './aspnetRoutes.js';
import { nodeRoutes } from './nodeRoutes.js';
import { httpCallSites } from './callSites.js';
import { callPath, displayCall, displayRoute, matchScore, type CallSegment } from './routeTemplate.js';
import type { HttpCallSite, ServedRoute } from './types.js';
import { GatewayIndex } from './gateways.js';
import { throughGateways } from './gatewayMatch.js';

type MatchedCall = HttpCallRecord & Required<Pick<HttpCallRecord, 'route' | 'method' | 'endpoint'>>;

interface Indexed extends ServedRoute {
  endpoint: string;
  display: string;
}

export function addHttpCoupling(graph: EstateGraph, repos: readonly RepoModel[], resolved: ResolvedImports): void {
  const routes = [...aspnetRoutes(repos), ...nodeRoutes(repos, resolved)].map(indexRoute);
  for (const route of routes) addServes(graph, route);
  const byFirstSegment = bucket(routes);
  const gateways = new GatewayIndex(repos, routes);
  const edges = new Map<string, { from: string; to: string; calls: MatchedCall[] }>();
  for (const site of httpCallSites(graph, repos, resolved).sort(bySource)) {
    const path = callPath(site.url);
    const direct = path ? bestMatches(path, site.method, candidates(path, byFirstSegment, routes)) : [];
    const gatewayed = path ? throughGateways(gateways, site, path, direct.length > 0, bestMatches) : undefined;
    const best = gatewayed ? gatewayed.routes : direct;
    if (best.length === 0) {
      const servedForOtherVerbs =
        path && site.method && bestMatches(path, undefined, candidates(path, byFirstSegment, routes)).length > 0;
      addUnmatched(
        graph,
        site,
        path,
        !path
          ? 'dynamic-url'
          : gatewayed?.reason
            ? 'no-route-via-gateway'
            : servedForOtherVerbs
              ? 'method-not-served'
              : 'no-route',
        gatewayed?.reason,
      );
      continue;
    }
    for (const route of best) {
      const key = `${site.from}\u0000${route.handler}`;
      const entry = edges.get(key) ?? { from: site.from, to: route.handler, calls: [] };
      entry.calls.push({
        route: route.display,
        method: site.method ?? route.method,
        call: site.call,
        url: site.url,
        endpoint: route.endpoint,
        ...(route.action ? { action: route.action } : {}),
        file: site.file,
        line: site.line,
        ...(best.length > 1 ? { ambiguous: true } : {}),
        ...(gatewayed?.via ? { via: gatewayed.via, forwardedPath: gatewayed.forwardedPath } : {}),
        ...(gatewayed?.alsoVia ? { alsoVia: gatewayed.alsoVia } : {}),
      });
      edges.set(key, entry);
    }
  }
  for (const { from, to, calls } of [...edges.values()].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1))) {
    if (!graph.hasNode(from) || !graph.hasNode(to)) continue;
    const first = calls[0]!;
    graph.addEdge(from, to, 'http-call', calls.length, {
      route: first.route,
      method: first.method,
      call: first.call,
      ...(first.action ? { action: first.action } : {}),
      ...(calls.some((c) => c.ambiguous) ? { ambiguous: true } : {}),
      ...(first.via ? { via: first.via } : {}),
      calls,
    });
  }
}

function indexRoute(route: ServedRoute): Indexed {
  const display = displayRoute(route.segments, route.caseInsensitive);
  return { ...route, display, endpoint: `endpoint:${route.method} ${display}` };
}

function addServes(graph: EstateGraph, route: Indexed): void {
  if (!graph.hasNode(route.handler)) return;
  if (!graph.hasNode(route.endpoint)) {
    graph.addNode({
      id: route.endpoint,
      kind: 'endpoint',
      name: `${route.method} ${route.display}`,
      repo: route.repo,
      data: { method: route.method, route: route.display, framework: route.framework },
    });
  }
  if (graph.edge('serves', route.handler, route.endpoint)) return;
  graph.addEdge(route.handler, route.endpoint, 'serves', 1, {
    template: route.template,
    style: route.style,
    ...(route.action ? { action: route.action } : {}),
    file: route.file,
    line: route.line,
  });
}

function addUnmatched(
  graph: EstateGraph,
  site: HttpCallSite,
  path: CallSegment[] | undefined,
  reason: UnmatchedReason,
  gatewayProblem: string | undefined,
): void {
  const shown = path ? displayCall(path) : site.url;
  const id = `endpoint:unmatched:${site.method ?? 'ANY'} ${shown}`;
  if (!graph.hasNode(id))
    graph.addNode({
      id,
      kind: 'endpoint',
      name: `${site.method ?? 'ANY'} ${shown}`,
      data: { method: site.method ?? 'ANY', route: shown, unmatched: true, ...(path ? {} : { dynamic: true }) },
    });
  if (!graph.hasNode(site.from)) return;
  const existing = graph.edge('http-call', site.from, id);
  const calls: HttpCallRecord[] = [
    ...(existing?.data?.calls ?? []),
    {
      call: site.call,
      url: site.url,
      file: site.file,
      line: site.line,
      ...(gatewayProblem ? { reason: gatewayProblem } : {}),
    },
  ];
  graph.addEdge(site.from, id, 'http-call', 1, {
    method: site.method ?? 'ANY',
    call: calls[0]!.call,
    url: site.url,
    unmatched: true,
    reason,
    calls,
  });
}

function bestMatches<R extends Indexed>(path: CallSegment[], method: string | undefined, routes: R[]): R[] {
  let best: R[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const route of routes) {
    if (method && route.method !== 'ANY' && route.method !== method) continue;
    const wildcards = matchScore(path, route.segments, route.caseInsensitive);
    if (wildcards === undefined) continue;
    // An explicit verb is more specific than ANY at equal wildcards.
    const score = wildcards * 2 + (route.method === 'ANY' ? 1 : 0);
    // The same action reached through two templates (a named route and the default one) is one target, not an ambiguity.
    if (score < bestScore) {
      bestScore = score;
      best = [route];
    } else if (score === bestScore && !best.some((b) => b.handler === route.handler && b.action === route.action))
      best.push(route);
  }
  return best;
}

/** Routes by lower-cased first literal segment; routes starting with a parameter go everywhere. */
function bucket(routes: Indexed[]): Map<string, Indexed[]> {
  const map = new Map<string, Indexed[]>();
  for (const route of routes) {
    const first = route.segments[0];
    const key = first?.kind === 'literal' ? first.text.toLowerCase() : '\u0000any';
    map.set(key, [...(map.get(key) ?? []), route]);
  }
  return map;
}

function candidates(path: CallSegment[], buckets: Map<string, Indexed[]>, all: Indexed[]): Indexed[] {
  const first = path[0];
  if (!first || first.kind === 'hole') return all;
  return [...(buckets.get(first.text.toLowerCase()) ?? []), ...(buckets.get('\u0000any') ?? [])];
}

function bySource(a: HttpCallSite, b: HttpCallSite): number {
  return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}

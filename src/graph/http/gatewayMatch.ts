/**
 * One call through the gateways: when its host is a gateway, or nothing matched it
 * directly, the path each gateway forwards is matched against the routes of the
 * service the gateway sends it to. The first gateway (by name) whose service serves
 * the path wins; when none does, the reason is kept for the unmatched call.
 */
import type { GatewayIndex } from './gateways.js';
import { callPath, type CallSegment, displayCall } from './routeTemplate.js';
import type { HttpCallSite, ServedRoute } from './types.js';

export interface ThroughGateway<R> {
  routes: R[];
  via?: string;
  /** Other gateways that take the call to the same handlers, when its host is not known. */
  alsoVia?: string[];
  forwardedPath?: string;
  reason?: string;
}

type Matcher<R> = (path: CallSegment[], method: string | undefined, routes: R[]) => R[];

export function throughGateways<R extends ServedRoute>(
  gateways: GatewayIndex<R>,
  site: HttpCallSite,
  path: CallSegment[],
  matchedDirectly: boolean,
  match: Matcher<R>,
): ThroughGateway<R> | undefined {
  if (gateways.size === 0) return undefined;
  const host = hostOf(site.url);
  const toGateway = gateways.isGatewayHost(host);
  if (matchedDirectly && !toGateway) return undefined;
  const forwards = gateways.forward(displayCall(path), site.method, toGateway ? host : undefined);
  if (forwards.length === 0)
    return toGateway
      ? { routes: [], reason: `${host} is a gateway, and none of its routes takes ${displayCall(path)}` }
      : undefined;
  let found: ThroughGateway<R> | undefined;
  for (const forward of forwards) {
    if (!('routes' in forward)) continue;
    const downstream = callPath(forward.path);
    const routes = downstream ? match(downstream, site.method, forward.routes) : [];
    if (routes.length === 0) continue;
    if (!found) found = { routes, via: forward.gateway, forwardedPath: forward.path };
    // With the host unknown, any gateway reaching the same handlers may be the one: name them all.
    else if (routes.every((r) => found!.routes.some((f) => f.handler === r.handler)))
      found.alsoVia = [...(found.alsoVia ?? []), forward.gateway];
  }
  if (found) return found;
  const first = forwards[0]!;
  return {
    routes: [],
    reason:
      'problem' in first
        ? first.problem
        : `${first.gateway} forwards it as ${first.path} to ${first.service}, which serves no route matching that`,
  };
}

/** The host of an absolute URL, when it is written out (`http://webshoppingapigw/…`). */
function hostOf(url: string): string | undefined {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1];
  return host && !host.includes('{') ? host.toLowerCase() : undefined;
}

/**
 * Calls through API gateways. Each gateway configuration file (Envoy, Ocelot, YARP)
 * is one gateway, named after the compose service that mounts or builds it (else its
 * folder); its routes say which path goes to which host, and `serviceHosts` says which
 * service folder a host is. A call is forwarded when its host is the gateway, or, with
 * a host not known statically, when its path starts with one of a gateway's prefixes
 * (a catch-all `/` says nothing about such a call and is left out then).
 */
import path from 'node:path';
import type { GatewayConfigFacts, GatewayRouteFact } from '../../core/facts.js';
import type { RepoModel } from '../../core/model.js';
import { matchGatewayRoute } from './gatewayPaths.js';
import { type ComposeService, composeServices, ServiceResolver, type ServiceLocation } from './serviceHosts.js';
import type { ServedRoute } from './types.js';

interface Gateway {
  name: string;
  hosts: string[];
  file: string;
  facts: GatewayConfigFacts;
}

export type Forwarded<R> =
  | { gateway: string; path: string; routes: R[]; service: string }
  | { gateway: string; path: string; problem: string };

export class GatewayIndex<R extends ServedRoute> {
  private readonly gateways: Gateway[];
  private readonly byHost = new Map<string, Gateway>();
  private readonly resolver: ServiceResolver;
  private readonly routesOf = new Map<string, R[]>();

  constructor(
    repos: readonly RepoModel[],
    private readonly served: readonly R[],
  ) {
    const compose = composeServices(repos);
    this.resolver = new ServiceResolver(repos, compose);
    this.gateways = [];
    for (const repo of repos)
      for (const file of repo.files)
        if (file.facts?.kind === 'gateway-config')
          this.gateways.push(identify(repo.name, file.path, file.facts, compose));
    // Gateways a compose service runs come first: a file no service mounts may be a stale copy or a chart template.
    this.gateways.sort((a, b) =>
      a.hosts.length > 0 !== b.hosts.length > 0
        ? a.hosts.length > 0
          ? -1
          : 1
        : a.name + a.file < b.name + b.file
          ? -1
          : 1,
    );
    for (const gateway of this.gateways)
      for (const host of gateway.hosts) if (!this.byHost.has(host)) this.byHost.set(host, gateway);
  }

  get size(): number {
    return this.gateways.length;
  }

  isGatewayHost(host: string | undefined): boolean {
    return host !== undefined && this.byHost.has(host.toLowerCase());
  }

  /** Where the gateways send a call: one answer per gateway whose route matches. */
  forward(callPath: string, method: string | undefined, host: string | undefined): Forwarded<R>[] {
    const named = host ? this.byHost.get(host.toLowerCase()) : undefined;
    const gateways = named ? [named] : this.gateways;
    const out: Forwarded<R>[] = [];
    for (const gateway of gateways) {
      const hit = pickRoute(gateway.facts, callPath, method, named !== undefined);
      if (!hit) continue;
      const hosts = [
        ...hit.route.hosts,
        ...(hit.route.cluster ? (gateway.facts.clusters.find((c) => c.name === hit.route.cluster)?.hosts ?? []) : []),
      ];
      const service = hosts.map((h) => this.resolver.resolve(h.host)).find((s) => s !== undefined);
      if (!service) {
        const target = hit.route.cluster
          ? `cluster '${hit.route.cluster}'${hosts.length ? ` (${hosts.map((h) => h.host).join(', ')})` : ' (not defined)'}`
          : `host ${hosts.map((h) => h.host).join(', ') || '(none)'}`;
        out.push({
          gateway: gateway.name,
          path: hit.path,
          problem: `${gateway.name} sends ${hit.path} to ${target}, which names no service of the estate`,
        });
        continue;
      }
      const downstream = withoutBase(hit.path, service.pathBase);
      out.push({ gateway: gateway.name, path: downstream, routes: this.routesIn(service), service: service.name });
    }
    return out;
  }

  private routesIn(service: ServiceLocation): R[] {
    const key = `${service.repo}\u0000${service.folder ?? ''}`;
    let routes = this.routesOf.get(key);
    if (!routes) {
      const prefix = service.folder ? `${service.folder}/` : '';
      routes = this.served.filter((r) => r.repo === service.repo && r.file.startsWith(prefix));
      this.routesOf.set(key, routes);
    }
    return routes;
  }
}

/** Envoy tries routes in order; Ocelot and YARP take the most specific template. */
function pickRoute(
  facts: GatewayConfigFacts,
  callPath: string,
  method: string | undefined,
  hostIsGateway: boolean,
): { route: GatewayRouteFact; path: string } | undefined {
  let best: { route: GatewayRouteFact; path: string; specificity: number } | undefined;
  for (const route of facts.routes) {
    if (method && route.methods && !route.methods.includes(method)) continue;
    const match = matchGatewayRoute(route, callPath);
    if (!match) continue;
    if (!hostIsGateway && match.specificity <= 1) continue;
    if (facts.format === 'envoy') return { route, path: match.path };
    if (!best || match.specificity > best.specificity) best = { route, ...match };
  }
  return best;
}

function identify(repo: string, file: string, facts: GatewayConfigFacts, compose: readonly ComposeService[]): Gateway {
  const dir = path.posix.dirname(file);
  const inside = (folder: string) => folder === '' || file === folder || dir === folder || dir.startsWith(`${folder}/`);
  // A build folder that holds other services' folders is a whole source tree, not the gateway's project.
  const isProjectFolder = (s: ComposeService) =>
    s.folder !== undefined &&
    !compose.some((o) => o !== s && o.repo === s.repo && o.folder?.startsWith(s.folder === '' ? '' : `${s.folder}/`));
  const services = compose.filter(
    (s) => s.repo === repo && (s.mounts.some(inside) || (isProjectFolder(s) && inside(s.folder!))),
  );
  const hosts = [...new Set(services.flatMap((s) => s.hosts.map((h) => h.toLowerCase())))].sort();
  const name = services.map((s) => s.name).sort()[0] ?? `${repo}/${dir === '.' ? file : dir}`;
  return { name, hosts, file: `${repo}/${file}`, facts };
}

function withoutBase(forwarded: string, base: string | undefined): string {
  if (!base) return forwarded;
  const lower = forwarded.toLowerCase();
  const prefix = base.toLowerCase();
  return lower === prefix || lower.startsWith(`${prefix}/`) ? forwarded.slice(base.length) || '/' : forwarded;
}

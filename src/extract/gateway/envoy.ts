/**
 * Envoy (v2 and v3 static config, or a route configuration on its own): every
 * `virtual_hosts[].routes[]` with its match and `route` action, and every cluster
 * with the `socket_address` hosts it balances over (`hosts` or `load_assignment`).
 */
import type { GatewayClusterFact, GatewayHost, GatewayRouteFact } from '../../core/facts.js';
import { asList, field, isTree, text, type ParsedConfig, type Tree } from './document.js';

export function looksLikeEnvoy(source: string): boolean {
  return /\bvirtual_hosts\s*["']?\s*:/.test(source) && /\broutes\s*["']?\s*:/.test(source);
}

export function readEnvoy(parsed: ParsedConfig): {
  routes: GatewayRouteFact[];
  clusters: GatewayClusterFact[];
  skipped: { line: number; why: string }[];
} {
  const routes: GatewayRouteFact[] = [];
  const clusters: GatewayClusterFact[] = [];
  const skipped: { line: number; why: string }[] = [];
  for (const doc of parsed.documents) {
    for (const virtualHosts of findAll(doc, 'virtual_hosts'))
      for (const vhost of asList(virtualHosts))
        if (isTree(vhost))
          for (const route of asList(vhost.routes)) {
            if (!isTree(route)) continue;
            const read = readRoute(route, parsed.lineOf(route));
            if ('why' in read) skipped.push(read);
            else routes.push(read);
          }
    for (const list of findAll(doc, 'clusters'))
      for (const cluster of asList(list)) {
        const name = isTree(cluster) ? text(cluster.name) : undefined;
        // `weighted_clusters.clusters` also holds named entries, but without any address.
        if (!isTree(cluster) || !name) continue;
        const hosts = socketAddresses(cluster);
        if (hosts.length > 0) clusters.push({ name, hosts, line: parsed.lineOf(cluster) });
      }
  }
  return { routes, clusters, skipped };
}

function readRoute(route: Tree, line: number): GatewayRouteFact | { line: number; why: string } {
  const match = isTree(route.match) ? route.match : undefined;
  const action = isTree(route.route) ? route.route : undefined;
  const name = text(route.name);
  if (!match || !action) return { line, why: `route ${name ?? ''} forwards nowhere (redirect or direct response)` };
  const regex = isTree(match.safe_regex) ? text(match.safe_regex.regex) : text(match.regex);
  const prefix = typeof match.prefix === 'string' ? match.prefix : text(match.path_separated_prefix);
  const kind = prefix !== undefined ? 'prefix' : text(match.path) ? 'path' : regex ? 'regex' : undefined;
  const value = prefix ?? text(match.path) ?? regex;
  if (!kind || value === undefined) return { line, why: `route ${name ?? ''} has a match Envoy form not read` };
  const weighted = isTree(action.weighted_clusters) ? asList(action.weighted_clusters.clusters) : [];
  const cluster = text(action.cluster) ?? weighted.map((c) => (isTree(c) ? text(c.name) : undefined)).find(Boolean);
  if (!cluster) return { line, why: `route ${name ?? ''} names no static cluster` };
  const rewrite = typeof action.prefix_rewrite === 'string' ? action.prefix_rewrite : undefined;
  return {
    ...(name ? { name } : {}),
    match: { kind, value },
    caseSensitive: match.case_sensitive !== false,
    ...methodsOf(match),
    rewrites: rewrite !== undefined && kind !== 'regex' ? [{ kind: 'replace-prefix', value: rewrite }] : [],
    cluster,
    hosts: [],
    line,
  };
}

/** A `:method` header matcher (`exact_match: GET`), the one way an Envoy route restricts verbs. */
function methodsOf(match: Tree): { methods?: string[] } {
  for (const header of asList(match.headers)) {
    if (!isTree(header) || text(header.name) !== ':method') continue;
    const exact =
      text(header.exact_match) ?? (isTree(header.string_match) ? text(header.string_match.exact) : undefined);
    if (exact) return { methods: [exact.toUpperCase()] };
  }
  return {};
}

function socketAddresses(cluster: Tree): GatewayHost[] {
  const hosts: GatewayHost[] = [];
  for (const socket of findAll(cluster, 'socket_address')) {
    if (!isTree(socket)) continue;
    const host = text(socket.address);
    const port = Number(field(socket, 'port_value'));
    if (host) hosts.push({ host, ...(Number.isInteger(port) && port > 0 ? { port } : {}) });
  }
  return hosts;
}

/** Every value under `key` anywhere in the tree (bounded depth: configs are shallow, input is untrusted). */
function findAll(root: unknown, key: string): unknown[] {
  const found: unknown[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 24) return;
    if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (isTree(value))
      for (const [k, v] of Object.entries(value)) {
        if (k === key) found.push(v);
        else visit(v, depth + 1);
      }
  };
  visit(root, 0);
  return found;
}

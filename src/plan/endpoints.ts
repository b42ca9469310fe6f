/**
 * A candidate's endpoints other clusters call over HTTP or gRPC, with their
 * call sites: no in-process reference to cut, but the contract the extracted
 * service must keep (and a gateway route to it).
 */
import type { CandidateEndpoint, Cluster } from '../core/decomposition.js';
import { byId, type EstateView, type UnitLink } from './estateView.js';

export function endpointsOf(view: EstateView, cluster: Cluster): CandidateEndpoint[] {
  const members = new Set(cluster.members);
  const byKey = new Map<string, CandidateEndpoint>();
  // Every gateway that takes a call to it (the first and the others that would): each must route to the new service.
  const gatewaysOf = new Map<CandidateEndpoint, Set<string>>();
  for (const member of cluster.members)
    for (const link of view.linksOf.get(member) ?? []) {
      if (link.kind !== 'call' || link.to !== member || members.has(link.from)) continue;
      const caller = view.clusterOf.get(link.from)!;
      for (const site of callSites(link)) {
        const kind = link.edgeKind === 'grpc-call' ? 'grpc-call' : 'http-call';
        const key = `${member}|${kind}|${site.endpoint}`;
        const entry = byKey.get(key) ?? { unit: member, kind, endpoint: site.endpoint, callSites: [] };
        for (const gateway of site.gateways) gatewaysOf.set(entry, (gatewaysOf.get(entry) ?? new Set()).add(gateway));
        entry.callSites.push({
          from: link.from,
          cluster: caller,
          ...(site.file ? { file: site.file } : {}),
          ...(site.line !== undefined ? { line: site.line } : {}),
          ...(site.via ? { via: site.via } : {}),
        });
        byKey.set(key, entry);
      }
    }
  for (const entry of byKey.values()) {
    const gateways = [...(gatewaysOf.get(entry) ?? [])].sort(byId);
    if (gateways.length > 0) entry.via = gateways;
    entry.callSites.sort(
      (a, b) => byId(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || byId(a.from, b.from),
    );
  }
  return [...byKey.values()].sort(
    (a, b) => b.callSites.length - a.callSites.length || byId(a.unit, b.unit) || byId(a.endpoint, b.endpoint),
  );
}

/** One entry per call record; an edge without records (an older result) is one call to its route. */
function callSites(
  link: UnitLink,
): { endpoint: string; file?: string; line?: number; via?: string; gateways: string[] }[] {
  const { edge } = link;
  if (edge.kind === 'grpc-call') {
    const calls = edge.data?.calls ?? [];
    const service = edge.data?.service ?? link.to;
    if (calls.length === 0) return [{ endpoint: service, gateways: [] }];
    return calls.map((c) => ({ endpoint: `${service}/${c.rpc}`, file: c.file, line: c.line, gateways: [] }));
  }
  if (edge.kind === 'http-call') {
    const data = edge.data;
    const calls = data?.calls ?? [];
    const route = (method?: string, path?: string) =>
      [method, path ?? data?.route ?? data?.action].filter(Boolean).join(' ') || link.to;
    if (calls.length === 0) return [{ endpoint: route(data?.method), gateways: data?.via ? [data.via] : [] }];
    return calls.map((c) => ({
      endpoint: route(c.method ?? data?.method, c.route ?? c.endpoint),
      ...(c.file ? { file: c.file } : {}),
      line: c.line,
      ...((c.via ?? data?.via) ? { via: c.via ?? data?.via } : {}),
      gateways: [...[c.via ?? data?.via].filter((g): g is string => !!g), ...(c.alsoVia ?? [])],
    }));
  }
  return [{ endpoint: link.to, gateways: [] }];
}

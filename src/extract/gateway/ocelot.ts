/**
 * Ocelot (`ocelot.json`, `configuration.json`, any name): `Routes` (or the older
 * `ReRoutes`) with `UpstreamPathTemplate` → `DownstreamPathTemplate` on the
 * `DownstreamHostAndPorts` (or a discovered `ServiceName`).
 */
import type { GatewayHost, GatewayRouteFact } from '../../core/facts.js';
import { asList, field, isTree, text, type ParsedConfig } from './document.js';

export function looksLikeOcelot(source: string): boolean {
  return /UpstreamPathTemplate/i.test(source) && /DownstreamPathTemplate/i.test(source);
}

export function readOcelot(parsed: ParsedConfig): {
  routes: GatewayRouteFact[];
  skipped: { line: number; why: string }[];
} {
  const routes: GatewayRouteFact[] = [];
  const skipped: { line: number; why: string }[] = [];
  for (const doc of parsed.documents) {
    if (!isTree(doc)) continue;
    for (const route of [...asList(field(doc, 'Routes')), ...asList(field(doc, 'ReRoutes'))]) {
      if (!isTree(route)) continue;
      const line = parsed.lineOf(route);
      const upstream = text(field(route, 'UpstreamPathTemplate'));
      const downstream = text(field(route, 'DownstreamPathTemplate'));
      if (!upstream || !downstream) {
        skipped.push({ line, why: 'route without an upstream or downstream path template' });
        continue;
      }
      const hosts: GatewayHost[] = asList(field(route, 'DownstreamHostAndPorts')).flatMap((h) => {
        const host = isTree(h) ? text(field(h, 'Host')) : undefined;
        const port = isTree(h) ? Number(field(h, 'Port')) : Number.NaN;
        return host ? [{ host, ...(Number.isInteger(port) && port > 0 ? { port } : {}) }] : [];
      });
      const serviceName = text(field(route, 'ServiceName'));
      if (serviceName) hosts.push({ host: serviceName });
      const methods = asList(field(route, 'UpstreamHttpMethod')).flatMap((m) =>
        typeof m === 'string' && m.trim() ? [m.trim().toUpperCase()] : [],
      );
      const key = text(field(route, 'Key'));
      routes.push({
        ...(key ? { name: key } : {}),
        match: { kind: 'template', value: upstream },
        // Ocelot matches case-insensitively unless the route says otherwise.
        caseSensitive: field(route, 'RouteIsCaseSensitive') === true,
        ...(methods.length > 0 ? { methods } : {}),
        rewrites: [{ kind: 'template', value: downstream }],
        hosts,
        line,
      });
    }
  }
  return { routes, skipped };
}

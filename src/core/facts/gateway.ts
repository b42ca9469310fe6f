/**
 * Facts of deployment configuration (see ../facts.ts): API gateway route files
 * (Envoy, Ocelot, YARP) and docker-compose files, which together say which
 * service a call through a gateway reaches.
 */

/** A host a gateway forwards to, as written (`basket-api`, `http://catalog-api:80`). */
export interface GatewayHost {
  host: string;
  port?: number;
}

/** How a route rewrites the path before forwarding; applied in order. */
export type GatewayPathRewrite =
  /** Envoy `prefix_rewrite`: the matched prefix replaced by `value`. */
  | { kind: 'replace-prefix'; value: string }
  /** Ocelot `DownstreamPathTemplate`, YARP `PathPattern`: placeholders captured by the match filled in. */
  | { kind: 'template'; value: string }
  /** YARP `PathRemovePrefix`. */
  | { kind: 'remove-prefix'; value: string }
  /** YARP `PathPrefix`. */
  | { kind: 'add-prefix'; value: string }
  /** YARP `PathSet`, Envoy exact `path` rewrite. */
  | { kind: 'set'; value: string };

export interface GatewayRouteFact {
  /** Route name or id as written (Envoy `name`, YARP route key); absent when unnamed. */
  name?: string;
  /**
   * What the route matches: a path prefix (Envoy `prefix`), an exact path (Envoy `path`),
   * a regular expression (Envoy `safe_regex`), or a template with `{placeholders}` (Ocelot, YARP).
   */
  match: { kind: 'prefix' | 'path' | 'regex' | 'template'; value: string };
  caseSensitive: boolean;
  /** Upper-case verbs the route admits; absent when it admits any. */
  methods?: string[];
  rewrites: GatewayPathRewrite[];
  /** The cluster the route forwards to (Envoy, YARP), resolved through `clusters`. */
  cluster?: string;
  /** Hosts named on the route itself (Ocelot `DownstreamHostAndPorts`, `ServiceName`). */
  hosts: GatewayHost[];
  line: number;
}

export interface GatewayClusterFact {
  name: string;
  hosts: GatewayHost[];
  line: number;
}

/** One gateway configuration file; routes in the order the gateway tries them. */
export interface GatewayConfigFacts {
  kind: 'gateway-config';
  format: 'envoy' | 'ocelot' | 'yarp';
  routes: GatewayRouteFact[];
  clusters: GatewayClusterFact[];
}

/** One service of a docker-compose file. */
export interface ComposeServiceFact {
  name: string;
  /** Build context and Dockerfile as written, relative to the compose file's folder. */
  build?: { context: string; dockerfile?: string };
  image?: string;
  /** Other names the service answers to on the compose network (`hostname`, `container_name`, aliases). */
  aliases: string[];
  /** Environment as written (`KEY=value` lists and maps alike); values never interpolated. */
  environment: Record<string, string>;
  /** Host-side sources of bind mounts (`./config:/etc/envoy` → `./config`). */
  mounts: string[];
  line: number;
}

export interface ComposeFacts {
  kind: 'compose';
  services: ComposeServiceFact[];
}

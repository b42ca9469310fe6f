import { describe, expect, it } from 'vitest';
import { extractServiceConfig } from './extractServiceConfig.js';

const envoy = `static_resources:
  listeners:
  - filter_chains:
    - filters:
      - name: envoy.filters.network.http_connection_manager
        typed_config:
          route_config:
            virtual_hosts:
            - name: shop
              domains: ["*"]
              routes:
              - match: { prefix: "/inv/" }
                route: { prefix_rewrite: "/invoices-api/", cluster: invoices }
              - match: { prefix: "/" }
                redirect: { path_redirect: "/home" }
  clusters:
  - name: invoices
    load_assignment:
      endpoints:
      - lb_endpoints:
        - endpoint:
            address:
              socket_address: { address: invoices-svc, port_value: 8080 }
`;

describe('gateway configuration by content', () => {
  it('reads Envoy v3 routes and clusters, and says which route forwards nowhere', () => {
    const { facts, problems } = extractServiceConfig('front.yaml', envoy);
    expect(facts).toMatchObject({
      kind: 'gateway-config',
      format: 'envoy',
      routes: [
        {
          match: { kind: 'prefix', value: '/inv/' },
          rewrites: [{ kind: 'replace-prefix', value: '/invoices-api/' }],
          cluster: 'invoices',
          line: 12,
        },
      ],
      clusters: [{ name: 'invoices', hosts: [{ host: 'invoices-svc', port: 8080 }] }],
    });
    expect(problems.map((p) => p.code)).toEqual(['gateway-route-skipped']);
  });

  it('reads Ocelot routes from a file of any name, with comments', () => {
    const json = `{
  // the mobile gateway
  "Routes": [
    { "UpstreamPathTemplate": "/m/{everything}", "DownstreamPathTemplate": "/api/{everything}",
      "DownstreamHostAndPorts": [ { "Host": "orders-api", "Port": 80 } ], "UpstreamHttpMethod": [ "Get" ] },
  ]
}`;
    const { facts } = extractServiceConfig('configuration.json', json);
    expect(facts).toMatchObject({
      format: 'ocelot',
      routes: [
        {
          match: { value: '/m/{everything}' },
          methods: ['GET'],
          rewrites: [{ kind: 'template', value: '/api/{everything}' }],
          hosts: [{ host: 'orders-api', port: 80 }],
          line: 4,
        },
      ],
    });
  });

  it('reads YARP routes, transforms and destinations inside appsettings', () => {
    const json = `{ "Logging": {}, "ReverseProxy": {
  "Routes": { "pay": { "ClusterId": "payments", "Match": { "Path": "/pay/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/pay" } ] } },
  "Clusters": { "payments": { "Destinations": { "one": { "Address": "http://payments-api:5000/" } } } } } }`;
    const { facts } = extractServiceConfig('appsettings.json', json);
    expect(facts).toMatchObject({
      format: 'yarp',
      routes: [
        {
          name: 'pay',
          match: { kind: 'template', value: '/pay/{**rest}' },
          rewrites: [{ kind: 'remove-prefix', value: '/pay' }],
          cluster: 'payments',
        },
      ],
      clusters: [{ name: 'payments', hosts: [{ host: 'payments-api', port: 5000 }] }],
    });
  });

  it('reads compose services, override files included', () => {
    const yaml = `services:
  invoices-svc:
    build:
      context: .
      dockerfile: src/Invoices.Api/Dockerfile
    environment:
      - PATH_BASE=/invoices-api
  front-gw:
    image: envoyproxy/envoy
    volumes:
      - ./gateways/front:/etc/envoy
      - data:/var/lib
`;
    const { facts } = extractServiceConfig('docker-compose.yml', yaml);
    expect(facts).toMatchObject({
      kind: 'compose',
      services: [
        {
          name: 'invoices-svc',
          build: { context: '.', dockerfile: 'src/Invoices.Api/Dockerfile' },
          environment: { PATH_BASE: '/invoices-api' },
        },
        { name: 'front-gw', mounts: ['./gateways/front'] },
      ],
    });
  });

  it('stays silent on other JSON and YAML, and names a broken gateway file', () => {
    expect(extractServiceConfig('appsettings.json', '{ "ConnectionStrings": { "Db": "x" } }')).toEqual({
      problems: [],
    });
    expect(extractServiceConfig('ci.yml', 'jobs:\n  build:\n    runs-on: ubuntu\n')).toEqual({ problems: [] });
    const broken = extractServiceConfig(
      'ocelot.json',
      '{ "Routes": [ { "UpstreamPathTemplate": "/a", "DownstreamPathTemplate": ',
    );
    expect(broken.facts).toBeUndefined();
    expect(broken.problems[0]).toMatchObject({ code: 'config-invalid', severity: 'warning' });
  });

  it('refuses an Ocelot file nested 50,000 deep before parsing it, and reads one nested 20 deep', () => {
    const deep = `{ "Routes": [ { "UpstreamPathTemplate": "/a", "DownstreamPathTemplate": "/b", "X": ${'['.repeat(50_000)}${']'.repeat(50_000)} } ] }`;
    const refused = extractServiceConfig('ocelot.json', deep);
    expect(refused.facts).toBeUndefined();
    expect(refused.problems).toEqual([
      {
        code: 'config-invalid',
        severity: 'warning',
        message: 'configuration is nested too deep to read; its routes and services are not read',
      },
    ]);
    const shallow = `{ "Routes": [ { "UpstreamPathTemplate": "/a", "DownstreamPathTemplate": "/b", "DownstreamHostAndPorts": [ { "Host": "svc", "Port": 80 } ], "X": ${'['.repeat(20)}${']'.repeat(20)} } ] }`;
    expect(extractServiceConfig('ocelot.json', shallow).problems.filter((p) => p.message.includes('too deep'))).toEqual(
      [],
    );
  });
});

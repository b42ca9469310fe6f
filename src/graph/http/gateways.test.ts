import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpCallData } from '../../core/graphData.js';
import type { RepoModel } from '../../core/model.js';
import { classifyFile } from '../../discover/classify.js';
import { loadCSharpParser } from '../../extract/csharp/extractCSharp.js';
import { extractFile, type Parsers } from '../../extract/extractFile.js';
import { buildEstateGraph } from '../buildGraph.js';

let parsers: Parsers;
beforeAll(async () => {
  parsers = { csharp: await loadCSharpParser() };
});

const project =
  '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>';
const invoicesApi = {
  'src/Services/Invoices/Invoices.Api/Invoices.Api.csproj': project,
  'src/Services/Invoices/Invoices.Api/Controllers/InvoicesController.cs': `
    [Route("api/v1/[controller]")]
    public class InvoicesController : ControllerBase {
      [HttpGet("{id:int}")] public IActionResult ById(int id) => Ok();
    }`,
};

function caller(body: string): Record<string, string> {
  return {
    'src/Web/Portal/Portal.csproj': project,
    'src/Web/Portal/InvoiceClient.cs': `
      public class InvoiceClient {
        private readonly HttpClient _http;
        private readonly string _base;
        ${body}
      }`,
  };
}

function httpCalls(files: Record<string, string>) {
  const repo: RepoModel = {
    name: 'shop',
    path: 'shop',
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const kind = classifyFile(path.slice(path.lastIndexOf('/') + 1))!;
      const outcome = extractFile(kind, path, text, parsers);
      return { repo: 'shop', path, kind, loc: outcome.loc, ...(outcome.facts ? { facts: outcome.facts } : {}) };
    }),
  };
  const { graph } = buildEstateGraph([repo], new Map([['shop', '/nowhere/shop']]));
  return graph
    .edgesOfKind('http-call')
    .flatMap((e) => (e.data as HttpCallData).calls.map((c) => ({ to: e.to, ...c })))
    .sort((a, b) => a.line - b.line);
}

describe('calls through Envoy', () => {
  const envoy = {
    'src/docker-compose.yml': `services:
  invoices-api:
    build:
      context: .
      dockerfile: Services/Invoices/Invoices.Api/Dockerfile
  frontgw:
    image: envoyproxy/envoy:v1.11.1
`,
    'src/docker-compose.override.yml': `services:
  invoices-api:
    environment:
      - PATH_BASE=/invoices-api
  frontgw:
    volumes:
      - ./Gateways/front:/etc/envoy
`,
    'src/Gateways/front/envoy.yaml': `static_resources:
  listeners:
  - filter_chains:
    - filters:
      - config:
          route_config:
            virtual_hosts:
            - name: front
              domains: ["*"]
              routes:
              - match: { prefix: "/inv/" }
                route: { prefix_rewrite: "/invoices-api/", cluster: invoices }
              - match: { prefix: "/pay/" }
                route: { cluster: payments }
              - match: { prefix: "/" }
                route: { cluster: portal }
  clusters:
  - name: invoices
    hosts: [ { socket_address: { address: invoices-api, port_value: 80 } } ]
  - name: payments
    hosts: [ { socket_address: { address: payments-svc, port_value: 80 } } ]
`,
    ...invoicesApi,
  };

  it('rewrites a prefixed call to the service behind the cluster, path base taken off', () => {
    const calls = httpCalls({
      ...envoy,
      ...caller(`
        public Task<string> Short(int id) => _http.GetStringAsync($"{_base}/inv/api/v1/invoices/{id}");
        public Task<string> ToGateway() => _http.GetStringAsync("http://frontgw/inv/api/v1/invoices/7");`),
    });
    expect(calls).toEqual([
      expect.objectContaining({
        to: 'type:InvoicesController',
        route: '/api/v1/invoices/{id}',
        via: 'frontgw',
        forwardedPath: '/api/v1/invoices/{}',
        line: 6,
      }),
      expect.objectContaining({ to: 'type:InvoicesController', via: 'frontgw', line: 7 }),
    ]);
  });

  it('leaves calls no prefix takes, and says why a cluster leads nowhere', () => {
    const calls = httpCalls({
      ...envoy,
      ...caller(`
        public Task<string> Other(int id) => _http.GetStringAsync($"{_base}/invoicing/api/v1/invoices/{id}");
        public Task<string> Pay() => _http.GetStringAsync($"{_base}/pay/api/v1/payments");`),
    });
    expect(calls.map((c) => [c.to, c.via, c.reason])).toEqual([
      ['endpoint:unmatched:GET /invoicing/api/v1/invoices/{}', undefined, undefined],
      [
        'endpoint:unmatched:GET /pay/api/v1/payments',
        undefined,
        "frontgw sends /pay/api/v1/payments to cluster 'payments' (payments-svc), which names no service of the estate",
      ],
    ]);
  });
});

describe('calls through Ocelot', () => {
  const ocelot = {
    'src/Gateways/Mobile/routes.json': `{
  "Routes": [
    { "UpstreamPathTemplate": "/api/{version}/i/{everything}", "DownstreamPathTemplate": "/api/{version}/{everything}",
      "DownstreamHostAndPorts": [ { "Host": "invoices.api", "Port": 80 } ], "UpstreamHttpMethod": [ "GET" ] },
    { "UpstreamPathTemplate": "/api/{version}/p/{everything}", "DownstreamPathTemplate": "/api/{version}/{everything}",
      "DownstreamHostAndPorts": [ { "Host": "payments.api", "Port": 80 } ] }
  ]
}`,
    ...invoicesApi,
  };

  it('fills the downstream template and finds the service by project name', () => {
    const calls = httpCalls({
      ...ocelot,
      ...caller('public Task<string> Get(int id) => _http.GetStringAsync($"{_base}/api/v1/i/invoices/{id}");'),
    });
    expect(calls).toEqual([
      expect.objectContaining({
        to: 'type:InvoicesController',
        via: 'shop/src/Gateways/Mobile',
        forwardedPath: '/api/v1/invoices/{}',
      }),
    ]);
  });

  it('keeps a call whose verb the route refuses, or whose host is unknown, unmatched', () => {
    const calls = httpCalls({
      ...ocelot,
      ...caller(`
        public Task Delete(int id) => _http.DeleteAsync($"{_base}/api/v1/i/invoices/{id}");
        public Task<string> Pay() => _http.GetStringAsync($"{_base}/api/v1/p/payments");`),
    });
    expect(calls.map((c) => [c.to.startsWith('endpoint:unmatched:'), c.via])).toEqual([
      [true, undefined],
      [true, undefined],
    ]);
    expect(calls[1]?.reason).toMatch(/payments\.api, which names no service/);
  });
});

describe('calls through YARP', () => {
  const yarp = {
    'src/Gateways/Edge/Edge.csproj': project,
    'src/Gateways/Edge/appsettings.json': `{
  "ReverseProxy": {
    "Routes": { "billing": { "ClusterId": "invoices", "Match": { "Path": "/billing/{**rest}", "Methods": [ "GET" ] },
                             "Transforms": [ { "PathRemovePrefix": "/billing" } ] } },
    "Clusters": { "invoices": { "Destinations": { "a": { "Address": "http://invoices-api/" } } } }
  }
}`,
    ...invoicesApi,
  };

  it('applies the path transforms and matches the destination service', () => {
    const calls = httpCalls({
      ...yarp,
      ...caller(`
        public Task<string> Get(int id) => _http.GetStringAsync($"{_base}/billing/api/v1/invoices/{id}");
        public Task Post() => _http.PostAsync($"{_base}/billing/api/v1/invoices/1", null);`),
    });
    expect(calls.map((c) => [c.to, c.via])).toEqual([
      ['type:InvoicesController', 'shop/src/Gateways/Edge'],
      ['endpoint:unmatched:POST /billing/api/v1/invoices/1', undefined],
    ]);
  });
});

describe('which gateway a call goes through', () => {
  it('prefers the gateway a compose service runs over a copy of its routes elsewhere', () => {
    const routes = (cluster: string) => `static_resources:
  listeners:
  - filter_chains:
    - filters:
      - config:
          route_config:
            virtual_hosts:
            - routes:
              - match: { prefix: "/inv/" }
                route: { prefix_rewrite: "/", cluster: ${cluster} }
  clusters:
  - name: ${cluster}
    hosts: [ { socket_address: { address: invoices-api } } ]
`;
    const calls = httpCalls({
      'deploy/charts/apigw/envoy.yaml': routes('invoices'),
      'src/Gateways/front/envoy.yaml': routes('invoicing'),
      'src/docker-compose.yml': `services:
  invoices-api:
    build: { context: ., dockerfile: Services/Invoices/Invoices.Api/Dockerfile }
  zfront:
    image: envoyproxy/envoy
    volumes: [ "./Gateways/front:/etc/envoy" ]
`,
      ...invoicesApi,
      ...caller('public Task<string> Get(int id) => _http.GetStringAsync($"{_base}/inv/api/v1/invoices/{id}");'),
    });
    expect(calls.map((c) => [c.via, c.alsoVia])).toEqual([['zfront', ['shop/deploy/charts/apigw']]]);
  });
});

describe('which compose service a gateway is', () => {
  it('is not a service built from the whole source tree, and a service is its deepest build folder', () => {
    const calls = httpCalls({
      'src/Gateways/Edge/Edge.csproj': project,
      'src/Gateways/Edge/appsettings.json': `{ "ReverseProxy": {
    "Routes": { "billing": { "ClusterId": "invoices", "Match": { "Path": "/billing/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/billing" } ] } },
    "Clusters": { "invoices": { "Destinations": { "a": { "Address": "http://invoices-api/" } } } } } }`,
      'src/docker-compose.yml': `services:
  invoices-api:
    build: { context: ., dockerfile: Services/Invoices/Invoices.Api/Dockerfile }
  zedge:
    build: { context: ., dockerfile: Gateways/Edge/Dockerfile }
`,
      'src/docker-compose.dev.yml': `services:
  invoices-api:
    build: .
  tools:
    build: .
`,
      ...invoicesApi,
      ...caller('public Task<string> Get(int id) => _http.GetStringAsync($"{_base}/billing/api/v1/invoices/{id}");'),
    });
    expect(calls.map((c) => [c.to, c.via])).toEqual([['type:InvoicesController', 'zedge']]);
  });
});

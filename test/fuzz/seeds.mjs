/**
 * The sources the fuzzer mutates: the fixture estates' own files (every kind the
 * scan reads), plus small gateway, compose and proto files of the shapes the
 * extractors know, which no fixture has. Sorted, so a seed replays the same cases.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Larger files add parse time, not new shapes: the fuzzer truncates and splices them anyway. */
const MAX_SEED_BYTES = 48 * 1024;
const MAX_SEEDS_PER_KIND = 8;

const EXTRA_SEEDS = [
  {
    path: 'gateway/ocelot.json',
    text: `{
  // public gateway
  "Routes": [
    { "UpstreamPathTemplate": "/orders/{everything}", "DownstreamPathTemplate": "/api/{everything}",
      "DownstreamScheme": "http", "DownstreamHostAndPorts": [ { "Host": "orders-api", "Port": 80 } ],
      "UpstreamHttpMethod": [ "Get", "Post" ] }
  ],
  "GlobalConfiguration": { "BaseUrl": "http://localhost:5000" }
}
`,
  },
  {
    path: 'gateway/appsettings.json',
    text: `{
  "ReverseProxy": {
    "Routes": { "catalog": { "ClusterId": "catalog", "Match": { "Path": "/catalog/{**rest}" },
      "Transforms": [ { "PathRemovePrefix": "/catalog" } ] } },
    "Clusters": { "catalog": { "Destinations": { "d1": { "Address": "http://catalog-api:8080/" } } } }
  }
}
`,
  },
  {
    path: 'gateway/envoy.yaml',
    text: `static_resources:
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
              - match: { prefix: "/basket/" }
                route: { prefix_rewrite: "/api/basket/", cluster: basket }
  clusters:
  - name: basket
    load_assignment:
      endpoints:
      - lb_endpoints:
        - endpoint: { address: { socket_address: { address: basket-api, port_value: 80 } } }
`,
  },
  {
    path: 'deploy/docker-compose.yml',
    text: `services:
  ordering-api:
    image: shop/ordering-api:\${TAG:-latest}
    environment:
      - ConnectionStrings__Orders=Server=sqldata;Database=Orders;User Id=sa
      - Services__Catalog=http://catalog-api
    depends_on: [sqldata, catalog-api]
  catalog-api:
    build: { context: ., dockerfile: src/Catalog.API/Dockerfile }
    ports: ["5101:80"]
  sqldata:
    image: mcr.microsoft.com/mssql/server:2019-latest
`,
  },
  {
    path: 'protos/basket.proto',
    text: `syntax = "proto3";
option csharp_namespace = "Shop.Basket.Grpc";
package basket;
import "google/protobuf/empty.proto";

service Basket {
  rpc GetBasket (BasketRequest) returns (CustomerBasket) {}
  rpc Clear (BasketRequest) returns (google.protobuf.Empty);
}
message BasketRequest { string id = 1; }
message CustomerBasket { string buyer_id = 1; repeated BasketItem items = 2; }
message BasketItem { string product_id = 1; int32 quantity = 2; map<string, string> tags = 3; }
`,
  },
];

/** @param {string} projectRoot @param {(name: string) => string | undefined} classifyFile */
export function loadSeeds(projectRoot, classifyFile) {
  const fixtures = path.join(projectRoot, 'fixtures');
  /** @type {Map<string, { path: string, kind: string, bytes: Buffer }[]>} */
  const byKind = new Map();
  const add = (rel, bytes) => {
    const kind = classifyFile(path.posix.basename(rel));
    if (!kind || bytes.length === 0 || bytes.length > MAX_SEED_BYTES) return;
    const list = byKind.get(kind) ?? [];
    if (list.length < MAX_SEEDS_PER_KIND) list.push({ path: rel, kind, bytes });
    byKind.set(kind, list);
  };
  for (const rel of listFiles(fixtures)) add(rel, readFileSync(path.join(fixtures, rel)));
  for (const seed of EXTRA_SEEDS) add(seed.path, Buffer.from(seed.text, 'utf8'));
  return [...byKind.keys()].sort().flatMap((kind) => byKind.get(kind));
}

function listFiles(root, rel = '') {
  const out = [];
  const entries = readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, child));
    else if (entry.isFile() && statSync(path.join(root, child)).size > 0) out.push(child);
  }
  return out;
}

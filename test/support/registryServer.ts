/**
 * A real HTTP server on 127.0.0.1 (random port) that speaks both registry protocols
 * from the documents under fixtures/registry/: the npm registry at `/npm/` (and a
 * second, "private" one at `/private-npm/`), and a NuGet v3 feed at `/nuget/v3/index.json`.
 * Tests queue faults per path (500, a hang past the client's timeout, malformed JSON)
 * and read back every request it received.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/registry');

export type Fault = 'http-500' | 'hang' | 'malformed-json';

export interface ReceivedRequest {
  path: string;
  authorization?: string;
  accept?: string;
}

export interface RegistryServer {
  url: string;
  npmUrl: string;
  privateNpmUrl: string;
  nugetUrl: string;
  requests: ReceivedRequest[];
  /** Faults served, in order, to the next requests of a path (decoded, e.g. `/npm/lodash`). */
  fail(pathname: string, ...faults: Fault[]): void;
  close(): Promise<void>;
}

export async function startRegistryServer(): Promise<RegistryServer> {
  const requests: ReceivedRequest[] = [];
  const faults = new Map<string, Fault[]>();
  const hanging = new Set<ServerResponse>();
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({
      path: pathname,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers.accept ? { accept: req.headers.accept } : {}),
    });
    const fault = faults.get(pathname)?.shift();
    if (fault === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault === 'http-500') return send(res, 500, '{"error":"internal"}');
    // `/redirect-npm/x` moves to the same document on another origin (localhost, not 127.0.0.1).
    if (pathname.startsWith('/redirect-npm/')) {
      res.writeHead(302, {
        location: `${base.replace('127.0.0.1', 'localhost')}/npm/${encodeURIComponent(pathname.slice('/redirect-npm/'.length))}`,
      });
      return res.end();
    }
    const file = documentFor(pathname);
    if (!file || !existsSync(file)) return send(res, 404, '{"error":"Not found"}');
    const body = readFileSync(file, 'utf8').replaceAll('{{base}}', `${base}/nuget`);
    send(res, 200, fault === 'malformed-json' ? body.slice(0, Math.floor(body.length / 2)) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    npmUrl: `${base}/npm/`,
    privateNpmUrl: `${base}/private-npm/`,
    nugetUrl: `${base}/nuget/v3/index.json`,
    requests,
    fail: (pathname, ...list) => faults.set(pathname, [...(faults.get(pathname) ?? []), ...list]),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function documentFor(pathname: string): string | undefined {
  let match = /^\/(npm|private-npm)\/(.+)$/.exec(pathname);
  if (match) return path.join(fixtures, match[1]!, `${match[2]!.replace('/', '__')}.json`);
  if (pathname === '/nuget/v3/index.json') return path.join(fixtures, 'nuget/index.json');
  match = /^\/nuget\/v3-flatcontainer\/([^/]+)\/index\.json$/.exec(pathname);
  if (match) return path.join(fixtures, 'nuget/flat', `${match[1]}.json`);
  match = /^\/nuget\/v3\/registration\/([^/]+)\/index\.json$/.exec(pathname);
  if (match) return path.join(fixtures, 'nuget/registration', match[1]!, 'index.json');
  match = /^\/nuget\/v3\/registration\/([^/]+)\/page\/([^/]+)\/([^/]+)\.json$/.exec(pathname);
  if (match) return path.join(fixtures, 'nuget/registration', match[1]!, `page-${match[2]}-${match[3]}.json`);
  return undefined;
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

/** One registry document through the cache: fresh cache entry, else the network (never when offline). */
import type { RegistryCache } from './cache.js';
import type { RegistryHttp } from './http.js';

export interface FetchContext {
  http: RegistryHttp;
  cache: RegistryCache;
  offline: boolean;
  /** Cache writes that failed (read-only folder…): reported once, never fatal. */
  cacheErrors: string[];
  /** The same URL asked for twice in one scan (a service index) is fetched once. */
  inflight: Map<string, Promise<Fetched<unknown>>>;
}

export type Fetched<T> =
  | { kind: 'found'; value: T }
  | { kind: 'not-found' }
  | {
      kind: 'error';
      code: 'registry-unreachable' | 'registry-invalid-response' | 'registry-offline-miss' | 'registry-no-source';
      message: string;
    };

/** `reduce` keeps what is used from the parsed JSON, or returns a string saying what is wrong with it. */
export function fetchJson<T>(
  context: FetchContext,
  url: string,
  headers: Record<string, string>,
  reduce: (json: unknown) => T | string,
): Promise<Fetched<T>> {
  const key = `${url}\u0000${headers.authorization ?? ''}`;
  let pending = context.inflight.get(key) as Promise<Fetched<T>> | undefined;
  if (!pending) {
    pending = fetchOnce(context, url, headers, reduce);
    context.inflight.set(key, pending);
  }
  return pending;
}

async function fetchOnce<T>(
  context: FetchContext,
  url: string,
  headers: Record<string, string>,
  reduce: (json: unknown) => T | string,
): Promise<Fetched<T>> {
  const cached = context.cache.read<T>(url, context.offline);
  if (cached) return cached.status === 'found' ? { kind: 'found', value: cached.value as T } : { kind: 'not-found' };
  if (context.offline)
    return { kind: 'error', code: 'registry-offline-miss', message: `offline and not in the cache: ${url}` };
  const outcome = await context.http.get(url, { accept: 'application/json', ...headers });
  if (outcome.kind === 'failed')
    return { kind: 'error', code: 'registry-unreachable', message: `${url}: ${outcome.reason}` };
  if (outcome.kind === 'not-found') {
    remember(context, url, 'not-found');
    return { kind: 'not-found' };
  }
  let json: unknown;
  try {
    json = JSON.parse(outcome.body);
  } catch (error) {
    return {
      kind: 'error',
      code: 'registry-invalid-response',
      message: `${url}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const value = reduce(json);
  if (typeof value === 'string')
    return { kind: 'error', code: 'registry-invalid-response', message: `${url}: ${value}` };
  remember(context, url, 'found', value);
  return { kind: 'found', value };
}

function remember<T>(context: FetchContext, url: string, status: 'found' | 'not-found', value?: T): void {
  try {
    context.cache.write(url, status, value);
  } catch (error) {
    context.cacheErrors.push(error instanceof Error ? error.message : String(error));
  }
}

/**
 * HTTP GET for registry documents: a per-request timeout, retries with exponential
 * back-off on time-outs, network errors, 429 and 5xx (never on other 4xx), bounded
 * parallelism, and redirects followed by hand so credentials never leave the origin
 * they were configured for.
 */

export interface HttpOptions {
  timeoutMs: number;
  retries: number;
  /** First back-off delay; doubled on each retry. */
  backoffMs: number;
  concurrency: number;
}

export type HttpOutcome =
  | { kind: 'ok'; status: number; body: string }
  | { kind: 'not-found'; status: number }
  | { kind: 'failed'; reason: string };

export class RegistryHttp {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests that reached the network, for reporting and for tests. */
  requests = 0;
  /** Consecutive failures per origin: a registry that is down is not asked again and again. */
  private readonly failures = new Map<string, number>();
  static readonly GIVE_UP_AFTER = 3;

  constructor(private readonly options: HttpOptions) {}

  async get(url: string, headers: Record<string, string>): Promise<HttpOutcome> {
    const origin = new URL(url).origin;
    await this.acquire();
    try {
      if ((this.failures.get(origin) ?? 0) >= RegistryHttp.GIVE_UP_AFTER) {
        return { kind: 'failed', reason: `not tried: ${origin} failed ${RegistryHttp.GIVE_UP_AFTER} times in a row` };
      }
      const outcome = await this.withRetries(url, headers);
      this.failures.set(origin, outcome.kind === 'failed' ? (this.failures.get(origin) ?? 0) + 1 : 0);
      return outcome;
    } finally {
      this.release();
    }
  }

  private async withRetries(url: string, headers: Record<string, string>): Promise<HttpOutcome> {
    let lastReason = 'no attempt made';
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) await delay(this.options.backoffMs * 2 ** (attempt - 1));
      const outcome = await this.attempt(url, headers);
      if (outcome.kind !== 'retry') return outcome;
      lastReason = outcome.reason;
    }
    return { kind: 'failed', reason: `${lastReason} (after ${this.options.retries + 1} attempts)` };
  }

  private async attempt(
    url: string,
    headers: Record<string, string>,
  ): Promise<HttpOutcome | { kind: 'retry'; reason: string }> {
    let current = url;
    let sent = { ...headers };
    for (let hop = 0; hop < 5; hop++) {
      this.requests++;
      let response: Response;
      try {
        response = await fetch(current, {
          headers: sent,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (name === 'TimeoutError' || name === 'AbortError')
          return { kind: 'retry', reason: `timed out after ${this.options.timeoutMs} ms` };
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        return { kind: 'retry', reason: `network error: ${cause}` };
      }
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        const next = new URL(response.headers.get('location')!, current);
        await response.body?.cancel();
        if (next.origin !== new URL(current).origin) {
          const { authorization: _dropped, Authorization: _alsoDropped, ...rest } = sent;
          sent = rest;
        }
        current = next.href;
        continue;
      }
      try {
        const body = await response.text();
        if (response.ok) return { kind: 'ok', status: response.status, body };
        if (response.status === 404 || response.status === 410) return { kind: 'not-found', status: response.status };
        if (response.status === 429 || response.status >= 500)
          return { kind: 'retry', reason: `HTTP ${response.status}` };
        return { kind: 'failed', reason: `HTTP ${response.status}` };
      } catch (error) {
        return {
          kind: 'retry',
          reason: `reading the response failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    return { kind: 'failed', reason: 'too many redirects' };
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Errors the CLI turns into exit codes: usage → 2; anything else is internal → 3. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The estate is larger than `--max-files`/`--max-repos` allow: found during discovery, before any file is read. */
export class ScanLimitError extends UsageError {}

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

export type ScanPhase =
  | 'discover'
  | 'extract'
  | 'graph'
  | 'history'
  | 'packages'
  | 'decomposition'
  | 'analyze'
  | 'report';

/** An unexpected failure, tagged with the pipeline phase it came from. */
export class PhaseError extends Error {
  override readonly name = 'PhaseError';
  constructor(
    readonly phase: ScanPhase,
    override readonly cause: unknown,
  ) {
    super(`${phase} phase: ${describeError(cause)}`);
  }
}

/**
 * A readable message for anything thrown: an `Error`, an error that crossed a
 * worker boundary as a plain object, a string, or a value of no known shape.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === 'string' && message !== '')
      return typeof name === 'string' && name !== '' && name !== 'Error' ? `${name}: ${message}` : message;
    try {
      const json = JSON.stringify(error);
      if (json !== undefined && json !== '{}') return json;
    } catch {
      // circular or otherwise unserialisable: fall through to the type
    }
    return `a thrown ${Object.prototype.toString.call(error).slice(8, -1)} with no message`;
  }
  return String(error);
}

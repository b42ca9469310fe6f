/** Errors the CLI turns into exit codes: usage → 2; anything else is internal → 3. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

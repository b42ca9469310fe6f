/**
 * The per-file time budget (`--file-budget`, config `fileBudget`). Extraction
 * of one file runs inside `withFileBudget`; the parsers that can stop early
 * check it — tree-sitter through its progress callback, the SQL parser before
 * each statement — and throw `FileBudgetExceeded`, which becomes the file's
 * `extract-timeout` diagnostic (src/extract/fileBudget.ts). What cannot check
 * (Babel, a regex) is stopped by the worker pool's watchdog instead
 * (src/extract/workerPool.ts). In core because the SQL parser checks it too.
 *
 * The deadline is per thread and extraction of a file is synchronous, so one
 * module-level slot is enough: no file's budget can leak into another's.
 */
export const DEFAULT_FILE_BUDGET_MS = 10_000;

export class FileBudgetExceeded extends Error {
  override readonly name = 'FileBudgetExceeded';
  constructor(
    /** Which step was stopped, for the diagnostic: "C# parser", "SQL parser". */
    readonly step: string,
    readonly budgetMs: number,
  ) {
    super(`${step} stopped at the ${budgetMs} ms per-file budget`);
  }
}

let current: { budgetMs: number; deadline: number } | undefined;

/** Runs `extract` with a deadline `budgetMs` from now; the previous deadline (if any) is restored after. */
export function withFileBudget<T>(budgetMs: number, extract: () => T): T {
  const outer = current;
  current = { budgetMs, deadline: performance.now() + budgetMs };
  try {
    return extract();
  } finally {
    current = outer;
  }
}

/** Whether the current file has used up its budget; false outside `withFileBudget`. */
export function fileBudgetSpent(): boolean {
  return current !== undefined && performance.now() > current.deadline;
}

/** Throws `FileBudgetExceeded` naming `step` when the current file's budget is spent. */
export function checkFileBudget(step: string): void {
  if (current && performance.now() > current.deadline) throw new FileBudgetExceeded(step, current.budgetMs);
}

/** Rethrows a budget stop that a catch-all meant for parse errors would otherwise swallow. */
export function rethrowBudgetStop(error: unknown): void {
  if (error instanceof FileBudgetExceeded) throw error;
}

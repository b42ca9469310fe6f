/** The `extract-timeout` diagnostic; the budget itself is src/core/fileBudget.ts. */
import type { Diagnostic } from '../core/result.js';
import type { FileEntry } from '../discover/walk.js';

export {
  checkFileBudget,
  DEFAULT_FILE_BUDGET_MS,
  FileBudgetExceeded,
  fileBudgetSpent,
  rethrowBudgetStop,
  withFileBudget,
} from '../core/fileBudget.js';

/** The diagnostic of a file whose extraction was stopped at the budget, in its thread or by the watchdog. */
export function extractTimeout(entry: FileEntry, budgetMs: number, step: string): Diagnostic {
  return {
    code: 'extract-timeout',
    severity: 'error',
    message: `extraction stopped (${entry.kind} extractor, ${step}): over the ${budgetMs} ms per-file budget (--file-budget); the file's facts are missing`,
    repo: entry.repo,
    file: entry.path,
  };
}

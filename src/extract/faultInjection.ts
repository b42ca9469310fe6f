/**
 * Test-only: `ASSESS_TEST_EXTRACT_FAULT=<mode>:<repo>/<path>` makes extraction of
 * that one file fail in the given way, so end-to-end tests can prove a failing
 * extractor or worker never aborts a scan. Unset in normal use; it can only make
 * a scan fail, never read or run anything.
 */
import type { FileEntry } from '../discover/walk.js';
import { fileBudgetSpent } from './fileBudget.js';

/**
 * `slow` uses up the file's budget before extracting, so the parsers' own budget
 * checks must stop it; `hang` never returns (a worker only), so only the pool's
 * watchdog can.
 */
export type ExtractFault = 'throw' | 'uncloneable' | 'exit' | 'uncaught' | 'slow' | 'hang';
const MODES: readonly ExtractFault[] = ['throw', 'uncloneable', 'exit', 'uncaught', 'slow', 'hang'];

const configured = parseFault(process.env.ASSESS_TEST_EXTRACT_FAULT);

function parseFault(value: string | undefined): { mode: ExtractFault; file: string } | undefined {
  const colon = value?.indexOf(':') ?? -1;
  if (!value || colon < 0) return undefined;
  const mode = MODES.find((m) => m === value.slice(0, colon));
  return mode ? { mode, file: value.slice(colon + 1) } : undefined;
}

/** The fault to inject while extracting this file, if a test asked for one. */
export function injectedFault(entry: FileEntry): ExtractFault | undefined {
  return configured && configured.file === `${entry.repo}/${entry.path}` ? configured.mode : undefined;
}

/** Busy-waits, as a runaway parser would, until the current file's budget is spent. */
export function spinUntilBudgetSpent(): void {
  while (!fileBudgetSpent()) {
    // spin
  }
}

/** Busy-waits for ever, as a parser in an endless loop would: the watchdog's case. */
export function spinForever(): never {
  for (;;) {
    // spin
  }
}

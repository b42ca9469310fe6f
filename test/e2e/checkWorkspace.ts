/**
 * A fixture estate built once with its baseline recorded, for the `assess check`
 * end-to-end tests: copies of it changed by script, and the check run on them.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JS fixture script
import { buildEstate } from '../../fixtures/build-estate.mjs';
import type { CheckReport } from '../../src/core/check.js';
import { assess } from './cli.js';

export const SCAN = ['--no-history', '--offline', '--jobs', '1', '-q'];

export interface CheckWorkspace {
  work: string;
  estate: string;
  baselineFile: string;
  /** A copy of the built estate (git repositories included) changed by `change`. */
  changedCopy(name: string, change: (root: string) => void): string;
  /** `assess check --format json` on `root` against the baseline (or another one); exit 0 or 1 expected. */
  check(
    root: string,
    extra?: readonly string[],
    baselinePath?: string,
  ): { status: number; report: CheckReport; stderr: string };
  remove(): void;
}

export function checkWorkspace(fixture: string): CheckWorkspace {
  const work = mkdtempSync(path.join(tmpdir(), `assess-check-${fixture}-`));
  const estate = buildEstate(fixture, path.join(work, fixture)) as string;
  const baselineFile = path.join(work, 'assess-baseline.json');
  const run = assess(['baseline', estate, '-o', baselineFile, ...SCAN]);
  if (run.status !== 0) throw new Error(`baseline exited ${run.status}: ${run.stderr}`);
  return {
    work,
    estate,
    baselineFile,
    changedCopy(name, change) {
      const copy = path.join(work, name);
      cpSync(estate, copy, { recursive: true });
      change(copy);
      return copy;
    },
    check(root, extra = [], baselinePath = baselineFile) {
      const checked = assess(['check', root, '--baseline', baselinePath, '--format', 'json', ...SCAN, ...extra]);
      if (checked.status !== 0 && checked.status !== 1)
        throw new Error(`check exited ${checked.status}: ${checked.stderr}`);
      return { status: checked.status, report: JSON.parse(checked.stdout) as CheckReport, stderr: checked.stderr };
    },
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** Dispatch among the npm lockfile formats by file name. */
import type { ExtractionOutcome, NpmLockfileFacts } from '../../core/facts.js';
import { extractPackageLock } from './packageLock.js';
import { extractPnpmLock } from './pnpmLock.js';
import { extractYarnLock } from './yarnLock.js';

export function extractNpmLockfile(fileName: string, text: string): ExtractionOutcome<NpmLockfileFacts> {
  const lower = fileName.toLowerCase();
  if (lower === 'yarn.lock') return extractYarnLock(text);
  if (lower === 'pnpm-lock.yaml') return extractPnpmLock(text);
  return extractPackageLock(text);
}

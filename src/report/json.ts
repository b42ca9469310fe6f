import type { ScanResult } from '../core/result.js';

/** The full result, as documented in README.md. */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

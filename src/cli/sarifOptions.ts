/** What the SARIF reports need from outside the result: the analyzers' descriptions and the tool's version. */
import type { RepoSummary } from '../core/result.js';
import { TOOL_VERSION } from '../core/version.js';
import type { SarifOptions } from '../report/sarif.js';
import { registeredAnalyzers } from '../scan/runScan.js';

export function sarifOptions(repos: readonly Pick<RepoSummary, 'name' | 'path'>[]): SarifOptions {
  return {
    toolVersion: TOOL_VERSION,
    rules: registeredAnalyzers.map((a) => ({
      id: a.meta.id,
      description: a.meta.description,
      ...(a.meta.docs ? { docs: a.meta.docs } : {}),
    })),
    repos,
  };
}

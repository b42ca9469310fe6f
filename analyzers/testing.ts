/** Test support: run one analyzer over a hand-built graph, as the scan would. */
import type { Analyzer } from '../src/core/analyzer.js';
import type { Finding, Diagnostic } from '../src/core/result.js';
import { runAnalyzers } from '../src/scan/runAnalyzers.js';
import { EstateGraph } from '../src/core/graph.js';
import type { EstateModel } from '../src/graph/buildGraph.js';

export function modelOf(graph: EstateGraph, extra: Partial<EstateModel> = {}): EstateModel {
  return { graph, repos: [], projects: [], diagnostics: [], ...extra };
}

export async function runAnalyzer(
  analyzer: Analyzer<any, string>,
  model: EstateModel,
  options: unknown = {},
): Promise<{ findings: Finding[]; diagnostics: Diagnostic[] }> {
  return runAnalyzers([analyzer], model, { [analyzer.meta.id]: options });
}

export { EstateGraph };

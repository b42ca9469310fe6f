/**
 * The JS/TS layer of the graph: imports resolved by TypeScript's own resolver
 * (loaded only when the estate has JS/TS files), then HTTP coupling between
 * every codebase's calls and routes.
 */
import type { RepoModel } from '../../core/model.js';
import type { Diagnostic } from '../../core/result.js';
import type { EstateGraph } from '../../core/graph.js';
import { loadTypeScript } from '../../extract/tsconfig/loadTypeScript.js';
import { addJsImports, type ResolvedImports } from './importGraph.js';

export function addJsLayer(
  graph: EstateGraph,
  repos: readonly RepoModel[],
): { resolved: ResolvedImports; diagnostics: Diagnostic[] } {
  const hasJs = repos.some((r) => r.files.some((f) => f.facts?.kind === 'js'));
  if (!hasJs) return { resolved: new Map(), diagnostics: [] };
  // Synchronous and lazy: the compiler is large, and only estates with JS/TS need it.
  return addJsImports(graph, repos, loadTypeScript());
}

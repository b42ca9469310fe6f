/** Estates of JS/TS files for the HTTP graph tests: extracted and built as a scan does. */
import type { RepoModel } from '../../src/core/model.js';
import { classifyFile } from '../../src/discover/classify.js';
import { extractFile } from '../../src/extract/extractFile.js';
import { buildEstateGraph } from '../../src/graph/buildGraph.js';
import type { HttpCallData } from '../../src/core/graphData.js';

export function jsRepo(name: string, files: Record<string, string>): RepoModel {
  return {
    name,
    path: name,
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const kind = classifyFile(path.split('/').pop()!)!;
      const outcome = extractFile(kind, path, text, {});
      return { repo: name, path, kind, loc: outcome.loc, ...(outcome.facts ? { facts: outcome.facts } : {}) };
    }),
  };
}

/** Every HTTP call of the estate as `file:line METHOD route -> handler action` (or `-> unmatched …`). */
export function httpCallsOf(...repos: RepoModel[]): string[] {
  const { graph } = buildEstateGraph(repos, new Map(repos.map((r) => [r.name, r.path])));
  return graph
    .toJSON()
    .edges.filter((e) => e.kind === 'http-call')
    .flatMap((e) =>
      (e.data as HttpCallData).calls.map((c) =>
        (e.data as HttpCallData).unmatched
          ? `${e.from.replace(/^file:[^/]+\//, '')}:${c.line} -> ${e.to.replace(/^endpoint:/, '')}`
          : `${e.from.replace(/^file:[^/]+\//, '')}:${c.line} ${c.method} ${c.route} -> ${e.to.replace(/^file:[^/]+\//, '')} ${c.action ?? ''}`.trim(),
      ),
    )
    .sort(byFileThenLine);
}

function byFileThenLine(a: string, b: string): number {
  const [fileA, lineA] = a.split(/:(\d+)/);
  const [fileB, lineB] = b.split(/:(\d+)/);
  return fileA === fileB ? Number(lineA) - Number(lineB) || (a < b ? -1 : 1) : fileA! < fileB! ? -1 : 1;
}

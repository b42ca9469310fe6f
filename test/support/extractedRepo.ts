/** A repository model from in-memory files, each classified and read by the real extractors, as a scan would. */
import type { RepoModel } from '../../src/core/model.js';
import { classifyFile } from '../../src/discover/classify.js';
import { extractFile, type Parsers } from '../../src/extract/extractFile.js';

export function extractedRepo(name: string, files: Record<string, string>, parsers: Parsers): RepoModel {
  return {
    name,
    path: name,
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const kind = classifyFile(path.split('/').pop()!)!;
      const outcome = extractFile(kind, path, text, parsers);
      return { repo: name, path, kind, loc: outcome.loc, ...(outcome.facts ? { facts: outcome.facts } : {}) };
    }),
  };
}

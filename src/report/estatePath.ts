/** A location as a path from the scan root: the repository's folder, then the file (what CI tools resolve against the checkout). */
import type { Location, RepoSummary } from '../core/result.js';

export type RepoPaths = readonly Pick<RepoSummary, 'name' | 'path'>[];

export function estatePathResolver(repos: RepoPaths): (location: Location) => string {
  const paths = new Map(repos.map((r) => [r.name, r.path]));
  return (location) => {
    const repoPath = paths.get(location.repo) ?? location.repo;
    if (!location.file) return repoPath;
    return repoPath === '.' ? location.file : `${repoPath}/${location.file}`;
  };
}

/** npm manifests by folder: which package.json owns a file, and what each declares (workspace roots above included). */
import path from 'node:path';
import type { RepoModel } from '../../core/model.js';
import { projectId } from '../../core/ids.js';

interface Manifest {
  id: string;
  repo: string;
  dir: string;
  dependencies: string[];
}

export class ManifestIndex {
  private readonly byDir = new Map<string, Manifest>();
  private readonly byId = new Map<string, Manifest>();

  constructor(repos: readonly RepoModel[]) {
    for (const repo of repos) {
      for (const file of repo.files) {
        if (file.facts?.kind !== 'package-json') continue;
        const dir = path.posix.dirname(file.path);
        const manifest = {
          id: projectId(repo.name, file.path),
          repo: repo.name,
          dir,
          dependencies: [...new Set(file.facts.dependencies.map((d) => d.name))],
        };
        this.byDir.set(`${repo.name}\u0000${dir}`, manifest);
        this.byId.set(manifest.id, manifest);
      }
    }
  }

  all(): Manifest[] {
    return [...this.byDir.values()];
  }

  /** The nearest package.json at or above the file, in the same repository. */
  owner(repo: string, filePath: string): string | undefined {
    return this.chain(repo, path.posix.dirname(filePath))[0]?.id;
  }

  /** Whether the owning manifest or one above it (a workspace root) declares `name`. */
  declares(ownerId: string, name: string): boolean {
    const owner = this.byId.get(ownerId);
    if (!owner) return false;
    return this.chain(owner.repo, owner.dir).some((m) => m.dependencies.includes(name));
  }

  private chain(repo: string, dir: string): Manifest[] {
    const found: Manifest[] = [];
    for (let current = dir; ; current = path.posix.dirname(current)) {
      const manifest = this.byDir.get(`${repo}\u0000${current}`);
      if (manifest) found.push(manifest);
      if (current === '.' || current === '/' || current === '') break;
    }
    return found;
  }
}

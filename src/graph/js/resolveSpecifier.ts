/**
 * One import specifier → what it names: an estate file (TypeScript's resolver,
 * with the file's compiler options), an estate package whose entry is not in
 * source form, an external npm package, a Node built-in, or nothing (with why).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { ts as Ts } from 'ts-morph';
import type { JsImportKind } from '../../core/facts.js';
import type { CompilerSettings, CompilerSettingsIndex } from './compilerSettings.js';
import type { EstateFile, EstateFileSystem, EstatePackage } from './estateFileSystem.js';

export type Resolution =
  | { kind: 'file'; file: EstateFile; package?: EstatePackage; via: 'typescript' | 'source-entry' }
  | { kind: 'estate-package'; package: EstatePackage; reason: 'entry-not-in-source' }
  | { kind: 'package'; name: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'unresolved'; target: string; reason: 'not-found' | 'not-scanned' };

const BUILTINS = new Set(builtinModules);
const ASSET =
  /\.(?:css|scss|sass|less|styl|svg|png|jpe?g|gif|webp|avif|ico|bmp|woff2?|ttf|otf|eot|html?|json|md|mdx|txt|graphql|gql|vue|svelte|wasm|yml|yaml)(?:\?.*)?$/i;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];

export class SpecifierResolver {
  /**
   * Bare specifiers by config, repository, package scope and resolution mode: nothing else of the
   * importing file's place changes what TypeScript finds for them (`paths`, `node_modules` lookups
   * that all land on the same estate package, `#imports` and self-names of the scope), and without
   * this every folder would walk the `node_modules` chain again for each npm package it imports.
   */
  private readonly bareResolutions = new Map<string, Resolution>();
  private readonly scopes = new Map<string, string>();

  constructor(
    private readonly ts: typeof Ts,
    private readonly fs: EstateFileSystem,
    private readonly settings: CompilerSettingsIndex,
  ) {}

  resolve(repo: string, virtualFile: string, specifier: string, kind: JsImportKind): Resolution {
    const bare = !isPathLike(specifier);
    const builtin = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if (bare && (specifier.startsWith('node:') || BUILTINS.has(builtin)))
      return { kind: 'builtin', name: builtin.split('/')[0]! };
    const settings = this.settings.forFile(virtualFile, repo);
    const mode = this.modeFor(settings, virtualFile, kind);
    if (!bare || this.fs.hasNodeModulesFiles) return this.resolveUncached(virtualFile, specifier, settings, mode);
    const key = `${settings.configPath}\u0000${repo}\u0000${this.scopeOf(path.posix.dirname(virtualFile))}\u0000${mode ?? ''}\u0000${specifier}`;
    const known = this.bareResolutions.get(key);
    if (known) return known;
    const resolution = this.resolveUncached(virtualFile, specifier, settings, mode);
    this.bareResolutions.set(key, resolution);
    return resolution;
  }

  private resolveUncached(
    virtualFile: string,
    specifier: string,
    settings: CompilerSettings,
    mode: Ts.ResolutionMode,
  ): Resolution {
    const bare = !isPathLike(specifier);
    const found = this.viaTypeScript(virtualFile, specifier, settings, mode);
    if (found) return found;
    if (!bare) {
      const target = path.posix.join(path.posix.dirname(virtualFile), specifier).slice(1);
      return { kind: 'unresolved', target, reason: ASSET.test(specifier) ? 'not-scanned' : 'not-found' };
    }
    const name = packageName(specifier);
    const estate = this.fs.packageFor(name, virtualFile);
    if (estate)
      return (
        this.sourceEntry(estate, specifier.slice(name.length).replace(/^\//, '')) ?? {
          kind: 'estate-package',
          package: estate,
          reason: 'entry-not-in-source',
        }
      );
    if (specifier.startsWith('#') || specifier.startsWith('~') || specifier.startsWith('@/'))
      return { kind: 'unresolved', target: specifier, reason: 'not-found' };
    return { kind: 'package', name };
  }

  /** ESM or CommonJS, as Node 16+ resolution tells them apart; bundler-style resolution has no mode. */
  private modeFor(settings: CompilerSettings, virtualFile: string, kind: JsImportKind): Ts.ResolutionMode {
    const ts = this.ts;
    const { options, cache } = settings;
    if (
      options.moduleResolution !== ts.ModuleResolutionKind.Node16 &&
      options.moduleResolution !== ts.ModuleResolutionKind.NodeNext
    )
      return undefined;
    if (kind === 'require' || kind === 'import-equals') return ts.ModuleKind.CommonJS;
    const host = this.fs as unknown as Ts.ModuleResolutionHost;
    return ts.getImpliedNodeFormatForFile(virtualFile, cache.getPackageJsonInfoCache(), host, options);
  }

  /** The folder of the nearest package.json at or above `dir` (TypeScript's package scope), or ''. */
  private scopeOf(dir: string): string {
    const known = this.scopes.get(dir);
    if (known !== undefined) return known;
    const parent = path.posix.dirname(dir);
    const scope = this.fs.fileExists(`${dir === '/' ? '' : dir}/package.json`)
      ? dir
      : dir === parent
        ? ''
        : this.scopeOf(parent);
    this.scopes.set(dir, scope);
    return scope;
  }

  private viaTypeScript(
    virtualFile: string,
    specifier: string,
    settings: CompilerSettings,
    mode: Ts.ResolutionMode,
  ): Resolution | undefined {
    const { options, cache } = settings;
    const host = this.fs as unknown as Ts.ModuleResolutionHost;
    const resolved = this.ts.resolveModuleName(
      specifier,
      virtualFile,
      options,
      host,
      cache,
      undefined,
      mode,
    ).resolvedModule;
    if (!resolved) return undefined;
    const file = this.fs.fileAt(resolved.resolvedFileName);
    if (!file) return undefined;
    const estate = isPathLike(specifier) ? undefined : this.fs.packageFor(packageName(specifier), virtualFile);
    const owning =
      estate && this.fs.realpath(resolved.resolvedFileName).startsWith(`/${estate.repo}/${estate.dir}`)
        ? estate
        : undefined;
    return { kind: 'file', file, via: 'typescript', ...(owning ? { package: owning } : {}) };
  }

  /** Packages kept in source form (entry points naming a `dist/` that is never committed): `src/index.ts` and the like. */
  private sourceEntry(estate: EstatePackage, subpath: string): Resolution | undefined {
    const root = `/${estate.repo}${estate.dir ? `/${estate.dir}` : ''}`;
    const stems =
      subpath === ''
        ? ['src/index', 'index', 'lib/index']
        : [`src/${subpath}`, subpath, `src/${subpath}/index`, `${subpath}/index`];
    for (const stem of stems) {
      for (const extension of SOURCE_EXTENSIONS) {
        const file = this.fs.fileAt(`${root}/${stem}${extension}`);
        if (file) return { kind: 'file', file, package: estate, via: 'source-entry' };
      }
    }
    return undefined;
  }
}

function isPathLike(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

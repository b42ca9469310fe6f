/**
 * Facts: what per-file extraction returns. Extraction is a pure function
 * `(path, text) → facts`, so every type here is plain JSON (no class instances,
 * no Maps) — facts can cross a worker-thread boundary and be cached by content hash.
 */
import type { DiagnosticCode } from './diagnostics.js';

/** A position in a file, 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export * from './facts/csharp.js';
export * from './facts/js.js';
export * from './facts/proto.js';
import type { CSharpFileFacts } from './facts/csharp.js';
import type { JsFileFacts, TsConfigFacts } from './facts/js.js';
import type { ProtoFileFacts } from './facts/proto.js';
export * from './facts/gateway.js';
import type { ComposeFacts, GatewayConfigFacts } from './facts/gateway.js';

/** A package dependency declared by a manifest. */
export interface PackageDependency {
  name: string;
  /** Declared version or range as written; undefined when centrally managed or absent. */
  version?: string;
  /** Where the dependency was declared. */
  source: 'PackageReference' | 'packages.config' | 'HintPath' | 'package.json';
  line?: number;
}

/** An MSBuild project (.csproj/.vbproj/.fsproj), read as XML and never evaluated. */
export interface MsBuildProjectFacts {
  kind: 'msbuild-project';
  language: 'csharp' | 'vb' | 'fsharp';
  sdkStyle: boolean;
  sdk?: string;
  assemblyName?: string;
  rootNamespace?: string;
  packageId?: string;
  outputType?: string;
  targetFrameworks: string[];
  /** `<ProjectReference Include>` paths, `/`-separated, relative to the project file. */
  projectReferences: string[];
  packageReferences: PackageDependency[];
  /** `<Reference Include>` assembly names (version/culture stripped) with their HintPath. */
  assemblyReferences: { name: string; hintPath?: string }[];
  /** Explicit `<Compile Include>` items of old-style projects. */
  compileIncludes: string[];
  /** `<Import Project>` values as written, in document order. */
  imports?: string[];
  /** Whether the project uses `ManagePackageVersionsCentrally`. */
  centralPackageVersions: boolean;
  /** Properties worth keeping (`TargetFrameworkVersion`, `LangVersion`, …). */
  properties: Record<string, string>;
}

/** `Directory.Build.props` / `Directory.Packages.props`: apply to every project below. */
export interface MsBuildPropsFacts {
  kind: 'msbuild-props';
  /** `imported`: any other `.props`/`.targets`, which applies only where a project imports it. */
  file: 'Directory.Build.props' | 'Directory.Packages.props' | 'Directory.Build.targets' | 'imported';
  properties: Record<string, string>;
  packageReferences: PackageDependency[];
  /** `<PackageVersion Include Version>` central versions. */
  packageVersions: { name: string; version: string }[];
  /** `<Import Project>` values as written, in document order. */
  imports?: string[];
}

export interface PackagesConfigFacts {
  kind: 'packages-config';
  packages: PackageDependency[];
  /** `targetFramework` attributes seen (net45, …). */
  targetFrameworks: string[];
}

export interface SolutionFacts {
  kind: 'solution';
  projects: { name: string; path: string; typeGuid: string }[];
}

export type NpmDependencyType = 'dependencies' | 'devDependencies' | 'peerDependencies' | 'optionalDependencies';

/** One dependency of a `package.json`, with its range (or tag, URL, `workspace:`…) as written. */
export interface NpmDependency {
  name: string;
  range: string;
  type: NpmDependencyType;
  line?: number;
}

/** An npm `package.json` manifest; scripts are never read, let alone run. */
export interface PackageJsonFacts {
  kind: 'package-json';
  name?: string;
  version?: string;
  private: boolean;
  dependencies: NpmDependency[];
  /** Workspace globs (`workspaces` array or `workspaces.packages`). */
  workspaces: string[];
  /** `engines.node` range as written. */
  enginesNode?: string;
  /**
   * The fields module resolution reads (`main`, `module`, `types`, `typings`, `type`,
   * `exports`, `imports`, `typesVersions`, `browser`), as written; absent when none is set.
   */
  entryPoints?: Record<string, unknown>;
}

/** A version a lockfile pins for one package. */
export interface LockedPackage {
  name: string;
  version: string;
  /** Lockfile-relative folder of the workspace that depends on it (`''` = the root); absent for yarn. */
  importer?: string;
  /** The range this entry resolves (yarn keys name it). */
  range?: string;
}

/** `package-lock.json` (v1–v3), `yarn.lock` (classic and berry) or `pnpm-lock.yaml`. */
export interface NpmLockfileFacts {
  kind: 'npm-lockfile';
  format: 'package-lock' | 'yarn-classic' | 'yarn-berry' | 'pnpm';
  lockfileVersion?: string;
  /** Top-level (direct or hoisted) packages; nested copies are left out. */
  locked: LockedPackage[];
  /** Every package the lockfile installs, nested ones included. */
  packageCount: number;
}

/** NuGet `packages.lock.json`: the versions restore resolved, per target framework. */
export interface NuGetLockFacts {
  kind: 'nuget-lock';
  lockfileVersion?: number;
  frameworks: string[];
  /** Direct dependencies (`Direct`, `CentralTransitive`) with requested range and resolved version. */
  direct: { name: string; requested?: string; resolved: string; framework: string }[];
  transitiveCount: number;
}

export type FileFacts =
  | CSharpFileFacts
  | MsBuildProjectFacts
  | MsBuildPropsFacts
  | PackagesConfigFacts
  | SolutionFacts
  | PackageJsonFacts
  | NpmLockfileFacts
  | NuGetLockFacts
  | JsFileFacts
  | TsConfigFacts
  | ProtoFileFacts
  | GatewayConfigFacts
  | ComposeFacts;

/** What the tool could not read, said as data. */
export interface ExtractionProblem {
  code: DiagnosticCode;
  message: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
}

/** The outcome of extracting one file: facts (possibly partial) and problems. */
export interface ExtractionOutcome<F = FileFacts> {
  facts?: F;
  problems: ExtractionProblem[];
}

/**
 * What a test may declare about an estate, and the declarations as the builder
 * records them until `build()` materialises them.
 */
import type { CSharpTypeKind } from '../../src/core/facts/csharp.js';
import type { FileFacts } from '../../src/core/facts.js';
import type { SqlDialect, SqlFileFacts } from '../../src/core/facts/sql.js';
import type { Ecosystem } from '../../src/core/packages.js';
import type { FileHistory } from './estateProvisions.js';

export interface RepoOptions {
  git?: boolean;
  /** Relative to the scan root; the repo's name by default. */
  path?: string;
}

/** What the history pass puts on a file: revisions and churn, the rest defaulted consistently. */

export interface FileOptions {
  loc?: number;
  /** C# files carry one (1 + decision points); other files have none. */
  complexity?: number;
  /** The language the file kind counts towards (`C#`, `SQL`, `npm`) unless given. */
  language?: string;
  /** Repo-relative path of the project file that owns the file (its `contains` edge starts there). */
  project?: string;
  /** Figures of the history pass; giving them means the pass ran. */
  history?: FileHistory;
}

export interface DotnetProjectOptions {
  /** The file name without extension unless given, as MSBuild names a project. */
  name?: string;
  sdkStyle?: boolean;
  /** The project SDK (`Microsoft.NET.Sdk.Web` makes it a deployable): given, the project file carries its MSBuild facts. */
  sdk?: string;
  assemblyName?: string;
  packageId?: string;
  targetFrameworks?: string[];
}

export interface NpmProjectOptions {
  packageName?: string;
  version?: string;
  private?: boolean;
  enginesNode?: string;
  workspaces?: string[];
}

export interface TypeOptions {
  repo: string;
  file: string;
  line?: number;
  kind?: CSharpTypeKind;
  /** The fully qualified name without its last part unless given (nested types differ). */
  namespace?: string;
  /** Repo-relative path of the owning project file. */
  project?: string;
  loc?: number;
  complexity?: number;
  modifiers?: string[];
}

export interface PackageReference {
  ecosystem: Ecosystem;
  name: string;
  /** `web` unless given. */
  repo?: string;
  /** Repo-relative manifest or project file: `package.json` (npm) or `src/App/App.csproj` (NuGet) unless given. */
  project?: string;
  declared?: string;
  /** What a lockfile resolved it to. */
  resolved?: string;
  line?: number;
  dependencyType?: string;
}

export interface ProjectDependency {
  /** Declarations behind it (`project`, `package`, …); `['project']` unless given. */
  via?: string[];
  typeReferences?: number;
  transitive?: true;
  undeclared?: true;
}

export interface SqlQuery {
  text: string;
  /** The query's position in the file; one query per line from line 1 unless given. */
  line?: number;
  column?: number;
  dynamic?: boolean;
  api?: string;
  routine?: string;
}

export interface QueryOptions {
  dialect?: SqlDialect;
  api?: string;
}

export interface DeclaredFile extends FileOptions {
  repo: string;
  path: string;
  sql?: SqlFileFacts;
  /** A C# file's text, read by the real extractors when the estate is built (`csharpSource`). */
  csharp?: string;
  facts?: FileFacts;
}

export type DeclaredProject =
  | ({ ecosystem: 'nuget'; repo: string; path: string } & DotnetProjectOptions)
  | ({ ecosystem: 'npm'; repo: string; path: string } & NpmProjectOptions);

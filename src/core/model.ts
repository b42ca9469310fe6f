/**
 * The estate model between extraction and the graph: every file's facts, and the
 * .NET projects with their references resolved within the estate.
 */
import type { FileFacts, PackageDependency } from './facts.js';
import type { EstateGraph } from './graph.js';
import type { Diagnostic } from './result.js';
import type { SqlEstate } from './sqlEstate.js';
import type { FileKind } from './fileKinds.js';
import type { SqlFileFacts } from './facts/sql.js';

export interface ExtractedFile {
  repo: string;
  /** Repo-relative, `/`. */
  path: string;
  kind: FileKind;
  loc: number;
  facts?: FileFacts;
  /** SQL schema, routines and queries found in the file (any language). */
  sql?: SqlFileFacts;
}

export interface RepoModel {
  name: string;
  path: string;
  git: boolean;
  files: ExtractedFile[];
}

export interface ProjectModel {
  id: string;
  repo: string;
  /** Repo-relative path of the project file. */
  path: string;
  /** File name without extension, as MSBuild names the project. */
  name: string;
  language: 'csharp' | 'vb' | 'fsharp';
  sdkStyle: boolean;
  assemblyName: string;
  packageId?: string;
  targetFrameworks: string[];
  /** Resolved `<ProjectReference>`s: project ids. */
  projectReferences: string[];
  /** Package dependencies with central/props versions applied, deduplicated by name. */
  packages: PackageDependency[];
  assemblyReferences: { name: string; hintPath?: string }[];
  /** Repo-relative paths of the source files that belong to the project. */
  sourceFiles: string[];
  /**
   * A reference points at code the estate model cannot place (a ProjectReference to
   * nothing found, a DLL by HintPath that no estate project builds): its sources may
   * use estate types no declared dependency explains.
   */
  hasUnplacedReferences: boolean;
}

/** What the graph phase builds from the extracted files; the later phases add to the graph only. */
export interface EstateModel {
  graph: EstateGraph;
  repos: RepoModel[];
  projects: ProjectModel[];
  diagnostics: Diagnostic[];
  /** Schema, routines and queries (empty when the estate has no SQL). */
  sql: SqlEstate;
}

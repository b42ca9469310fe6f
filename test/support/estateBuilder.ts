/**
 * Small estates for tests, built the way a scan builds them: ids from
 * src/core/ids.ts, nodes and edges on the real EstateGraph with the data the
 * graph builder gives them, type nodes and namespace roll-ups by the graph
 * builder's own functions, SQL through the real extractors, buildSqlEstate and
 * the SQL graph, package usages read back from the graph, advisories through the
 * package phase. The result is the `EstateContext` and the provisions the
 * analyzers get.
 *
 * Declarations are recorded and only materialised by `build()`, in the order the
 * pipeline runs, so a test may declare them in any order; repos, files and
 * projects a declaration names are declared with defaults when the test did not.
 * Giving what a phase produces (history figures, co-change edges, registry
 * answers, advisories) means that phase ran: it is then provided.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EstateContext, Provisions } from '../../src/core/analyzer.js';
import type { CSharpTypeKind } from '../../src/core/facts/csharp.js';
import type { SqlDialect, SqlFileFacts } from '../../src/core/facts/sql.js';
import type { ExtractionProblem, PackageDependency } from '../../src/core/facts.js';
import { LANGUAGE_OF } from '../../src/core/fileKinds.js';
import { EstateGraph } from '../../src/core/graph.js';
import type { CoChangeData, ProjectDepData } from '../../src/core/graphData.js';
import type { CoChangeCounts, CouplingLevel, HistoryFigures, HistorySummary } from '../../src/core/history.js';
import { fileId, namespaceId, packageId, projectId, repoId, typeId } from '../../src/core/ids.js';
import type { ExtractedFile, ProjectModel, RepoModel } from '../../src/core/model.js';
import type { AdvisoryMatcher, Ecosystem, PackageMetadata } from '../../src/core/packages.js';
import type { Diagnostic } from '../../src/core/result.js';
import { classifyFile } from '../../src/discover/classify.js';
import { addNamespaceDependencies } from '../../src/graph/dotnet/rollups.js';
import { addTypeNodes, type TypeLink } from '../../src/graph/dotnet/typeEdges.js';
import { TypeIndex, type TypeDeclaration } from '../../src/graph/dotnet/typeIndex.js';
import { addSqlGraph } from '../../src/graph/sql/sqlGraph.js';
import { describeWindow, DEFAULT_WINDOW } from '../../src/history/window.js';
import { packageUsages } from '../../src/packages/inventory.js';
import { RegistryIndex } from '../../src/packages/metadata.js';
import { loadAdvisories } from '../../src/scan/packagePhase.js';
import { analyzeQuery } from '../../src/sql/analyzeQuery.js';
import { buildSqlEstate } from '../../src/sql/estate.js';
import { extractSqlScript } from '../../src/sql/sqlScript.js';

/** The OSV records under fixtures/advisories (lodash, Newtonsoft.Json, a withdrawn one). */
export const ADVISORY_FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/advisories',
);

/** What the pipeline hands `runAnalyzers`. */
export interface BuiltEstate {
  estate: EstateContext;
  provided: Partial<Provisions>;
}

export interface RepoOptions {
  git?: boolean;
  /** Relative to the scan root; the repo's name by default. */
  path?: string;
}

/** What the history pass puts on a file: revisions and churn, the rest defaulted consistently. */
export type FileHistory = Pick<HistoryFigures, 'revisions' | 'churn'> & Partial<HistoryFigures>;

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

/** A co-change pair as the history pass measured it; level and crossRepo follow from the two nodes. */
export type CoChange = Omit<CoChangeData, 'level' | 'crossRepo'> & { shared: number };

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

const DEFAULT_SCAN_DATE = '2025-06-01T00:00:00.000Z';
const DEFAULT_REPO = 'web';
const DEFAULT_MANIFEST: Record<Ecosystem, string> = { npm: 'package.json', nuget: 'src/App/App.csproj' };

interface DeclaredFile extends FileOptions {
  repo: string;
  path: string;
  sql?: SqlFileFacts;
}

type DeclaredProject =
  | ({ ecosystem: 'nuget'; repo: string; path: string } & DotnetProjectOptions)
  | ({ ecosystem: 'npm'; repo: string; path: string } & NpmProjectOptions);

export class EstateBuilder {
  private readonly repos = new Map<string, Required<RepoOptions>>();
  private readonly files = new Map<string, DeclaredFile>();
  private readonly projects = new Map<string, DeclaredProject>();
  private readonly types = new Map<string, TypeDeclaration>();
  private readonly typeRefs: { from: string; to: string; count: number }[] = [];
  private readonly namespaceRefs: { from: string; to: string; weight: number }[] = [];
  private readonly projectDeps: { from: string; to: string; dependency: ProjectDependency }[] = [];
  private readonly references: PackageReference[] = [];
  private readonly coChanges: { a: string; b: string; coupling: CoChange }[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private historyRan = false;
  private historyWindow = describeWindow(DEFAULT_WINDOW);
  private registryAnswers?: readonly PackageMetadata[];
  private advisorySource?: string | AdvisoryMatcher;
  private date = DEFAULT_SCAN_DATE;

  repo(name: string, options: RepoOptions = {}): this {
    this.repos.set(name, { git: options.git ?? true, path: options.path ?? name });
    return this;
  }

  file(repo: string, filePath: string, options: FileOptions = {}): this {
    this.ensureRepo(repo);
    const key = fileId(repo, filePath);
    this.files.set(key, { ...this.files.get(key), ...options, repo, path: filePath });
    if (options.history) this.historyRan = true;
    return this;
  }

  dotnetProject(repo: string, projectPath: string, options: DotnetProjectOptions = {}): this {
    return this.declareProject({ ecosystem: 'nuget', repo, path: projectPath, ...options });
  }

  npmProject(repo: string, manifestPath: string, options: NpmProjectOptions = {}): this {
    return this.declareProject({ ecosystem: 'npm', repo, path: manifestPath, ...options });
  }

  /** A C# type declared in `file`; its namespace node and `contains` edges come with it. */
  type(fullName: string, options: TypeOptions): this {
    this.ensureFile(options.repo, options.file);
    if (options.project) this.ensureProject('nuget', options.repo, options.project);
    const namespace = options.namespace ?? fullName.slice(0, Math.max(0, fullName.lastIndexOf('.')));
    this.types.set(fullName, {
      id: typeId(fullName),
      fullName,
      name: fullName.slice(fullName.lastIndexOf('.') + 1),
      namespace,
      kind: options.kind ?? 'class',
      repo: options.repo,
      ...(options.project ? { project: projectId(options.repo, options.project) } : {}),
      files: [options.file],
      line: options.line ?? 1,
      loc: options.loc ?? 10,
      complexity: options.complexity ?? 1,
      modifiers: options.modifiers ?? ['public'],
    });
    return this;
  }

  /** A `type-ref` between two declared types (full names); it rolls up to `namespace-ref` as the graph builder's does. */
  typeRef(from: string, to: string, count = 1): this {
    this.typeRefs.push({ from, to, count });
    return this;
  }

  /** A namespace dependency with no types behind it (namespaces are declared as needed). */
  namespaceRef(from: string, to: string, weight = 1): this {
    this.namespaceRefs.push({ from, to, weight });
    return this;
  }

  /** A `project-dep` between two declared projects (ids from `projectId`); crossRepo follows from their repos. */
  projectDep(from: string, to: string, dependency: ProjectDependency = {}): this {
    this.projectDeps.push({ from, to, dependency });
    return this;
  }

  /** A package a project declares (or imports); the project is declared with defaults when it was not. */
  uses(reference: PackageReference): this {
    this.ensureProject(
      reference.ecosystem,
      reference.repo ?? DEFAULT_REPO,
      reference.project ?? DEFAULT_MANIFEST[reference.ecosystem],
    );
    this.references.push(reference);
    return this;
  }

  /** A `co-change` edge between two nodes (files, namespaces or projects); the history pass ran. */
  coChange(a: string, b: string, coupling: CoChange): this {
    this.coChanges.push({ a, b, coupling });
    this.historyRan = true;
    return this;
  }

  /** Marks the history pass as run even when it found nothing to put on the graph. */
  history(options: { window?: string } = {}): this {
    this.historyRan = true;
    if (options.window) this.historyWindow = options.window;
    return this;
  }

  /** A .sql script (schema, routines, statements), read by the real script extractor. */
  sqlScript(repo: string, file: string, text: string): this {
    const outcome = extractSqlScript(text);
    this.addSqlFacts(repo, file, outcome.facts);
    this.diagnostics.push(...outcome.problems.map((problem) => asDiagnostic(problem, repo, file)));
    return this;
  }

  /** Queries the code in `file` sends, each read by the real query analyser (Dapper, T-SQL unless given). */
  queries(repo: string, file: string, queries: readonly (string | SqlQuery)[], options: QueryOptions = {}): this {
    const already = this.files.get(fileId(repo, file))?.sql?.queries.length ?? 0;
    const facts: SqlFileFacts = { tables: [], routines: [], queries: [] };
    queries.forEach((given, index) => {
      const query = typeof given === 'string' ? { text: given } : given;
      const analysed = analyzeQuery(query.text, {
        dialect: options.dialect ?? 'transactsql',
        api: query.api ?? options.api ?? 'Dapper.Query',
        line: query.line ?? already + index + 1,
        column: query.column ?? 1,
        dynamic: query.dynamic ?? false,
        ...(query.routine ? { routine: query.routine } : {}),
      });
      facts.queries.push(analysed.query);
      this.diagnostics.push(...analysed.problems.map((problem) => asDiagnostic(problem, repo, file)));
    });
    this.addSqlFacts(repo, file, facts);
    return this;
  }

  /** Registry answers: each usage gets the metadata of its package (matched by ecosystem and name). */
  registry(metadata: readonly PackageMetadata[]): this {
    this.registryAnswers = metadata;
    return this;
  }

  /** An advisory database: a folder or zip of OSV records, loaded by the package phase, or a matcher. */
  advisories(source: string | AdvisoryMatcher = ADVISORY_FIXTURES): this {
    this.advisorySource = source;
    return this;
  }

  /** The scan date (`YYYY-MM-DD` or ISO date-time) ages and end-of-life are judged on. */
  scanDate(date: string): this {
    this.date = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : new Date(date).toISOString();
    return this;
  }

  async build(): Promise<BuiltEstate> {
    const graph = new EstateGraph();
    const repos = this.repoModels();
    const projects = this.projectModels();
    this.addRepoAndFileNodes(graph, repos);
    this.addProjectNodes(graph);
    this.addPackageReferences(graph);
    this.addFileContainment(graph);
    this.addTypes(graph);
    this.addProjectDependencies(graph);
    const sql = buildSqlEstate(repos);
    addSqlGraph(graph, sql);
    const model = { graph, repos, projects, diagnostics: this.diagnostics, sql };
    const provided: Partial<Provisions> = { sql };
    if (this.historyRan) provided.history = this.applyHistory(graph);
    const packages = packageUsages(graph);
    if (this.registryAnswers) provided.registry = this.registryIndex(packages);
    if (this.advisorySource !== undefined) provided.advisories = await this.loadAdvisories(packages);
    return { estate: { graph, model, packages, scanDate: this.date }, provided };
  }

  private ensureRepo(name: string): void {
    if (!this.repos.has(name)) this.repo(name);
  }

  private ensureFile(repo: string, filePath: string): void {
    if (!this.files.has(fileId(repo, filePath))) this.file(repo, filePath);
  }

  private ensureProject(ecosystem: Ecosystem, repo: string, projectPath: string): void {
    if (this.projects.has(projectId(repo, projectPath))) return;
    if (ecosystem === 'npm' || path.posix.basename(projectPath) === 'package.json') this.npmProject(repo, projectPath);
    else this.dotnetProject(repo, projectPath);
  }

  private declareProject(project: DeclaredProject): this {
    this.ensureFile(project.repo, project.path);
    this.projects.set(projectId(project.repo, project.path), project);
    return this;
  }

  private addSqlFacts(repo: string, file: string, facts: SqlFileFacts): void {
    this.ensureFile(repo, file);
    const declared = this.files.get(fileId(repo, file))!;
    const sql = declared.sql ?? { tables: [], routines: [], queries: [] };
    declared.sql = {
      tables: [...sql.tables, ...facts.tables],
      routines: [...sql.routines, ...facts.routines],
      queries: [...sql.queries, ...facts.queries],
    };
  }

  private repoModels(): RepoModel[] {
    return [...this.repos].map(([name, repo]) => ({
      name,
      path: repo.path,
      git: repo.git,
      files: [...this.files.values()].filter((f) => f.repo === name).map((f) => this.extractedFile(f)),
    }));
  }

  private extractedFile(file: DeclaredFile): ExtractedFile {
    const kind = classifyFile(path.posix.basename(file.path));
    if (!kind) throw new Error(`${file.repo}/${file.path}: the scan reads no file of that kind`);
    return { repo: file.repo, path: file.path, kind, loc: file.loc ?? 1, ...(file.sql ? { sql: file.sql } : {}) };
  }

  private projectModels(): ProjectModel[] {
    const models: ProjectModel[] = [];
    for (const [id, project] of this.projects) {
      if (project.ecosystem !== 'nuget') continue;
      const name = dotnetName(project);
      models.push({
        id,
        repo: project.repo,
        path: project.path,
        name,
        language: dotnetLanguage(project.path),
        sdkStyle: project.sdkStyle ?? true,
        assemblyName: project.assemblyName ?? name,
        ...(project.packageId ? { packageId: project.packageId } : {}),
        targetFrameworks: project.targetFrameworks ?? ['net8.0'],
        projectReferences: this.projectDeps
          .filter((d) => d.from === id && (d.dependency.via ?? ['project']).includes('project'))
          .map((d) => d.to),
        packages: this.references
          .filter((r) => r.ecosystem === 'nuget' && projectOfReference(r) === id)
          .map(
            (r): PackageDependency => ({
              name: r.name,
              ...(r.declared ? { version: r.declared } : {}),
              source: 'PackageReference',
              ...(r.line ? { line: r.line } : {}),
            }),
          ),
        assemblyReferences: [],
        sourceFiles: [...this.files.values()]
          .filter((f) => f.repo === project.repo && f.project === project.path)
          .map((f) => f.path),
        hasUnplacedReferences: false,
      });
    }
    return models;
  }

  private addRepoAndFileNodes(graph: EstateGraph, repos: readonly RepoModel[]): void {
    for (const repo of repos) {
      graph.addNode({ id: repoId(repo.name), kind: 'repo', name: repo.name, path: repo.path, data: { git: repo.git } });
      for (const file of repo.files) {
        const declared = this.files.get(fileId(repo.name, file.path))!;
        graph.addNode({
          id: fileId(repo.name, file.path),
          kind: 'file',
          name: path.posix.basename(file.path),
          repo: repo.name,
          path: file.path,
          loc: file.loc,
          ...(declared.complexity !== undefined ? { complexity: declared.complexity } : {}),
          data: {
            language: declared.language ?? LANGUAGE_OF[file.kind],
            ...(declared.history ? { history: this.fileHistory(declared.history) } : {}),
          },
        });
      }
    }
  }

  private fileHistory(given: FileHistory): HistoryFigures {
    const lastChange = given.lastChange ?? this.date.slice(0, 10);
    const deleted = given.deleted ?? (given.added !== undefined ? given.churn - given.added : 0);
    return {
      added: given.churn - deleted,
      deleted,
      authors: 1,
      mainAuthor: 'Ada',
      mainAuthorShare: 1,
      firstChange: lastChange,
      lastChange,
      ageDays: 0,
      ...given,
    };
  }

  private addProjectNodes(graph: EstateGraph): void {
    for (const [id, project] of this.projects) {
      if (project.ecosystem === 'nuget') {
        const name = dotnetName(project);
        graph.addNode({
          id,
          kind: 'project',
          name,
          repo: project.repo,
          path: project.path,
          data: {
            language: dotnetLanguage(project.path),
            sdkStyle: project.sdkStyle ?? true,
            assemblyName: project.assemblyName ?? name,
            ...(project.packageId ? { packageId: project.packageId } : {}),
            targetFrameworks: project.targetFrameworks ?? ['net8.0'],
          },
        });
      } else {
        const dir = path.posix.dirname(project.path);
        graph.addNode({
          id,
          kind: 'project',
          name: project.packageName ?? (dir === '.' ? project.repo : path.posix.basename(dir)),
          repo: project.repo,
          path: project.path,
          data: {
            ecosystem: 'npm',
            ...(project.packageName ? { packageName: project.packageName } : {}),
            ...(project.version ? { version: project.version } : {}),
            private: project.private ?? false,
            ...(project.workspaces ? { workspaces: project.workspaces } : {}),
            ...(project.enginesNode ? { enginesNode: project.enginesNode } : {}),
          },
        });
      }
      graph.addEdge(repoId(project.repo), id, 'contains');
    }
  }

  /** Package nodes gather the declared and resolved versions; a package an estate project publishes is `produces`-linked to it. */
  private addPackageReferences(graph: EstateGraph): void {
    const producers = this.producersByPackage();
    for (const reference of this.references) {
      const project = projectOfReference(reference);
      const id = packageId(reference.ecosystem, reference.name);
      const existing = graph.nodeOfKind(id, 'package');
      const versions = union(existing?.data?.versions, reference.declared);
      const resolved = union(existing?.data?.resolved, reference.resolved);
      graph.addNode({
        id,
        kind: 'package',
        name: existing?.name ?? reference.name,
        data: {
          ecosystem: reference.ecosystem,
          ...(versions.length > 0 ? { versions } : {}),
          ...(resolved.length > 0 ? { resolved } : {}),
        },
      });
      graph.addEdge(project, id, 'package-ref', 1, {
        ...(reference.declared ? { version: reference.declared } : {}),
        ...(reference.resolved ? { resolved: reference.resolved } : {}),
        source: reference.ecosystem === 'npm' ? 'package.json' : 'PackageReference',
        ...(reference.ecosystem === 'npm' ? { dependencyType: reference.dependencyType ?? 'dependencies' } : {}),
        ...(reference.line ? { line: reference.line } : {}),
      });
      const producer = producers.get(id);
      if (producer && producer !== project) graph.addEdge(producer, id, 'produces');
    }
  }

  /** As the graph builder claims names: NuGet by package id, then assembly name, then project name; npm by package name. */
  private producersByPackage(): Map<string, string> {
    const producers = new Map<string, string>();
    const claim = (ecosystem: Ecosystem, name: string | undefined, project: string) => {
      const id = name ? packageId(ecosystem, name) : undefined;
      if (id && !producers.has(id)) producers.set(id, project);
    };
    const entries = [...this.projects];
    for (const [id, p] of entries) claim(p.ecosystem, p.ecosystem === 'nuget' ? p.packageId : p.packageName, id);
    for (const [id, p] of entries) if (p.ecosystem === 'nuget') claim('nuget', p.assemblyName ?? dotnetName(p), id);
    for (const [id, p] of entries) if (p.ecosystem === 'nuget') claim('nuget', dotnetName(p), id);
    return producers;
  }

  private addFileContainment(graph: EstateGraph): void {
    for (const file of this.files.values()) {
      const owner = file.project ? projectId(file.repo, file.project) : repoId(file.repo);
      if (file.project && !this.projects.has(owner))
        throw new Error(`${file.repo}/${file.path}: project ${file.project} is not declared`);
      graph.addEdge(owner, fileId(file.repo, file.path), 'contains');
    }
  }

  private addTypes(graph: EstateGraph): void {
    const index = new TypeIndex();
    for (const type of this.types.values()) index.add(type);
    addTypeNodes(graph, index);
    const links = this.typeRefs.map(
      ({ from, to, count }) => ({ from: this.declaredType(from), to: this.declaredType(to), count }) satisfies TypeLink,
    );
    for (const link of links) graph.addEdge(link.from.id, link.to.id, 'type-ref', link.count);
    addNamespaceDependencies(graph, links);
    for (const { from, to, weight } of this.namespaceRefs) {
      for (const name of [from, to])
        if (!graph.hasNode(namespaceId(name)))
          graph.addNode({ id: namespaceId(name), kind: 'namespace', name: name || '<global>' });
      graph.addEdge(namespaceId(from), namespaceId(to), 'namespace-ref', weight);
    }
  }

  private declaredType(fullName: string): TypeDeclaration {
    const type = this.types.get(fullName);
    if (!type) throw new Error(`type-ref names ${fullName}, which is not declared`);
    return type;
  }

  private addProjectDependencies(graph: EstateGraph): void {
    for (const { from, to, dependency } of this.projectDeps) {
      const repos = [from, to].map((id) => this.projects.get(id)?.repo);
      if (repos.some((r) => r === undefined))
        throw new Error(`project-dep ${from} → ${to}: both projects must be declared`);
      const typeReferences = dependency.typeReferences ?? 0;
      const data: ProjectDepData = {
        via: dependency.via ?? ['project'],
        typeReferences,
        crossRepo: repos[0] !== repos[1],
        ...(dependency.transitive ? { transitive: true } : {}),
        ...(dependency.undeclared ? { undeclared: true } : {}),
      };
      graph.addEdge(from, to, 'project-dep', Math.max(1, typeReferences), data);
    }
  }

  /** The co-change edges, and the summary the history pass returns (repos with changes, edge counts). */
  private applyHistory(graph: EstateGraph): HistorySummary {
    const coChange: CoChangeCounts = { file: 0, namespace: 0, project: 0, crossRepo: 0, hidden: 0 };
    for (const { a, b, coupling } of this.coChanges) {
      const level = couplingLevel(graph, a);
      if (couplingLevel(graph, b) !== level) throw new Error(`co-change ${a} ⇄ ${b}: both ends must be of one level`);
      const crossRepo = graph.node(a)?.repo !== graph.node(b)?.repo;
      const { shared, ...measured } = coupling;
      graph.addEdge(a, b, 'co-change', shared, { ...measured, level, crossRepo });
      coChange[level]++;
      if (crossRepo) coChange.crossRepo++;
      if (coupling.hidden) coChange.hidden++;
    }
    const repos = [...this.repos.keys()].flatMap((repo) => {
      const changed = [...this.files.values()]
        .filter((f) => f.repo === repo && f.history)
        .map((f) => this.fileHistory(f.history!));
      if (changed.length === 0) return [];
      const commits = Math.max(...changed.map((h) => h.revisions));
      const since = changed.map((h) => h.firstChange).sort()[0]!;
      const until = changed
        .map((h) => h.lastChange)
        .sort()
        .at(-1)!;
      return [{ repo, commits, since, until, shallow: false }];
    });
    return { window: this.historyWindow, repos, commits: repos.reduce((n, r) => n + r.commits, 0), coChange };
  }

  private registryIndex(usages: ReturnType<typeof packageUsages>): RegistryIndex {
    const index = new RegistryIndex();
    for (const usage of usages) {
      const found = this.registryAnswers?.find(
        (m) => m.ecosystem === usage.ecosystem && m.name.toLowerCase() === usage.name.toLowerCase(),
      );
      if (found) index.set(usage.projectId, usage.packageId, found);
    }
    return index;
  }

  private async loadAdvisories(usages: ReturnType<typeof packageUsages>): Promise<AdvisoryMatcher> {
    if (typeof this.advisorySource !== 'string') return this.advisorySource!;
    const loaded = await loadAdvisories(this.advisorySource, usages);
    this.diagnostics.push(...loaded.diagnostics);
    if (!loaded.advisories)
      throw new Error(`advisories at ${this.advisorySource}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    return loaded.advisories;
  }
}

/** A fresh builder: `estate().uses({...}).registry([...])`. */
export function estate(): EstateBuilder {
  return new EstateBuilder();
}

/** As the scan turns an extractor's problem into a diagnostic of the file. */
function asDiagnostic(problem: ExtractionProblem, repo: string, file: string): Diagnostic {
  return {
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    repo,
    file,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
  };
}

function projectOfReference(reference: PackageReference): string {
  return projectId(reference.repo ?? DEFAULT_REPO, reference.project ?? DEFAULT_MANIFEST[reference.ecosystem]);
}

function dotnetName(project: { path: string } & DotnetProjectOptions): string {
  return project.name ?? path.posix.basename(project.path).replace(/\.[^.]+$/, '');
}

function dotnetLanguage(projectPath: string): 'csharp' | 'vb' | 'fsharp' {
  return projectPath.endsWith('.vbproj') ? 'vb' : projectPath.endsWith('.fsproj') ? 'fsharp' : 'csharp';
}

function couplingLevel(graph: EstateGraph, id: string): CouplingLevel {
  const kind = graph.node(id)?.kind;
  if (kind === 'file' || kind === 'namespace' || kind === 'project') return kind;
  throw new Error(
    `co-change end ${id} is ${kind ? `a ${kind}` : 'not declared'}: only files, namespaces and projects change together`,
  );
}

function union(existing: readonly string[] | undefined, value: string | undefined): string[] {
  return [...new Set([...(existing ?? []), ...(value ? [value] : [])])].sort();
}

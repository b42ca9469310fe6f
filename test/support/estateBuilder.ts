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
import { type ClusteringSettings, DEFAULT_CLUSTERING_SETTINGS } from '../../src/core/decomposition.js';
import type { SqlFileFacts } from '../../src/core/facts/sql.js';
import type { ExtractionProblem, PackageDependency } from '../../src/core/facts.js';
import { LANGUAGE_OF } from '../../src/core/fileKinds.js';
import { EstateGraph } from '../../src/core/graph.js';
import type { ProjectDepData } from '../../src/core/graphData.js';
import type { HistoryFigures } from '../../src/core/history.js';
import { fileId, namespaceId, packageId, projectId, repoId, typeId } from '../../src/core/ids.js';
import type { ExtractedFile, ProjectModel, RepoModel } from '../../src/core/model.js';
import type { AdvisoryMatcher, Ecosystem, PackageMetadata } from '../../src/core/packages.js';
import type { Diagnostic } from '../../src/core/result.js';
import { classifyFile } from '../../src/discover/classify.js';
import { addProjectEdges } from '../../src/graph/dotnet/projectEdges.js';
import { addNamespaceDependencies } from '../../src/graph/dotnet/rollups.js';
import { addTypeNodes, type TypeLink } from '../../src/graph/dotnet/typeEdges.js';
import { TypeIndex, type TypeDeclaration } from '../../src/graph/dotnet/typeIndex.js';
import { addSqlGraph } from '../../src/graph/sql/sqlGraph.js';
import { decompose } from '../../src/graph/clusters/index.js';
import { describeWindow, DEFAULT_WINDOW } from '../../src/history/window.js';
import { packageUsages } from '../../src/packages/inventory.js';
import { loadAdvisories } from '../../src/scan/packagePhase.js';
import { analyzeQuery } from '../../src/sql/analyzeQuery.js';
import { buildSqlEstate } from '../../src/sql/estate.js';
import { extractSqlScript } from '../../src/sql/sqlScript.js';
import { extractCSharp, loadCSharpParser } from '../../src/extract/csharp/extractCSharp.js';
import { extractSqlFacts } from '../../src/extract/sql/extractSql.js';
import { applyDeclaredHistory, completeHistory, registryAnswering, type CoChange } from './estateProvisions.js';

export type { CoChange, FileHistory } from './estateProvisions.js';
export type {
  RepoOptions,
  FileOptions,
  DotnetProjectOptions,
  NpmProjectOptions,
  TypeOptions,
  PackageReference,
  ProjectDependency,
  SqlQuery,
  QueryOptions,
} from './estateDeclarations.js';
import type {
  DeclaredFile,
  DeclaredProject,
  RepoOptions,
  FileOptions,
  DotnetProjectOptions,
  NpmProjectOptions,
  TypeOptions,
  PackageReference,
  ProjectDependency,
  SqlQuery,
  QueryOptions,
} from './estateDeclarations.js';

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

const DEFAULT_SCAN_DATE = '2025-06-01T00:00:00.000Z';
const DEFAULT_REPO = 'web';
const DEFAULT_MANIFEST: Record<Ecosystem, string> = { npm: 'package.json', nuget: 'src/App/App.csproj' };

export class EstateBuilder {
  private readonly repos = new Map<string, Required<RepoOptions>>();
  private readonly files = new Map<string, DeclaredFile>();
  private readonly projects = new Map<string, DeclaredProject>();
  private readonly types = new Map<string, TypeDeclaration>();
  private readonly typeRefs: { from: string; to: string; count: number; line?: number }[] = [];
  private readonly namespaceRefs: { repo: string; from: string; to: string; weight: number }[] = [];
  private readonly projectDeps: { from: string; to: string; dependency: ProjectDependency }[] = [];
  private readonly references: PackageReference[] = [];
  private readonly coChanges: { a: string; b: string; coupling: CoChange }[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private historyRan = false;
  private historyWindow = describeWindow(DEFAULT_WINDOW);
  private registryAnswers?: readonly PackageMetadata[];
  private clusteringSettings?: ClusteringSettings;
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

  /**
   * A `type-ref` between two declared types (full names); it rolls up to `namespace-ref` as the graph
   * builder's does. `line`: where the reference is written in `from`'s file (default: `from`'s line).
   */
  typeRef(from: string, to: string, count = 1, line?: number): this {
    this.typeRefs.push({ from, to, count, ...(line ? { line } : {}) });
    return this;
  }

  /** A dependency between two namespaces of loose source in `repo`, with no types behind it (declared as needed). */
  namespaceRef(repo: string, from: string, to: string, weight = 1): this {
    this.ensureRepo(repo);
    this.namespaceRefs.push({ repo, from, to, weight });
    return this;
  }

  /** A `project-dep` between two declared projects (ids from `projectId`); crossRepo follows from their repos. */
  projectDep(from: string, to: string, dependency: ProjectDependency = {}): this {
    this.projectDeps.push({ from, to, dependency });
    return this;
  }

  /** A package a project declares (or imports); the project is declared with defaults when it was not. */
  uses(reference: PackageReference): this {
    if (reference.ecosystem === 'nuget' && (reference.resolved || reference.line))
      throw new Error(
        `${reference.name}: NuGet references carry no resolved version or line in the graph (packages.lock.json is read elsewhere)`,
      );
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

  /** A C# file read by the real C# and SQL extractors (facts, queries, EF model, LINQ) when the estate is built. */
  csharpSource(repo: string, file: string, text: string): this {
    this.ensureFile(repo, file);
    this.files.get(fileId(repo, file))!.csharp = text;
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

  /** Clusters the estate as the decomposition phase does (default settings, overridden by `settings`). */
  clustering(settings: Partial<ClusteringSettings> = {}): this {
    this.clusteringSettings = { ...DEFAULT_CLUSTERING_SETTINGS, ...settings };
    return this;
  }

  /** The scan date (`YYYY-MM-DD` or ISO date-time) ages and end-of-life are judged on. */
  scanDate(date: string): this {
    this.date = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : new Date(date).toISOString();
    return this;
  }

  async build(): Promise<BuiltEstate> {
    await this.extractCSharpSources();
    const graph = new EstateGraph();
    const repos = this.repoModels();
    const projects = this.projectModels();
    this.addRepoAndFileNodes(graph, repos);
    addProjectEdges(graph, projects);
    this.addNpmProjects(graph);
    this.addNpmPackageReferences(graph);
    this.addFileContainment(graph);
    this.addTypes(graph);
    this.addProjectDependencies(graph);
    const sql = buildSqlEstate(repos);
    addSqlGraph(graph, sql);
    const model = { graph, repos, projects, diagnostics: this.diagnostics, sql };
    const provided: Partial<Provisions> = { sql };
    if (this.historyRan) {
      const changedFiles = new Map([...this.repos.keys()].map((repo) => [repo, this.changedFiles(repo)]));
      provided.history = applyDeclaredHistory(graph, {
        window: this.historyWindow,
        coChanges: this.coChanges,
        changedFiles,
      });
    }
    const packages = packageUsages(graph);
    if (this.registryAnswers) provided.registry = registryAnswering(packages, this.registryAnswers);
    if (this.advisorySource !== undefined) provided.advisories = await this.loadAdvisories(packages);
    if (this.clusteringSettings) provided.decomposition = decompose(graph, model, this.clusteringSettings);
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
    if (project.ecosystem === 'nuget' && project.sdk)
      this.files.get(fileId(project.repo, project.path))!.facts = {
        kind: 'msbuild-project',
        language: 'csharp',
        sdkStyle: true,
        sdk: project.sdk,
        targetFrameworks: project.targetFrameworks ?? ['net8.0'],
        projectReferences: [],
        packageReferences: [],
        assemblyReferences: [],
        compileIncludes: [],
        centralPackageVersions: false,
        properties: {},
      };
    return this;
  }

  private addSqlFacts(repo: string, file: string, facts: SqlFileFacts): void {
    this.ensureFile(repo, file);
    const declared = this.files.get(fileId(repo, file))!;
    const sql = declared.sql ?? { tables: [], routines: [], queries: [] };
    // Everything else the extractor found (dialect, schema changes, EF migration) is kept as it says.
    const changes = [...(sql.changes ?? []), ...(facts.changes ?? [])];
    declared.sql = {
      ...sql,
      ...facts,
      tables: [...sql.tables, ...facts.tables],
      routines: [...sql.routines, ...facts.routines],
      queries: [...sql.queries, ...facts.queries],
      ...(changes.length > 0 ? { changes } : {}),
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
    return {
      repo: file.repo,
      path: file.path,
      kind,
      loc: file.loc ?? 1,
      ...(file.facts ? { facts: file.facts } : {}),
      ...(file.sql ? { sql: file.sql } : {}),
    };
  }

  private async extractCSharpSources(): Promise<void> {
    const sources = [...this.files.values()].filter((f) => f.csharp !== undefined);
    if (sources.length === 0) return;
    const parser = await loadCSharpParser();
    for (const file of sources) {
      const outcome = extractCSharp(parser, file.csharp!);
      this.diagnostics.push(...outcome.problems.map((problem) => asDiagnostic(problem, file.repo, file.path)));
      if (outcome.facts) file.facts = outcome.facts;
      const sql = extractSqlFacts('csharp', file.csharp!, outcome.facts);
      this.diagnostics.push(...sql.problems.map((problem) => asDiagnostic(problem, file.repo, file.path)));
      if (sql.sql) this.addSqlFacts(file.repo, file.path, sql.sql);
    }
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
            ...(declared.history ? { history: completeHistory(declared.history, this.date) } : {}),
          },
        });
      }
    }
  }

  /** npm manifests as project nodes; .NET projects go through the graph builder's own `addProjectEdges`. */
  private addNpmProjects(graph: EstateGraph): void {
    for (const [id, project] of this.projects) {
      if (project.ecosystem !== 'npm') continue;
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
      graph.addEdge(repoId(project.repo), id, 'contains');
    }
  }

  /** npm package nodes gather the declared and resolved versions; a package an estate manifest publishes is `produces`-linked to it. */
  private addNpmPackageReferences(graph: EstateGraph): void {
    const producers = new Map<string, string>();
    for (const [id, p] of this.projects) {
      const pkg = p.ecosystem === 'npm' && p.packageName ? packageId('npm', p.packageName) : undefined;
      if (pkg && !producers.has(pkg)) producers.set(pkg, id);
    }
    for (const reference of this.references) {
      if (reference.ecosystem !== 'npm') continue;
      const project = projectOfReference(reference);
      const id = packageId('npm', reference.name);
      const existing = graph.nodeOfKind(id, 'package');
      const versions = union(existing?.data?.versions, reference.declared);
      const resolved = union(existing?.data?.resolved, reference.resolved);
      graph.addNode({
        id,
        kind: 'package',
        name: existing?.name ?? reference.name,
        data: {
          ecosystem: 'npm',
          ...(versions.length > 0 ? { versions } : {}),
          ...(resolved.length > 0 ? { resolved } : {}),
        },
      });
      graph.addEdge(project, id, 'package-ref', 1, {
        ...(reference.declared ? { version: reference.declared } : {}),
        ...(reference.resolved ? { resolved: reference.resolved } : {}),
        source: 'package.json',
        dependencyType: reference.dependencyType ?? 'dependencies',
        ...(reference.line ? { line: reference.line } : {}),
      });
      const producer = producers.get(id);
      if (producer && producer !== project) graph.addEdge(producer, id, 'produces');
    }
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
    const links = this.typeRefs.map(({ from, to, count, line }) => {
      const source = this.declaredType(from);
      return {
        from: source,
        to: this.declaredType(to),
        count,
        file: source.files[0]!,
        line: line ?? source.line,
      } satisfies TypeLink;
    });
    for (const link of links) graph.addEdge(link.from.id, link.to.id, 'type-ref', link.count);
    addNamespaceDependencies(graph, links);
    for (const { repo, from, to, weight } of this.namespaceRefs) {
      for (const name of [from, to])
        if (!graph.hasNode(namespaceId(name, repo)))
          graph.addNode({ id: namespaceId(name, repo), kind: 'namespace', name: name || '<global>', repo });
      graph.addEdge(namespaceId(from, repo), namespaceId(to, repo), 'namespace-ref', weight);
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

  private changedFiles(repo: string): HistoryFigures[] {
    return [...this.files.values()]
      .filter((f) => f.repo === repo && f.history)
      .map((f) => completeHistory(f.history!, this.date));
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

function union(existing: readonly string[] | undefined, value: string | undefined): string[] {
  return [...new Set([...(existing ?? []), ...(value ? [value] : [])])].sort();
}

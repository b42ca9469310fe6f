/**
 * Facts: what per-file extraction returns. Extraction is a pure function
 * `(path, text) → facts`, so every type here is plain JSON (no class instances,
 * no Maps) — facts can cross a worker-thread boundary and be cached by content hash.
 */

/** A position in a file, 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A `using` directive of a C# file. */
export interface CSharpUsing {
  /** The namespace or type named, dotted, without `global::`. */
  target: string;
  /** `using Alias = Target;` */
  alias?: string;
  /** `using static Target;` */
  isStatic: boolean;
  /** `global using …;` — applies to every file of the project. */
  isGlobal: boolean;
  line: number;
}

export type CSharpTypeKind =
  | 'class'
  | 'interface'
  | 'struct'
  | 'record'
  | 'record struct'
  | 'enum'
  | 'delegate';

/** One referenced type name as written in the source, generic arguments stripped. */
export interface CSharpTypeReference {
  /** Simple (`Invoice`) or qualified (`Models.Invoice`) name; never a predefined type. */
  name: string;
  /** Number of occurrences inside the referencing type. */
  count: number;
  /** Line of the first occurrence. */
  line: number;
  /**
   * Set when every occurrence is the left side of a member access (`Foo.Bar()`),
   * which may be a variable rather than a type: kept only if it resolves to a type.
   */
  candidate?: boolean;
}

export interface CSharpAttributeUse {
  /** Attribute name as written, without a trailing `Attribute`. */
  name: string;
  /** Literal argument texts (string literals unquoted), positional then named `name=value`. */
  args: string[];
  line: number;
}

export interface CSharpMemberFacts {
  name: string;
  kind: 'method' | 'constructor' | 'property' | 'field' | 'event';
  line: number;
  attributes: CSharpAttributeUse[];
}

export interface CSharpTypeFacts {
  /** Simple name, generic parameters stripped (`Repository` for `Repository<T>`). */
  name: string;
  /** Namespace-qualified name with enclosing types: `Harbor.Billing.Invoice.Line`. */
  fullName: string;
  /** Declaring namespace, '' for the global namespace. */
  namespace: string;
  kind: CSharpTypeKind;
  modifiers: string[];
  /** Base class and interfaces as written (generic arguments stripped). */
  bases: string[];
  attributes: CSharpAttributeUse[];
  members: CSharpMemberFacts[];
  /** Types referenced from this type's own body (nested types report their own). */
  references: CSharpTypeReference[];
  line: number;
  endLine: number;
  /** Non-blank, non-comment lines inside the declaration. */
  loc: number;
  /** 1 + decision points (if, loops, case, catch, ?:, &&, ||, ??, switch arms). */
  complexity: number;
}

/**
 * A string value as the code builds it: literals are kept whole; an interpolated
 * string or a concatenation with non-literal parts is `dynamic`, with each hole
 * written `{…}` (e.g. `SELECT * FROM Users WHERE Id = {…}`).
 * Escapes are decoded (`\n`, `""` in verbatim, `{{` in interpolated), raw
 * strings lose their closing-line indentation, line breaks are `\n` whatever
 * the file uses. `line`/`column` (1-based, UTF-16 code units) are where the
 * expression starts (inside any parentheses).
 */
export interface CSharpStringValue {
  text: string;
  form: 'regular' | 'verbatim' | 'raw' | 'interpolated' | 'concatenation';
  dynamic: boolean;
  line: number;
  column: number;
}

/** An argument that names a string-valued variable, constant or field instead of a literal. */
export interface CSharpNamedValueArgument {
  index: number;
  /** Named argument (`sql: q`) when written so. */
  parameter?: string;
  /** The identifier or member chain passed (`sql`, `Queries.ByUser`, `_sql`). */
  identifier: string;
}

/**
 * A call or object creation with string arguments — where SQL (Dapper `Query`,
 * `new SqlCommand`), routes (`MapRoute`) and HTTP calls (`GetAsync`) live.
 * Recorded when an argument is a string; when the arguments are only
 * identifiers, only for the sink methods listed in
 * `src/extract/csharp/interestingSinks.ts` (`Query*`, `Execute*`, `Get*Async`, …).
 * A plain `=` to a member named like a sink (`cmd.CommandText = sql`,
 * `CommandText = "…"` in an object initializer) is recorded as a call of its
 * setter: method `CommandText`, receiver `cmd`, the value as argument 0.
 * Attribute arguments and `nameof(…)` are not calls.
 */
export interface CSharpCallSite {
  /**
   * Method name as written, generic arguments stripped: `QueryAsync`. For
   * `new T(…)` the type's simple name (`SqlCommand` for
   * `new System.Data.SqlClient.SqlCommand(…)`); for a constructor initializer
   * `: base(…)` / `: this(…)`, `base` / `this`.
   */
  method: string;
  /**
   * Receiver chain as written, if any: `connection`, `_db.Database`, `routes`,
   * `this.` dropped, whitespace removed, generic arguments kept; a call result
   * as its callee plus `()` (`GetConnection()`, `context.Set<User>()`,
   * `new SqlConnection()`). Absent for `new T(…)`, bare calls, `this.M(…)` and
   * receivers that are long or span lines.
   */
  receiver?: string;
  isConstructor: boolean;
  /** Literal/interpolated/concatenated string arguments, in argument order. */
  strings: { index: number; parameter?: string; value: CSharpStringValue }[];
  /** Identifier arguments, which may name a string declared elsewhere (see `stringDeclarations`). */
  identifiers: CSharpNamedValueArgument[];
  /** Full name of the enclosing type, if any; and the enclosing member's name. */
  ownerType?: string;
  ownerMember?: string;
  /** Position of the method or type name (1-based, UTF-16 code units). */
  line: number;
  column: number;
}

/** `x.CommandText = "…"`, `CommandText = "…"` in an initializer, `var sql = "…"`, `const string Q = "…"`. */
export interface CSharpStringDeclaration {
  /** Variable, constant, field or assigned member chain: `sql`, `Queries.ByUser`, `cmd.CommandText`. */
  name: string;
  kind: 'local' | 'const' | 'field' | 'property' | 'assignment';
  value: CSharpStringValue;
  /** `sql += "…"`: `value` is appended to what `name` held (an `assignment`). */
  appended?: true;
  ownerType?: string;
  ownerMember?: string;
}

export interface CSharpFileFacts {
  kind: 'csharp';
  loc: number;
  complexity: number;
  usings: CSharpUsing[];
  /** Namespaces declared in the file (block and file-scoped), in order. */
  namespaces: string[];
  types: CSharpTypeFacts[];
  /** References outside any type (top-level statements, assembly attributes). */
  fileReferences: CSharpTypeReference[];
  /** Calls with string arguments, in source order. */
  callSites: CSharpCallSite[];
  /** String-valued declarations and assignments, in source order. */
  stringDeclarations: CSharpStringDeclaration[];
  /** Positions of ERROR/MISSING nodes, at most the first 20. */
  syntaxErrors: Position[];
  syntaxErrorCount: number;
}

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
  /** Whether the project uses `ManagePackageVersionsCentrally`. */
  centralPackageVersions: boolean;
  /** Properties worth keeping (`TargetFrameworkVersion`, `LangVersion`, …). */
  properties: Record<string, string>;
}

/** `Directory.Build.props` / `Directory.Packages.props`: apply to every project below. */
export interface MsBuildPropsFacts {
  kind: 'msbuild-props';
  file: 'Directory.Build.props' | 'Directory.Packages.props' | 'Directory.Build.targets';
  properties: Record<string, string>;
  packageReferences: PackageDependency[];
  /** `<PackageVersion Include Version>` central versions. */
  packageVersions: { name: string; version: string }[];
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

/** How a JS/TS file refers to another module. */
export type JsImportKind = 'import' | 'side-effect' | 'export-from' | 'export-all' | 'require' | 'dynamic-import' | 'import-equals';

export interface JsImport {
  specifier: string;
  kind: JsImportKind;
  /** `import type`, `export type … from`, or every named binding marked `type`. */
  typeOnly: boolean;
  /** Imported names: `default`, `*` (namespace, whole `require`), or the exported name. */
  names: string[];
  /** Those of `names` the file refers to outside the import itself (re-exports count as used). */
  usedNames: string[];
  line: number;
}

export interface JsDeclaration {
  name: string;
  kind: 'function' | 'class' | 'variable' | 'type' | 'interface' | 'enum' | 'namespace';
  exported: boolean;
  line: number;
}

/** An imported binding a call or mount goes through, resolved later against the import graph. */
export interface JsImportedBinding {
  specifier: string;
  /** The exported name: `default` or the named export. */
  name: string;
}

/** A route the file serves: `app.get('/x', …)`, `fastify.route({…})`, Nest `@Get(':id')`. */
export interface JsHttpRoute {
  framework: 'express' | 'fastify' | 'nest';
  /** Upper-case verb, or `ANY` (`app.all`). */
  method: string;
  /** Path with in-file prefixes applied (`app.use('/api', router)`, `@Controller('x')`). */
  path: string;
  /** Local name of the router/app object, for prefixes mounted in another file. */
  receiver?: string;
  /** `Class.method` for Nest. */
  handler?: string;
  line: number;
}

/** `app.use('/prefix', router)` where `router` is imported: the prefix applies to that file's routes. */
export interface JsRouterMount {
  prefix: string;
  router: JsImportedBinding;
  line: number;
}

/** An HTTP request the file makes, with the URL as far as it is static (`{}` marks each unknown part). */
export interface JsHttpCall {
  client: 'fetch' | 'axios' | 'jquery' | 'angular';
  /** Upper-case verb when known. */
  method?: string;
  url: string;
  /** The URL argument as written (shortened). */
  call: string;
  /** The call goes through an imported client instance (`api.get(…)`); kept only if that instance exists. */
  via?: JsImportedBinding;
  line: number;
}

/** `const api = axios.create({ baseURL })`: later calls on `api` are prefixed with its base URL. */
export interface JsHttpClientInstance {
  name: string;
  baseURL: string;
  exported: boolean;
  line: number;
}

/** A JavaScript or TypeScript file: its module edges, declarations and HTTP traffic. */
export interface JsFileFacts {
  kind: 'js';
  dialect: 'ts' | 'tsx' | 'js' | 'jsx';
  imports: JsImport[];
  /** `import(expr)`/`require(expr)` whose specifier is not a literal. */
  dynamicSpecifiers: number;
  declarations: JsDeclaration[];
  /** Local name exported as `default`, if it is an identifier. */
  defaultExport?: string;
  routes: JsHttpRoute[];
  mounts: JsRouterMount[];
  httpCalls: JsHttpCall[];
  clientInstances: JsHttpClientInstance[];
  syntaxErrors: Position[];
  syntaxErrorCount: number;
}

/** `tsconfig.json`/`jsconfig.json` as TypeScript reads it (comments, trailing commas allowed), never evaluated. */
export interface TsConfigFacts {
  kind: 'tsconfig';
  /** The parsed JSON object; `extends`, `references` and `compilerOptions` are applied by the resolver. */
  config: Record<string, unknown>;
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
  | TsConfigFacts;

/** What the tool could not read, said as data. */
export interface ExtractionProblem {
  code: string;
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

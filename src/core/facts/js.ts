/** Facts of one JavaScript/TypeScript file and of tsconfig files (see ../facts.ts). */
import type { HttpMethod } from '../graphData.js';

import type { Position } from '../facts.js';
import type { SqlDialect } from './sql.js';

/** How a JS/TS file refers to another module. */
export type JsImportKind =
  | 'import'
  | 'side-effect'
  | 'export-from'
  | 'export-all'
  | 'require'
  | 'dynamic-import'
  | 'import-equals';

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
  method: HttpMethod;
  /** Path with in-file prefixes applied (`app.use('/api', router)`, `@Controller('x')`). */
  path: string;
  /** Local name of the router/app object, for prefixes mounted in another file. */
  receiver?: string;
  /** `Class.method` for Nest. */
  handler?: string;
  /** Nest `@Version(…)` on the method, else `version` of `@Controller({…})`; absent: the app's default applies. */
  version?: NestVersion;
  line: number;
}

/** Nest versions a route or app names: `'2'`, `['1', '2']`, `VERSION_NEUTRAL` (served unversioned). */
export interface NestVersion {
  values: string[];
  neutral: boolean;
}

/**
 * A Nest application this file bootstraps (`const app = await NestFactory.create(AppModule)`) and
 * the URL options set on it; the graph applies them to the controllers the root module reaches.
 */
export interface JsNestApp {
  /** The root module when imported; absent when declared in this file. */
  module?: JsImportedBinding;
  /** `app.setGlobalPrefix('api')`. */
  globalPrefix?: string;
  /** Its `exclude` entries known statically: Nest route paths served without the prefix, with the verb when restricted. */
  prefixExclusions: { path: string; method?: HttpMethod }[];
  /** `app.enableVersioning({ type: VersioningType.URI, defaultVersion, prefix })`: the version is a path segment. */
  uriVersioning?: { prefix: string; defaultVersion?: NestVersion };
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
  method?: HttpMethod;
  url: string;
  /** The URL argument as written (shortened). */
  call: string;
  /** The call goes through an imported client instance (`api.get(…)`); kept only if that instance exists. */
  via?: JsImportedBinding;
  /** The call is made by a helper of the same file (`this.get('/users')` → `this.http.get(this.base + path)`): its name and line. */
  through?: { name: string; line: number };
  line: number;
}

/**
 * A request an exported function or a public method of an exported class makes with a URL
 * its callers pass in (`get(url) { return this.http.get(url, options) }`): `{$0}` stands for
 * the first argument, `{$1.key}` for a property of the second; filled in where other files call it.
 */
export interface JsHttpHelper {
  /** The exported class, for a method. */
  className?: string;
  name: string;
  client: JsHttpCall['client'];
  url: string;
  /** The verb when a parameter gives it (a template like `url`); else `method`. */
  verb?: string;
  method?: HttpMethod;
  line: number;
}

/** A call of a helper another file exports: `this.data.get(url)` on a member typed `DataService`, or `request('/x')`. */
export interface JsHelperCall {
  /** The imported class (for `this.member.name(…)`) or function. */
  via: JsImportedBinding;
  /** The method called on an instance of the class; absent for a function. */
  member?: string;
  /** Each argument's static text (`{}` for unknown parts), or null when nothing of it is known. */
  args: (string | null)[];
  call: string;
  line: number;
}

/** `const api = axios.create({ baseURL })`: later calls on `api` are prefixed with its base URL. */
export interface JsHttpClientInstance {
  name: string;
  baseURL: string;
  exported: boolean;
  line: number;
}

/**
 * SQL handed to a database driver (`pool.query('…')`, `knex.raw`, mssql's tagged
 * `sql\`…\``), as written: the SQL extractor parses it into `SqlQueryFacts`.
 */
export interface JsSqlQuery {
  /** The string with every part unknown statically written `{…}`. */
  text: string;
  /** Built at run time (interpolation or concatenation spliced into the SQL). */
  dynamic: boolean;
  /** Where the string starts. */
  line: number;
  column: number;
  /** `pg.query`, `mssql.query`, `mssql.sql`, `knex.raw`, `sequelize.query`, `mysql.execute`, … */
  api: string;
  /** From the driver the file imports (PostgreSQL `$1`, MySQL `?`, T-SQL `@p`). */
  dialect: SqlDialect;
}

/** A JavaScript or TypeScript file: its module edges, declarations, HTTP traffic and SQL. */
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
  /** Requests made with URLs this file's exported helpers are given; absent when none. */
  httpHelpers?: JsHttpHelper[];
  /** Calls of helpers other files export; absent when none. */
  helperCalls?: JsHelperCall[];
  /** Nest applications bootstrapped here (usually `main.ts`); absent when none. */
  nestApps?: JsNestApp[];
  /** Sorted by position. */
  sqlQueries: JsSqlQuery[];
  syntaxErrors: Position[];
  syntaxErrorCount: number;
}

/** `tsconfig.json`/`jsconfig.json` as TypeScript reads it (comments, trailing commas allowed), never evaluated. */
export interface TsConfigFacts {
  kind: 'tsconfig';
  /** The parsed JSON object; `extends`, `references` and `compilerOptions` are applied by the resolver. */
  config: Record<string, unknown>;
}

/**
 * What the estate graph holds, typed per node and edge kind: `GraphNode` and
 * `GraphEdge` are discriminated unions on `kind`, so a reader that checked the
 * kind reads its data without casts. The JSON result carries them as they are.
 */
import type { CouplingLevel, HistoryFigures } from './history.js';
import type { Ecosystem } from './packages.js';

/** Upper-case HTTP verbs as routes and calls name them; `ANY` when a route serves all or a call's verb is unknown. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A verb as written in source (`'put'`, `HttpMethod.Put`): known verbs upper-cased, anything else `ANY`. */
export function toHttpMethod(value: string): HttpMethod {
  const upper = value.toUpperCase();
  return (HTTP_METHODS as readonly string[]).includes(upper) ? (upper as HttpMethod) : 'ANY';
}

/** The history pass puts figures on every node files roll up to; repos get the window as well. */
interface WithHistory {
  history?: HistoryFigures;
}

export interface RepoHistoryFigures extends HistoryFigures {
  commits: number;
  merges: number;
  bulkCommits: number;
  committers: number;
  since: string;
  until: string;
  shallow: boolean;
}

export interface RepoNodeData {
  git: boolean;
  history?: RepoHistoryFigures;
}

export interface DotnetProjectData extends WithHistory {
  ecosystem?: undefined;
  language: 'csharp' | 'vb' | 'fsharp';
  sdkStyle: boolean;
  assemblyName: string;
  packageId?: string;
  targetFrameworks: string[];
}

export interface NpmProjectData extends WithHistory {
  ecosystem: 'npm';
  packageName?: string;
  version?: string;
  private: boolean;
  workspaces?: string[];
  enginesNode?: string;
  lockfile?: string;
}

export interface TypeNodeData extends WithHistory {
  typeKind: string;
  namespace: string;
  project?: string;
  files: string[];
  line: number;
  modifiers: string[];
}

export interface NamespaceNodeData extends WithHistory {
  /** The project compiling it; absent for source outside any project (the node's repo owns it). */
  project?: string;
}

export interface FileNodeData extends WithHistory {
  language: string;
}

export interface PackageNodeData {
  ecosystem: Ecosystem;
  /** Declared versions or ranges across the estate. */
  versions?: string[];
  /** Versions lockfiles resolved them to. */
  resolved?: string[];
  /** Newest stable release, when a registry answered. */
  latest?: string;
}

export interface ExternalNodeData {
  ecosystem?: 'node';
  reason?: string;
}

export interface ModuleNodeData {
  files: number;
  language: 'TypeScript' | 'JavaScript';
}

export interface EndpointNodeData {
  method: HttpMethod;
  route: string;
  framework?: 'aspnet' | 'minimal-api' | 'express' | 'fastify' | 'nest';
  /** A call no served route matches: the endpoint is where the call goes, as written. */
  unmatched?: true;
  /** The call's URL is not a static string. */
  dynamic?: true;
}

export interface TableIndexData {
  kind: string;
  columns: string[];
  name?: string;
  include?: string[];
  filter?: string;
}

export type TableNodeData =
  | {
      known: true;
      columns: number;
      indexes: TableIndexData[];
      sources: { repo: string; file: string; line: number; source: string }[];
    }
  /** Named by a query but declared nowhere the scan read. */
  | { known: false };

export interface ProcedureNodeData {
  routineKind: string;
  line: number;
}

export interface NodeDataByKind {
  repo: RepoNodeData;
  project: DotnetProjectData | NpmProjectData;
  namespace: NamespaceNodeData;
  type: TypeNodeData;
  file: FileNodeData;
  package: PackageNodeData;
  external: ExternalNodeData;
  module: ModuleNodeData;
  endpoint: EndpointNodeData;
  table: TableNodeData;
  procedure: ProcedureNodeData;
}

export type NodeKind = keyof NodeDataByKind;

interface NodeBase<K extends NodeKind> {
  id: string;
  kind: K;
  name: string;
  repo?: string;
  path?: string;
  loc?: number;
  complexity?: number;
  data?: NodeDataByKind[K];
}

export type GraphNode = { [K in NodeKind]: NodeBase<K> }[NodeKind];
export type GraphNodeOf<K extends NodeKind> = Extract<GraphNode, { kind: K }>;

export interface PackageRefData {
  version?: string;
  resolved?: string;
  /** Where the declaration is: a manifest kind, or `import` for a package used but not declared. */
  source: string;
  dependencyType?: string;
  line?: number;
  /** The lockfile that resolved the version (NuGet `packages.lock.json`). */
  lockfile?: string;
  undeclared?: true;
}

export interface ProjectDepData {
  /** Declarations behind the dependency (project, package, assembly, import); empty when only code explains it. */
  via: string[];
  typeReferences?: number;
  crossRepo: boolean;
  /** Used through another project's reference. */
  transitive?: true;
  /** No reference behind it at all (copied DLLs, GAC, loose source). */
  undeclared?: true;
  ecosystem?: 'npm';
}

/** Where the first type reference behind a `namespace-ref` is written (lowest repo, file, line). */
export interface NamespaceRefData {
  repo: string;
  file: string;
  line: number;
}

export interface CoChangeData {
  level: CouplingLevel;
  /** Shared changes over the mean of both revision counts, 0..1 (code-maat's degree). */
  degree: number;
  revisions: [number, number];
  /** No static dependency explains the coupling. */
  hidden: boolean;
  crossRepo: boolean;
  tickets?: string[];
  linkedByAuthor?: true;
}

export interface ImportData {
  kinds: string[];
  specifiers: string[];
  /** The first line of the importing file that imports the target. */
  line?: number;
  typeOnly?: true;
  crossRepo?: true;
  package?: string;
  resolvedBy?: string;
  reason?: string;
}

export interface HttpCallRecord {
  call: string;
  url: string;
  /** The call site: repo-relative file of the caller, and line. */
  file?: string;
  line: number;
  route?: string;
  method?: HttpMethod;
  endpoint?: string;
  action?: string;
  ambiguous?: true;
  /** The API gateway the call goes through, and the path it forwards. */
  via?: string;
  /** Other gateways that would take the call to the same handler (its host not known). */
  alsoVia?: string[];
  forwardedPath?: string;
  /** Why a call through a gateway matched nothing. */
  reason?: string;
}

export interface HttpCallData {
  method: HttpMethod;
  call: string;
  route?: string;
  url?: string;
  action?: string;
  ambiguous?: true;
  unmatched?: true;
  /** Why an unmatched call matched nothing: no static path, no route with that path, or the path served for other verbs only. */
  reason?: UnmatchedReason;
  /** The gateway of the first call, when it goes through one. */
  via?: string;
  calls: HttpCallRecord[];
}

/** One gRPC call: the rpc, the client method called (`GetBasketByIdAsync`) and where. */
export interface GrpcCallRecord {
  rpc: string;
  call: string;
  file: string;
  line: number;
}

/** Calls from a client type or file to the type implementing the service (`class BasketService : Basket.BasketBase`). */
export interface GrpcCallData {
  /** `package.Service` as the .proto declares it. */
  service: string;
  /** The .proto file declaring the service: repo-relative path. */
  proto: string;
  rpcs: string[];
  /** Set when the rpc name is implemented by more than one type: every one is linked. */
  ambiguous?: true;
  calls: GrpcCallRecord[];
}

/** `no-route-via-gateway`: a gateway takes the path but forwards it nowhere the estate serves (the call's `reason` says how). */
export type UnmatchedReason = 'dynamic-url' | 'no-route' | 'method-not-served' | 'no-route-via-gateway';

export interface ServesData {
  template: string;
  style: 'attribute' | 'conventional' | 'code';
  action?: string;
  file: string;
  line: number;
}

/** Edge kinds that carry no data beyond their weight. */
type Bare = undefined;

export interface EdgeDataByKind {
  contains: Bare;
  'project-ref': Bare;
  'package-ref': PackageRefData;
  'assembly-ref': { hintPath?: string };
  produces: Bare;
  /** Between estate types: where the first reference is written (none to an external type). */
  'type-ref': NamespaceRefData | undefined;
  'namespace-ref': NamespaceRefData;
  'project-dep': ProjectDepData;
  'co-change': CoChangeData;
  import: ImportData;
  'module-dep': Bare;
  'http-call': HttpCallData;
  'grpc-call': GrpcCallData;
  serves: ServesData;
  reads: Bare;
  writes: Bare;
  executes: Bare;
}

export type EdgeKind = keyof EdgeDataByKind;

interface EdgeBase<K extends EdgeKind> {
  from: string;
  to: string;
  kind: K;
  weight: number;
  data?: EdgeDataByKind[K];
}

export type GraphEdge = { [K in EdgeKind]: EdgeBase<K> }[EdgeKind];
export type GraphEdgeOf<K extends EdgeKind> = Extract<GraphEdge, { kind: K }>;

/** Type guards for filtering the result's node and edge lists by kind. */
export const isNodeOfKind =
  <K extends NodeKind>(kind: K) =>
  (node: GraphNode): node is GraphNodeOf<K> =>
    node.kind === kind;

export const isEdgeOfKind =
  <K extends EdgeKind>(kind: K) =>
  (edge: GraphEdge): edge is GraphEdgeOf<K> =>
    edge.kind === kind;

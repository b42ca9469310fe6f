/**
 * The estate cut into candidate services: clusters of code units (C# types,
 * JS/TS files) with the tables they use, the quality figures of the cut, the
 * seams between clusters, and the clusters ranked for strangler-fig extraction.
 * Built by src/graph/clusters (clusters, quality, seams) and src/plan
 * (candidates); analyzers read it as the `decomposition` need.
 */

/** How much each signal weighs in the clustering graph, and the settings that make it repeatable. */
export interface ClusteringSettings {
  weights: {
    /** `type-ref` / `import` references. */
    references: number;
    /** `http-call` / `grpc-call` edges. */
    calls: number;
    /** Two units reading or writing the same table. */
    sharedTables: number;
    /** `co-change` between the units' files. */
    changeCoupling: number;
  };
  /** Louvain resolution: above 1 gives more, smaller clusters. */
  resolution: number;
  seed: number;
  /** What the user fixed in `assess.config.json`; absent when nothing is pinned. */
  pins?: ClusteringPins;
  /**
   * A unit used from at least this many distinct areas (namespaces, and clusters
   * once they are known) is a hub and joins the shared layer. Default 3.
   */
  hubMinAreas?: number;
}

/**
 * Pins: patterns match a C# type's full name (`Harbor.Billing.Invoice`), a
 * file's `repo/path`, or a table's `schema.name`. `*` matches any run of
 * characters but `/`, `**` any run at all, `?` one character.
 */
export interface ClusteringPins {
  /** Fixed groups: every unit a group's patterns match ends up in one cluster named after the group. */
  groups: { name: string; patterns: string[] }[];
  /** Units treated as shared infrastructure: the shared layer, never a service's. */
  shared: string[];
}

export interface Cluster {
  /** Stable across runs: derived from the cluster's name (and a suffix when two names collide). */
  id: string;
  /** From its dominant namespaces or folders and tables. */
  name: string;
  /** Graph node ids of its code units, sorted. */
  members: string[];
  /** Table node ids it owns: it uses them most. */
  tables: string[];
  /** Table node ids it uses that other clusters use too. */
  sharedTables: string[];
  /**
   * The shared layer: hubs and kernels (logging, base classes, event-bus
   * abstractions) that every area uses, kept apart so they do not glue areas together.
   */
  shared?: true;
  /** The pin group that fixed it, when one did. */
  pinned?: string;
  /** The deployables (projects with their own entry point) its units belong to, sorted. */
  deployables?: string[];
  figures: {
    /** Code units. */
    size: number;
    /** Reference weight inside the cluster and across its border. */
    internalWeight: number;
    externalWeight: number;
    /** Reference weight between it and the shared layer (absent on the shared layer itself). */
    sharedLayerWeight?: number;
    /** IFN: its units used from another cluster. */
    interfaceNumber: number;
    /** Share of its units and tables that no other cluster uses. */
    exclusivity: number;
  };
}

/** The quality of a cut, as the decomposition literature computes it (Mono2Micro's definitions). */
export interface DecompositionQuality {
  /** Structural modularity SM. */
  structuralModularity: number;
  /** ICP: share of reference weight that crosses clusters. */
  interPartitionCallPercentage: number;
  /** IFN averaged over clusters. */
  interfaceNumber: number;
  /** NED: share of units in clusters of 5–20 units. */
  nonExtremeDistribution: number;
  /** Tables used by more than one cluster. */
  sharedTables: number;
  /** Service clusters (the shared layer not counted) and the units they hold. */
  clusters?: number;
  units?: number;
  /** Units in the shared layer. */
  sharedLayerUnits?: number;
}

/** What crosses between two clusters: the cut list an engineer works from. */
export interface Seam {
  from: string;
  to: string;
  /** Summed weight of what crosses, by the clustering weights. */
  weight: number;
  references: { from: string; to: string; count: number; file?: string; line?: number }[];
  calls: { from: string; to: string; kind: 'http-call' | 'grpc-call'; file?: string; line?: number }[];
  sharedTables: string[];
}

/** The named factors of a candidate's score. */
export type CandidateFactorId =
  | 'inboundDependencies'
  | 'inboundCalls'
  | 'callsBack'
  | 'sharedTables'
  | 'ownedTables'
  | 'cycles'
  | 'size'
  | 'knowledgeConcentration'
  | 'churn'
  | 'hotspots';

/** One factor: its raw value, the value scaled against the other candidates, and what it adds to the score. */
export interface CandidateFactor {
  id: CandidateFactorId;
  label: string;
  /** What risk it measures (`risk`: extraction effort, lowers the score) or what value (`value`: raises it). */
  side: 'risk' | 'value';
  /** Raw figure; null when it cannot be known (no history). */
  value: number | null;
  /** value ÷ the largest value among candidates, 0..1 (0 when unknown). */
  scaled: number;
  weight: number;
  /** scaled × weight, negative on the risk side. */
  contribution: number;
  /** Why the value is what it is, or why it is missing ("no history"). */
  note?: string;
}

export interface CandidateSeam {
  /** The other cluster. */
  cluster: string;
  /** Reference weight from the other cluster into this one (to cut or serve through an API). */
  inbound: number;
  /** Reference weight from this cluster into the other (calls it would make back). */
  outbound: number;
  /** HTTP/gRPC calls crossing, both ways. */
  calls: number;
  /** The weight the decomposition's `seams` give this pair, when they list it. */
  weight?: number;
  /** The heaviest crossing links, heaviest first. */
  links: { from: string; to: string; kind: string; weight: number }[];
}

/** A finding the analyzers reported on the candidate's projects or tables, which extracting it takes along. */
export interface CarriedFinding {
  ruleId: string;
  severity: string;
  message: string;
  /** The candidate's node the finding names (a project or a table). */
  node: string;
  findingId: string;
}

/** An endpoint of the candidate other clusters call over HTTP or gRPC: a contract the extracted service must keep. */
export interface CandidateEndpoint {
  /** The unit serving it (a controller or gRPC service type, a file). */
  unit: string;
  kind: 'http-call' | 'grpc-call';
  /** `GET api/v1/catalog/items/{id}`, or `package.Service/Rpc`. */
  endpoint: string;
  /** Where it is called from, in file and line order, with the gateway a call goes through. */
  callSites: { from: string; cluster: string; file?: string; line?: number; via?: string }[];
  /** The API gateways its calls go through: where the route must follow the extracted service. */
  via?: string[];
}

export interface CandidateWork {
  seams: CandidateSeam[];
  /** Its endpoints called from other clusters, most call sites first (absent in results of older versions). */
  endpoints?: CandidateEndpoint[];
  /** Tables it uses that other clusters use too: to split, or to share behind an API. */
  tablesToSplit: { table: string; alsoUsedBy: string[] }[];
  /** Projects holding its units, with their target frameworks. */
  projects: { project: string; targetFrameworks: string[] }[];
  /** Packages its projects reference. */
  packages: { package: string; versions: string[]; projects: string[] }[];
  /** Findings on its projects (end-of-life frameworks, vulnerable or outdated packages …), by rule. */
  projectFindings: CarriedFinding[];
  /** Findings on its tables (unindexed queries, non-sargable predicates …), by rule. */
  tableFindings: CarriedFinding[];
}

/** A cluster that is no extraction candidate: tooling (tests, benchmarks, seeders, dev hosts, load tests) or host plumbing. */
export interface NotCandidate {
  cluster: string;
  name: string;
  /** Why, in words, with the signal that decided it. */
  reason: string;
}

/** A fragment (under 5 units), a bag of view models, DTOs or settings, or a library (no table of its own, no endpoint). */
export type NotArea = 'fragment' | 'data shapes' | 'library';

/** A cluster ranked for strangler-fig extraction, with the score's factors, its reasons and its work list. */
export interface Candidate {
  cluster: string;
  name: string;
  /** 1 for the best score. */
  rank: number;
  /** Sum of the factors' contributions. */
  score: number;
  /** The risk side alone, 0..1 (weighted mean of the scaled risk factors): low is an easy extraction. */
  risk: number;
  /** The cut factors alone (inbound references, calls back, shared tables, cycles), 0..1: what the pilot is chosen by. */
  cuts: number;
  /** The value side alone, 0..1; null without history. */
  value: number | null;
  /** Fewest cuts, owns its data, few calls back: the one to learn on. */
  pilot?: true;
  /** Where the business invests most (churn and hotspots). */
  highestValue?: true;
  /**
   * The deployable it already is on its own (a service today): ranked after every cluster that still
   * lives inside a shared deployable, and never the pilot.
   */
  deployed?: string;
  /** What keeps it from being a business area to extract: ranked after the areas, never the pilot while an area is left. */
  notArea?: NotArea;
  factors: CandidateFactor[];
  reasons: string[];
  work: CandidateWork;
}

/** One link of an explained node: to what, in which cluster, and how much it pulls. */
export interface ExplainedLink {
  node: string;
  name: string;
  cluster?: string;
  kind: 'reference' | 'call' | 'table' | 'co-change';
  /** `out`: the explained node uses it; `in`: it uses the explained node. */
  direction: 'out' | 'in' | 'both';
  /** Raw weight times the clustering weight of its signal. */
  weight: number;
}

/** Why a node sits where it sits, what it is coupled to, and what moving it would change. */
export interface NodeExplanation {
  /** Node id, or the cluster id when a cluster is explained. */
  id: string;
  kind: 'cluster' | 'type' | 'file' | 'namespace' | 'table';
  name: string;
  /** The cluster it sits in (the one a namespace's types mostly sit in); absent when not clustered. */
  cluster?: string;
  /**
   * Summed link weight to each cluster, heaviest first: its own cluster against the others.
   * Links to the shared layer (`shared`) are no cut: the clustering does not count them as crossings.
   */
  pull: { cluster: string; weight: number; own: boolean; shared?: true }[];
  /** Its strongest links, heaviest first. */
  links: ExplainedLink[];
  /** Moving it to another cluster: the cut weight change (negative: the cut gets lighter), best first. */
  moves: { to: string; cutDelta: number }[];
  /** A namespace's or cluster's units by cluster. */
  members?: { cluster: string; units: string[] }[];
  /** A cluster's place in the extraction ranking. */
  candidate?: Candidate;
  /** For a cluster left out of the ranking (tooling, a host shell, plumbing): why. */
  notCandidate?: NotCandidate;
  /** The explanation in words. */
  summary: string[];
}

export interface Decomposition {
  settings: ClusteringSettings;
  clusters: Cluster[];
  quality: DecompositionQuality;
  seams: Seam[];
  /** Node id → cluster id, for every clustered unit and owned table. */
  clusterOf: ReadonlyMap<string, string>;
}

/** The settings a clustering uses when `assess.config.json` says nothing. */
export const DEFAULT_CLUSTERING_SETTINGS: ClusteringSettings = {
  weights: { references: 1, calls: 1, sharedTables: 1, changeCoupling: 0.5 },
  resolution: 1,
  seed: 1,
  hubMinAreas: 3,
};

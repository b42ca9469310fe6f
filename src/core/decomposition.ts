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

/**
 * Table ownership: a table belongs to the cluster that uses it most (reads and
 * writes, directly or through procedures); one used by several clusters is a
 * shared-data boundary for each of them. The shared layer owns a table only when
 * no service cluster uses it.
 */
import type { TableUse } from './units.js';

export interface TableOwnership {
  /** Table → owning cluster index. */
  owner: Map<string, number>;
  /** Table → cluster indexes using it. */
  users: Map<string, Set<number>>;
  /** Table → summed use count, for ranking a cluster's tables. */
  uses: Map<string, number>;
}

export function ownTables(
  tableUses: readonly TableUse[],
  clusterOf: ReadonlyMap<string, number>,
  sharedIndex: number | undefined,
  pinnedOwner: ReadonlyMap<string, number>,
): TableOwnership {
  const weights = new Map<string, Map<number, number>>();
  const uses = new Map<string, number>();
  for (const use of tableUses) {
    const cluster = clusterOf.get(use.unit);
    if (cluster === undefined) continue;
    const perCluster = weights.get(use.table) ?? new Map<number, number>();
    perCluster.set(cluster, (perCluster.get(cluster) ?? 0) + use.count);
    weights.set(use.table, perCluster);
    uses.set(use.table, (uses.get(use.table) ?? 0) + use.count);
  }
  const owner = new Map<string, number>();
  const users = new Map<string, Set<number>>();
  for (const [table, perCluster] of weights) {
    users.set(table, new Set(perCluster.keys()));
    const pinned = pinnedOwner.get(table);
    if (pinned !== undefined) {
      owner.set(table, pinned);
      continue;
    }
    let best: number | undefined;
    let bestWeight = -1;
    for (const [cluster, weight] of [...perCluster].sort(([a], [b]) => a - b)) {
      if (cluster === sharedIndex && perCluster.size > 1) continue;
      if (weight > bestWeight) {
        best = cluster;
        bestWeight = weight;
      }
    }
    if (best !== undefined) owner.set(table, best);
  }
  return { owner, users, uses };
}

/**
 * Quality figures of a cut, as Mono2Micro's published code computes them, over
 * the service clusters (the shared layer becomes a package every service
 * references, so a use of it is no call between services):
 *
 * - SM = (1/K)·Σ μᵢ/Nᵢ² − (2/(K(K−1)))·Σᵢ<ⱼ σᵢⱼ/(Nᵢ·Nⱼ), μᵢ the dependencies
 *   inside cluster i, σᵢⱼ those between i and j (distinct unit pairs), Nᵢ units;
 * - ICP: share of the reference and call weight that crosses clusters;
 * - IFN: units used from another cluster, per cluster (averaged for the cut);
 * - NED: share of units in clusters of 5–20 units (higher is better here;
 *   Mono2Micro reports 1 − this);
 * - per cluster, exclusivity: share of its units and tables no other cluster uses.
 */
import type { Cluster, DecompositionQuality } from '../../core/decomposition.js';
import type { CodeEdge } from './units.js';

export interface ClusterShape {
  members: readonly string[];
  shared: boolean;
}

export function qualityOf(
  clusters: readonly ClusterShape[],
  edges: readonly CodeEdge[],
  clusterOf: ReadonlyMap<string, number>,
  tableUsers: ReadonlyMap<string, ReadonlySet<number>>,
): { quality: DecompositionQuality; figures: Cluster['figures'][] } {
  const k = clusters.length;
  const internal = new Array<number>(k).fill(0);
  const external = new Array<number>(k).fill(0);
  const towardsShared = new Array<number>(k).fill(0);
  const inside = new Array<number>(k).fill(0);
  const between = new Map<string, number>();
  const interfaces = clusters.map(() => new Set<string>());
  let crossing = 0;
  let total = 0;
  for (const edge of edges) {
    const a = clusterOf.get(edge.from);
    const b = clusterOf.get(edge.to);
    if (a === undefined || b === undefined) continue;
    if (a === b) {
      internal[a]! += edge.count;
      inside[a]!++;
      if (!clusters[a]!.shared) total += edge.count;
      continue;
    }
    interfaces[b]!.add(edge.to);
    if (clusters[a]!.shared || clusters[b]!.shared) {
      towardsShared[clusters[a]!.shared ? b : a]! += edge.count;
      external[clusters[a]!.shared ? a : b]! += edge.count;
      continue;
    }
    external[a]! += edge.count;
    external[b]! += edge.count;
    crossing += edge.count;
    total += edge.count;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    between.set(key, (between.get(key) ?? 0) + 1);
  }

  const tablesOf = clusters.map(() => ({ used: 0, exclusive: 0 }));
  let sharedTables = 0;
  for (const users of tableUsers.values()) {
    if (users.size > 1) sharedTables++;
    for (const cluster of users) {
      tablesOf[cluster]!.used++;
      if (users.size === 1) tablesOf[cluster]!.exclusive++;
    }
  }

  const figures = clusters.map((cluster, i) => {
    const size = cluster.members.length;
    const used = size + tablesOf[i]!.used;
    const exclusive = size - interfaces[i]!.size + tablesOf[i]!.exclusive;
    return {
      size,
      internalWeight: internal[i]!,
      externalWeight: external[i]!,
      ...(cluster.shared ? {} : { sharedLayerWeight: towardsShared[i]! }),
      interfaceNumber: interfaces[i]!.size,
      exclusivity: round(used === 0 ? 1 : exclusive / used),
    };
  });

  const services = clusters.map((c, i) => ({ c, i })).filter(({ c }) => !c.shared);
  const serviceUnits = services.reduce((n, { c }) => n + c.members.length, 0);
  const cohesion = services.reduce((sum, { c, i }) => sum + inside[i]! / c.members.length ** 2, 0);
  let coupling = 0;
  for (const [key, count] of between) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    coupling += count / (clusters[a]!.members.length * clusters[b]!.members.length);
  }
  const ks = services.length;
  const structuralModularity = ks === 0 ? 0 : cohesion / ks - (ks > 1 ? (2 / (ks * (ks - 1))) * coupling : 0);
  const nonExtreme = services
    .filter(({ c }) => c.members.length >= 5 && c.members.length <= 20)
    .reduce((n, { c }) => n + c.members.length, 0);
  return {
    quality: {
      structuralModularity: round(structuralModularity),
      interPartitionCallPercentage: round(total === 0 ? 0 : crossing / total),
      interfaceNumber: round(ks === 0 ? 0 : services.reduce((n, { i }) => n + interfaces[i]!.size, 0) / ks),
      nonExtremeDistribution: round(serviceUnits === 0 ? 0 : nonExtreme / serviceUnits),
      sharedTables,
    },
    figures,
  };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

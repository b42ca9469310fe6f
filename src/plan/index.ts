/**
 * src/plan: the extraction plan over a decomposition. `planCandidates` ranks
 * the clusters for strangler-fig extraction by a transparent score of named
 * factors (score.ts), marks the low-risk pilot and the highest-value target,
 * and gives each its reasons and work list; explain.ts says why a node sits
 * where it sits. Pure: reads a scan result (fresh or saved), changes nothing.
 */
import type { Candidate, Cluster, NotArea } from '../core/decomposition.js';
import type { ScanResult } from '../core/result.js';
import { findingsByNode } from './carriedFindings.js';
import { clusterCycles } from './clusterCycles.js';
import { byId, estateView, type PlanSource } from './estateView.js';
import { factorValues } from './factorValues.js';
import { isDataShapeBag, servingClusters } from './pilotEligibility.js';
import { reasonsFor } from './reasons.js';
import { type FactorWeights, scoreCandidates, type Scored } from './score.js';
import { toolingClusters } from './tooling.js';
import { estateIndex, workList } from './workList.js';

export type { PlanSource } from './estateView.js';
export { DEFAULT_FACTOR_WEIGHTS, type FactorWeights } from './score.js';
export { toolingClusters } from './tooling.js';

export interface PlanOptions {
  /** Factor weights from `assess.config.json` (`candidates.weights`); unset factors keep their default. */
  weights?: FactorWeights;
}

/** The result with its clusters ranked (`candidates`), when the clustering left a decomposition in it. */
export function withCandidates(result: ScanResult, options: PlanOptions = {}): ScanResult {
  const { decomposition } = result;
  if (!decomposition) return result;
  const source = { ...result, decomposition };
  const notCandidates = [...toolingClusters(source).values()];
  return {
    ...result,
    candidates: planCandidates(source, options),
    ...(notCandidates.length > 0 ? { notCandidates } : {}),
  };
}

/** A pilot smaller than this teaches little about extracting a service (the low end of NED's 5–20 units). */
const MIN_PILOT_SIZE = 5;

/**
 * The clusters ranked best first; the shared layer is not a candidate (it becomes a library), nor is
 * tooling (tooling.ts): left out of the view like tests, so its links are no cuts of what it uses.
 */
export function planCandidates(source: PlanSource, options: PlanOptions = {}): Candidate[] {
  const tooling = toolingClusters(source);
  const clusters = source.decomposition.clusters.filter((c) => !tooling.has(c.id));
  const view = estateView({ ...source, decomposition: { ...source.decomposition, clusters } });
  const values = factorValues(view, clusterCycles(view));
  const candidates = view.clusters.filter((c) => !c.shared);
  const scored = scoreCandidates(new Map(candidates.map((c) => [c.id, values.get(c.id)!])), options.weights);
  const standalone = standaloneClusters(candidates);
  const kinds = {
    dataShapes: new Set(candidates.filter((c) => isDataShapeBag(c, view.nodes)).map((c) => c.id)),
    serving: servingClusters(view),
  };
  const short = new Map<string, NotArea>();
  for (const c of candidates) {
    const why = shortOfAnArea(c, kinds);
    if (why) short.set(c.id, why);
  }
  // Nothing to cut puts a cluster on top by score alone. What is already a service was cut already, and
  // a fragment, a bag of data shapes or a library is no service to extract: the business areas still
  // inside a shared deployable come first, which is what a strangler migration takes out.
  const tier = (c: Cluster) => (standalone.has(c.id) ? 2 : short.has(c.id) ? 1 : 0);
  const ranked = [...candidates].sort((a, b) => {
    const x = scored.get(a.id)!;
    const y = scored.get(b.id)!;
    return tier(a) - tier(b) || y.score - x.score || x.risk - y.risk || byId(a.id, b.id);
  });
  const sideOf = sideClusters(candidates, standalone);
  // A shared deployable's host (its Program, Startup) stays behind when areas are extracted around it;
  // in a deployable that is a service already, the cluster holding it is split off that service.
  const hosts = new Set(
    candidates
      .filter((c) => !standalone.has(c.id) && !sideOf.has(c.id) && c.members.some((m) => ENTRY_POINT_UNIT.test(m)))
      .map((c) => c.id),
  );
  const pilot = pickPilot(ranked, scored, standalone, { ...kinds, side: new Set(sideOf.keys()), hosts });
  const highestValue = pickHighestValue(ranked, scored);
  const index = estateIndex(
    view,
    findingsByNode(
      source.findings,
      (id) => view.nodes.has(id),
      (id) => view.clusterById.has(id),
    ),
  );
  return ranked.map((cluster, i): Candidate => {
    const s = scored.get(cluster.id)!;
    const work = workList(view, index, cluster);
    const marks = {
      pilot: cluster.id === pilot,
      highestValue: cluster.id === highestValue,
      ...(standalone.has(cluster.id) ? { standalone: cluster.deployables![0]! } : {}),
      ...(short.has(cluster.id) && !standalone.has(cluster.id) ? { notArea: short.get(cluster.id)! } : {}),
      ...(sideOf.has(cluster.id) ? { sideOf: sideOf.get(cluster.id)! } : {}),
      ...(hosts.has(cluster.id) ? { host: cluster.deployables?.[0] ?? '' } : {}),
    };
    return {
      cluster: cluster.id,
      name: cluster.name,
      rank: i + 1,
      score: s.score,
      risk: s.risk,
      cuts: s.cuts,
      value: s.value,
      ...(marks.pilot ? { pilot: true as const } : {}),
      ...(marks.highestValue ? { highestValue: true as const } : {}),
      ...(marks.standalone ? { deployed: marks.standalone } : {}),
      ...(marks.notArea ? { notArea: marks.notArea } : {}),
      factors: s.factors,
      reasons: reasonsFor(view, values.get(cluster.id)!, work, marks),
      work,
    };
  });
}

/**
 * The fewest cuts (inbound references, calls in, calls back, shared tables, cycles), among candidates
 * big enough to teach something, that are a business area (no bag of view models, DTOs or settings),
 * not already deployed on their own (a service today is no extraction to learn on), not split off
 * such a service (that splits a service, it does not strangle the monolith), and not holding a shared
 * deployable's entry point (the host stays, the areas leave around it); among those, one that
 * owns tables or serves endpoints when any does; ties in rank order. Knowledge
 * concentration is left out: unchanged code has none measured, and would win for being dormant.
 * Each condition is dropped, last first, when no candidate meets it.
 */
function pickPilot(
  ranked: readonly Cluster[],
  scored: ReadonlyMap<string, Scored>,
  standalone: ReadonlySet<string>,
  kinds: {
    dataShapes: ReadonlySet<string>;
    serving: ReadonlySet<string>;
    side: ReadonlySet<string>;
    hosts: ReadonlySet<string>;
  },
) {
  const conditions: ((c: Cluster) => boolean)[] = [
    (c) => c.members.length >= MIN_PILOT_SIZE,
    (c) => !kinds.dataShapes.has(c.id),
    (c) => !standalone.has(c.id),
    (c) => !kinds.side.has(c.id),
    (c) => !kinds.hosts.has(c.id),
    (c) => kinds.serving.has(c.id),
  ];
  for (let n = conditions.length; n >= 0; n--) {
    const pool = ranked.filter((c) => conditions.slice(0, n).every((meets) => meets(c)));
    if (pool.length > 0) return [...pool].sort((a, b) => scored.get(a.id)!.cuts - scored.get(b.id)!.cuts)[0]?.id;
  }
  return undefined;
}

/**
 * What keeps a cluster from being a business area to extract, the pilot's first conditions in order: a
 * fragment (under 5 units), a bag of data shapes, a library (no table of its own, no endpoint served).
 */
function shortOfAnArea(
  c: Cluster,
  kinds: { dataShapes: ReadonlySet<string>; serving: ReadonlySet<string> },
): NotArea | undefined {
  if (c.members.length < MIN_PILOT_SIZE) return 'fragment';
  if (kinds.dataShapes.has(c.id)) return 'data shapes';
  return kinds.serving.has(c.id) ? undefined : 'library';
}

/**
 * A cluster holding this share of the units of the one deployable it belongs to is that service. Below 1 because the clustering may
 * split off a fragment of a few units (a folder of helpers) that is still the same service.
 */
const STANDALONE_SHARE = 0.8;

/**
 * The cluster holding a deployable's entry point is that service only when it also holds at least half of it: in a
 * monolith's web project of ten areas, the area the clustering put `Program` in is one of ten, not the service.
 */
const ENTRY_POINT_SHARE = 0.5;

/**
 * The unit a deployable starts from: `Program` or `Startup` (a type, or its file), a `main` script. The cluster
 * holding it is the service, whatever side clusters the clustering split off it (a hosted identity server, a
 * folder of admin pages).
 */
const ENTRY_POINT_UNIT = /(?:^|[./+:])(?:Program|Startup)(?:\.cs)?$|(?:^|\/)main\.[cm]?[jt]sx?$/;

/**
 * Clusters that are the one deployable they belong to: already a service of their own. Either nearly all of
 * it, or the part holding its entry point and most of it (the rest was split off it).
 */
export function standaloneClusters(candidates: readonly Cluster[]): Set<string> {
  const unitsIn = new Map<string, number>();
  for (const c of candidates)
    for (const d of c.deployables ?? []) unitsIn.set(d, (unitsIn.get(d) ?? 0) + c.members.length);
  return new Set(
    candidates
      .filter(
        (c) =>
          c.deployables?.length === 1 &&
          (c.members.length >= STANDALONE_SHARE * (unitsIn.get(c.deployables[0]!) ?? 0) ||
            (c.members.length >= ENTRY_POINT_SHARE * (unitsIn.get(c.deployables[0]!) ?? 0) &&
              c.members.some((member) => ENTRY_POINT_UNIT.test(member)))),
      )
      .map((c) => c.id),
  );
}

/**
 * Cluster id → the cluster that is its deployable's service, for the clusters split off a deployable that is
 * already a service (a hosted login UI beside the identity service). In a deployable no cluster is the service
 * of (a monolith's web project), every cluster is an area still to extract.
 */
function sideClusters(candidates: readonly Cluster[], standalone: ReadonlySet<string>): Map<string, string> {
  const serviceOf = new Map<string, string>();
  for (const c of candidates) if (standalone.has(c.id)) serviceOf.set(c.deployables![0]!, c.id);
  const side = new Map<string, string>();
  for (const c of candidates) {
    const service = c.deployables?.length === 1 ? serviceOf.get(c.deployables[0]!) : undefined;
    if (service && service !== c.id) side.set(c.id, service);
  }
  return side;
}

/** The highest value (churn and hotspots); none without history or when nothing changed. */
function pickHighestValue(ranked: readonly { id: string }[], scored: ReadonlyMap<string, Scored>) {
  const best = [...ranked].sort((a, b) => (scored.get(b.id)!.value ?? 0) - (scored.get(a.id)!.value ?? 0))[0];
  const value = best ? scored.get(best.id)!.value : null;
  return value ? best!.id : undefined;
}

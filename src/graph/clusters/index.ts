/**
 * The estate cut into candidate services. One weighted graph combines the
 * signals (weightedGraph.ts); Louvain with a fixed seed finds communities
 * (louvain.ts); the hubs every area uses are kept apart as a shared layer
 * (sharedLayer.ts); deployables and pins are respected (partition.ts); tables
 * go to the cluster that uses them most (tables.ts); clusters are named from
 * their namespaces and tables (naming.ts); quality figures (quality.ts) and
 * seams (seams.ts) describe the cut.
 */
import path from 'node:path';
import type { Cluster, ClusteringSettings, Decomposition } from '../../core/decomposition.js';
import type { EstateGraph } from '../../core/graph.js';
import type { EstateModel } from '../../core/model.js';
import { couplingFigures } from '../metrics/coupling.js';
import { DEFAULT_AREA_RULES, mergeLayersOfDeployables } from './deployableAreas.js';
import { communities } from './louvain.js';
import { followContainers } from './nestedTypes.js';
import { dominantArea, estateSegments, nameClusters, sharedLayerName, slug } from './naming.js';
import { type Part, absorbFragments, anchorOf, partition, strongest } from './partition.js';
import { compilePattern, matchesAny } from './pattern.js';
import { qualityOf } from './quality.js';
import { findSeams } from './seams.js';
import { findHubs, settleHubs } from './sharedLayer.js';
import { ownTables } from './tables.js';
import { collectUnits, compare, type Unit } from './units.js';
import { buildWeightedGraph } from './weightedGraph.js';

export const SHARED_LAYER_ID = 'shared';
/** Fewer units than this is a fragment, not a candidate service (see absorbFragments): NED's low end. */
const MIN_CLUSTER_UNITS = 5;

export function decompose(graph: EstateGraph, model: EstateModel, settings: ClusteringSettings): Decomposition {
  const unitGraph = collectUnits(graph, model);
  const weighted = buildWeightedGraph(graph, unitGraph, settings.weights);
  const minAreas = settings.hubMinAreas ?? 3;
  const pins = readPins(
    settings,
    unitGraph.units,
    [...new Set(unitGraph.tableUses.map((use) => use.table))].sort(compare),
  );

  const anchors = new Map<string, string>();
  for (const unit of unitGraph.units) {
    const anchor = anchorOf(unit, pins.groupOf.get(unit.id));
    if (anchor) anchors.set(unit.id, anchor);
  }
  const estate = estateSegments(unitGraph.units.map((u) => u.label));
  const louvainSettings = { resolution: settings.resolution, seed: settings.seed };
  // First pass: areas to measure how widely each unit is used.
  const firstPass = partition(
    unitGraph.units,
    communities(weighted, pins.shared, louvainSettings),
    anchors,
    weighted.neighbours,
    pins.shared,
  );
  const fixed = new Set([...pins.shared, ...pins.groupOf.keys()]);
  const hubs = findHubs(unitGraph.edges, firstPass, couplingFigures(graph).type, minAreas, fixed);
  const leftOut = new Set([...pins.shared, ...hubs]);
  const parts = partition(
    unitGraph.units,
    communities(weighted, leftOut, louvainSettings),
    anchors,
    weighted.neighbours,
    leftOut,
  );
  // Layers of one deployable merge before hubs settle: a hub the parts of one service use (Ordering's
  // DbContext, used by its commands, queries and integration events) is that service's, not shared.
  const areas = mergeLayersOfDeployables(parts, weighted.neighbours, DEFAULT_AREA_RULES, (members) =>
    dominantArea(
      members.map((m) => unitGraph.unitById.get(m)?.label ?? ''),
      estate,
    ),
  );
  const staying = settleHubs(hubs, areas, unitGraph.edges, weighted.neighbours, unitGraph.unitById, minAreas);
  const settled = absorbFragments(
    areas,
    weighted.neighbours,
    MIN_CLUSTER_UNITS,
    (unit) => unitGraph.unitById.get(unit)?.deployable,
  );
  const followers = sharedFollowers(
    settled,
    new Set([...pins.shared, ...staying]),
    weighted.neighbours,
    unitGraph.unitById,
  );
  const sharedMembers = [...new Set([...pins.shared, ...staying, ...followers.flatMap((p) => p.members)])].sort(
    compare,
  );

  const placed: (Part & { shared: boolean })[] = settled
    .filter((part) => !followers.includes(part))
    .map((p) => ({ ...p, shared: false }));
  if (sharedMembers.length > 0) placed.push({ members: sharedMembers, shared: true });
  const nestedPlaced = followContainers(placed, new Set([...pins.shared, ...pins.groupOf.keys()]));
  const ordered = nestedPlaced
    .filter((shape) => !shape.shared)
    .sort((a, b) => b.members.length - a.members.length || compare(a.members[0] ?? '', b.members[0] ?? ''));
  const sharedShape = nestedPlaced.find((shape) => shape.shared);
  const shapes: (Part & { shared: boolean })[] = [...ordered, ...(sharedShape ? [sharedShape] : [])];
  const sharedIndex = sharedShape ? shapes.length - 1 : undefined;
  const clusterOfUnit = new Map<string, number>();
  shapes.forEach((shape, index) => {
    for (const member of shape.members) clusterOfUnit.set(member, index);
  });

  const pinnedTableOwner = new Map<string, number>();
  for (const [table, group] of pins.tableGroup) {
    const index = shapes.findIndex((s) => s.anchor === `pin:${group}`);
    if (index >= 0) pinnedTableOwner.set(table, index);
  }
  for (const table of pins.sharedTables) if (sharedIndex !== undefined) pinnedTableOwner.set(table, sharedIndex);
  const tables = ownTables(unitGraph.tableUses, clusterOfUnit, sharedIndex, pinnedTableOwner);

  const ownedBy = shapes.map(() => [] as string[]);
  for (const [table, owner] of tables.owner) ownedBy[owner]!.push(table);
  for (const list of ownedBy)
    list.sort((a, b) => (tables.uses.get(b) ?? 0) - (tables.uses.get(a) ?? 0) || compare(a, b));

  const ids = clusterNames(shapes, ownedBy, unitGraph.unitById, unitGraph.units);
  const { quality, figures } = qualityOf(shapes, unitGraph.edges, clusterOfUnit, tables.users);
  const sharedTablesOf = shapes.map(() => [] as string[]);
  for (const [table, users] of tables.users)
    if (users.size > 1) for (const user of users) sharedTablesOf[user]!.push(table);
  const clusters: Cluster[] = shapes.map((shape, index) => {
    const sharedTables = (sharedTablesOf[index] ?? []).sort(compare);
    const deployables = [
      ...new Set(shape.members.map((m) => unitGraph.unitById.get(m)?.deployable).filter((d) => d !== undefined)),
    ].sort(compare);
    return {
      id: ids[index]!.id,
      name: ids[index]!.name,
      members: shape.members,
      tables: [...ownedBy[index]!].sort(compare),
      sharedTables,
      ...(shape.shared ? { shared: true as const } : {}),
      ...(shape.anchor?.startsWith('pin:') ? { pinned: shape.anchor.slice('pin:'.length) } : {}),
      ...(deployables.length > 0 ? { deployables } : {}),
      figures: figures[index]!,
    };
  });
  const clusterIds = clusters.map((c) => c.id);
  const seams = findSeams(
    graph,
    unitGraph.edges,
    clusterIds,
    clusterOfUnit,
    unitGraph.unitById,
    tables.users,
    settings.weights,
  );
  const clusterOf = new Map<string, string>();
  for (const [unit, index] of clusterOfUnit) clusterOf.set(unit, clusterIds[index]!);
  for (const [table, index] of tables.owner) clusterOf.set(table, clusterIds[index]!);
  return {
    settings,
    clusters,
    quality: {
      ...quality,
      clusters: ordered.length,
      units: ordered.reduce((n, p) => n + p.members.length, 0),
      sharedLayerUnits: sharedShape?.members.length ?? 0,
    },
    seams,
    clusterOf,
  };
}

/**
 * Fragments that no deployable holds (libraries several deployables reference) and that are tied
 * to nothing but the shared layer — an event-bus implementation next to its abstractions — or to
 * nothing at all but sit in a namespace the shared layer holds or in a library project several deployables
 * compile in, or that no deployable holds (extension methods the services call, which leave no type reference), are shared
 * infrastructure too.
 */
function sharedFollowers(
  parts: readonly Part[],
  shared: ReadonlySet<string>,
  neighbours: ReadonlyMap<string, ReadonlyMap<string, number>>,
  unitById: ReadonlyMap<string, Unit>,
): Part[] {
  if (shared.size === 0) return [];
  const sharedLabels = new Set([...shared].map((id) => unitById.get(id)?.label));
  return parts.filter((part) => {
    if (part.members.length >= MIN_CLUSTER_UNITS || part.anchor) return false;
    if (part.members.some((m) => unitById.get(m)?.deployable)) return false;
    const own = new Set(part.members);
    let towardsShared = 0;
    for (const member of part.members)
      for (const [other, weight] of neighbours.get(member) ?? []) {
        if (own.has(other) || other.startsWith('table:')) continue;
        if (!shared.has(other)) return false;
        towardsShared += weight;
      }
    // Tied to nothing at all: its namespace tells, when the shared layer holds that namespace, or its project.
    return (
      towardsShared > 0 ||
      part.members.every((m) => sharedLabels.has(unitById.get(m)?.label)) ||
      part.members.every((m) => unitById.get(m)?.project !== undefined)
    );
  });
}

interface Pins {
  groupOf: Map<string, string>;
  shared: Set<string>;
  tableGroup: Map<string, string>;
  sharedTables: Set<string>;
}

/** Which units and tables the config's pins match: the first group that matches wins; shared wins over groups. */
function readPins(settings: ClusteringSettings, units: readonly Unit[], tables: readonly string[]): Pins {
  const groups = (settings.pins?.groups ?? []).map((g) => ({ name: g.name, patterns: g.patterns.map(compilePattern) }));
  const shared = (settings.pins?.shared ?? []).map(compilePattern);
  const pins: Pins = { groupOf: new Map(), shared: new Set(), tableGroup: new Map(), sharedTables: new Set() };
  if (groups.length === 0 && shared.length === 0) return pins;
  for (const unit of units) {
    const names = unitNames(unit);
    if (matchesAny(shared, names)) {
      pins.shared.add(unit.id);
      continue;
    }
    const group = groups.find((g) => matchesAny(g.patterns, names));
    if (group) pins.groupOf.set(unit.id, group.name);
  }
  for (const table of tables) {
    // `table:dbo.members`, `table:postgresql:public.users`: matched by `schema.name`.
    const key = table.slice('table:'.length);
    const names = [key.slice(key.lastIndexOf(':') + 1)];
    if (matchesAny(shared, names)) pins.sharedTables.add(table);
    else {
      const group = groups.find((g) => matchesAny(g.patterns, names));
      if (group) pins.tableGroup.set(table, group.name);
    }
  }
  return pins;
}

/** A type by its full name, a file by `repo/path`. */
function unitNames(unit: Unit): string[] {
  const names = [unit.id.replace(/^(type|file):/, '')];
  if (unit.file) names.push(`${unit.repo}/${unit.file}`);
  return names;
}

/** The project compiling most of the members, by its file name (`Infrastructure.Dapper`). */
function mainProject(members: readonly string[], unitById: ReadonlyMap<string, Unit>): { project?: string } {
  const counts = new Map<string, number>();
  for (const member of members) {
    const project = unitById.get(member)?.project;
    if (project) counts.set(project, (counts.get(project) ?? 0) + 1);
  }
  const best = strongest(counts);
  return best ? { project: path.posix.basename(best).replace(/\.[^.]+$/, '') } : {};
}

function clusterNames(
  shapes: readonly (Part & { shared: boolean })[],
  ownedBy: readonly string[][],
  unitById: ReadonlyMap<string, Unit>,
  units: readonly Unit[],
): { id: string; name: string }[] {
  const estate = estateSegments(units.map((u) => u.label));
  const labelsOf = (members: readonly string[]) => members.map((m) => unitById.get(m)?.label ?? '');
  const reserved = new Map<number, { id: string; name: string }>();
  shapes.forEach((shape, index) => {
    // Named once the areas are: its name leaves their words out.
    if (shape.shared) reserved.set(index, { id: SHARED_LAYER_ID, name: '' });
    else if (shape.anchor?.startsWith('pin:')) {
      const name = shape.anchor.slice('pin:'.length);
      reserved.set(index, { id: slug(name), name });
    }
  });
  const free = shapes.map((_s, i) => i).filter((i) => !reserved.has(i));
  const taken = new Set([...reserved.values()].map((r) => r.id));
  const named = nameClusters(
    free.map((i) => ({
      labels: labelsOf(shapes[i]!.members),
      tables: ownedBy[i]!,
      ...mainProject(shapes[i]!.members, unitById),
    })),
    estate,
    taken,
  );
  const result: { id: string; name: string }[] = [];
  free.forEach((index, n) => {
    let { id } = named[n]!;
    const base = id;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    reserved.set(index, { id, name: named[n]!.name });
  });
  const areas = [...reserved.values()].filter((r) => r.id !== SHARED_LAYER_ID).map((r) => r.name);
  shapes.forEach((shape, i) => {
    result.push(
      shape.shared
        ? { id: SHARED_LAYER_ID, name: sharedLayerName(labelsOf(shape.members), estate, areas) }
        : reserved.get(i)!,
    );
  });
  return result;
}

/**
 * Cluster names from their dominant namespaces (or folders) and tables. A
 * segment that most of the estate shares (`Microsoft`, the product name) or
 * that names a layer rather than an area (`Api`, `Domain`, `Controllers`)
 * says nothing about the area; the name is the segment most members carry
 * after those are set aside, else the table the cluster uses most. Ids are the
 * names in lower case, with a number when two clusters share one.
 */
import { compare } from './units.js';

const LAYER_WORDS = new Set(
  [
    'abstractions',
    'api',
    'apis',
    'app',
    'application',
    'apps',
    'client',
    'commands',
    'components',
    'controllers',
    'core',
    'data',
    'domain',
    'dto',
    'dtos',
    'entities',
    'events',
    'extensions',
    'handlers',
    'helpers',
    'impl',
    'implementation',
    'infrastructure',
    'interfaces',
    'internal',
    'lib',
    'model',
    'models',
    'queries',
    'repositories',
    'request',
    'requests',
    'response',
    'responses',
    'server',
    'service',
    'services',
    'src',
    'utils',
    'viewmodels',
    'views',
    'microsoft',
    'system',
  ].map((w) => w.toLowerCase()),
);

/** Segments carried by more than this share of all units name the estate, not an area. */
const ESTATE_WIDE_SHARE = 0.4;

export interface NamingInput {
  /** Member labels (namespace or `repo/folder`), one per member. */
  labels: string[];
  /** Owned tables, most used first. */
  tables: string[];
  /** The project most members are compiled in (its file name), when any. */
  project?: string;
}

export function segmentsOf(label: string): string[] {
  return label.split(/[./\\]/).filter((s) => s.length > 0 && s !== '<global>');
}

/** How often each lower-cased segment occurs over all units, and those that name the estate rather than an area. */
export interface EstateSegments {
  counts: ReadonlyMap<string, number>;
  wide: ReadonlySet<string>;
}

export function estateSegments(allLabels: readonly string[]): EstateSegments {
  const counts = new Map<string, number>();
  for (const label of allLabels)
    for (const segment of new Set(segmentsOf(label).map((s) => s.toLowerCase())))
      counts.set(segment, (counts.get(segment) ?? 0) + 1);
  const limit = allLabels.length * ESTATE_WIDE_SHARE;
  return { counts, wide: new Set([...counts].filter(([, n]) => n > limit && allLabels.length >= 4).map(([s]) => s)) };
}

/**
 * Area segments ranked by how many members carry them, each in its most frequent spelling. Between
 * segments as many members carry, the rarer one in the estate is the more telling (`WebSPA` over the
 * `Web` every front end shares), then the outer one (`IdentityServerHost` over its `Quickstart.UI`).
 */
export function rankedSegments(
  labels: readonly string[],
  estate: EstateSegments,
  setAside: (key: string) => boolean = (key) => LAYER_WORDS.has(key),
): string[] {
  const counts = new Map<string, { n: number; depth: number; spellings: Map<string, number> }>();
  for (const label of labels) {
    const segments = segmentsOf(label);
    for (const [depth, segment] of segments.entries()) {
      const key = segment.toLowerCase();
      if (estate.wide.has(key) || setAside(key) || /^\d+$/.test(key)) continue;
      if (segments.indexOf(segment) !== depth) continue;
      const entry = counts.get(key) ?? { n: 0, depth: 0, spellings: new Map<string, number>() };
      entry.n++;
      entry.depth += depth;
      entry.spellings.set(segment, (entry.spellings.get(segment) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  const rarity = (key: string) => estate.counts.get(key) ?? 0;
  return [...counts]
    .sort(([a, x], [b, y]) => y.n - x.n || rarity(a) - rarity(b) || x.depth / x.n - y.depth / y.n || compare(a, b))
    .map(([, entry]) => [...entry.spellings].sort(([a, x], [b, y]) => y - x || compare(a, b))[0]![0]);
}

/**
 * Words of a project's structure that say nothing of what a shared layer holds. Unlike an area's name, a
 * shared layer's may be layer words: a kernel of entities, enums, utilities and settings is what it is.
 */
const STRUCTURE_WORDS = new Set([
  'api',
  'apis',
  'app',
  'apps',
  'application',
  'core',
  'data',
  'impl',
  'implementation',
  'infrastructure',
  'internal',
  'lib',
  'microsoft',
  'service',
  'services',
  'src',
  'system',
]);

/**
 * The shared layer's name: the two segments most of its members carry, setting aside the words naming the
 * other clusters (a kernel of `Bit.Core.AdminConsole.Entities` is the organisation entities every area uses;
 * calling the shared layer "AdminConsole" reads as if it were that area). Layer words stay: they say what a
 * kernel holds. When every segment names an area, the areas' words are kept.
 */
export function sharedLayerName(labels: readonly string[], estate: EstateSegments, areaNames: readonly string[]) {
  const areaWords = new Set(areaNames.flatMap((name) => name.toLowerCase().split(/[\s,]+/)));
  const kernel = rankedSegments(labels, estate, (key) => STRUCTURE_WORDS.has(key) || areaWords.has(key));
  const top = (kernel.length > 0 ? kernel : rankedSegments(labels, estate)).slice(0, 2);
  return `Shared layer${top.length > 0 ? ` (${top.join(', ')})` : ''}`;
}

/** The area segment most labels carry, when more than half of them do: what the members say their area is. */
export function dominantArea(labels: readonly string[], estate: EstateSegments): string | undefined {
  const top = rankedSegments(labels, estate)[0];
  if (top === undefined) return undefined;
  const key = top.toLowerCase();
  const carrying = labels.filter((label) => segmentsOf(label).some((s) => s.toLowerCase() === key)).length;
  return carrying * 2 > labels.length ? key : undefined;
}

export function tableName(tableId: string): string {
  const key = tableId.replace(/^table:/, '');
  return key.slice(key.lastIndexOf('.') + 1);
}

export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'cluster'
  );
}

/**
 * Names for clusters given in a stable order (largest first): the best segment;
 * when an earlier cluster took that name, the best segment with the next one
 * of its own that makes it distinct (`Auth Devices` next to `Auth`), else with
 * its main table, else with its project; a number only when all of those are taken.
 */
export function nameClusters(
  inputs: readonly NamingInput[],
  estate: EstateSegments,
  reserved: ReadonlySet<string> = new Set(),
): { id: string; name: string }[] {
  // Reserved ids (the shared layer's, pinned groups') are taken names too: a cluster named `Shared` is no `shared-2`.
  const taken = new Set<string>(reserved);
  const ids = new Set<string>();
  return inputs.map((input) => {
    const ranked = rankedSegments(input.labels, estate);
    // Nothing but layer words (`Controllers`): its main table says more, else its project (`Events`).
    const fallback = input.tables[0]
      ? tableName(input.tables[0])
      : (input.project ?? segmentsOf(input.labels[0] ?? '').pop() ?? 'Cluster');
    const first = ranked[0] ?? fallback;
    const qualifiers = [
      ...ranked.slice(1),
      ...input.tables.slice(0, 1).map(tableName),
      ...(input.project ? [input.project] : []),
    ].filter((q) => q.toLowerCase() !== first.toLowerCase());
    let name = first;
    const isTaken = (n: string) => taken.has(n.toLowerCase()) || taken.has(slug(n));
    if (isTaken(name)) name = qualifiers.map((q) => `${first} ${q}`).find((n) => !isTaken(n)) ?? first;
    taken.add(name.toLowerCase());
    let id = slug(name);
    for (let n = 2; ids.has(id); n++) id = `${slug(name)}-${n}`;
    ids.add(id);
    return { id, name };
  });
}

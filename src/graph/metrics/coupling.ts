/**
 * Coupling figures per type, namespace, project and repo (Robert C. Martin's
 * package metrics), computed from the estate graph in one pass over its edges.
 *
 * The code dependencies are the edges between units of code: `type-ref` (C#
 * types, and files with top-level statements), `import` (JS/TS files),
 * `http-call` and `grpc-call` (the calling type or file to the serving one).
 * Each one is rolled up to every level by the containers of its two ends, so
 * all levels count the same references. The graph's `namespace-ref` and
 * `module-dep` are roll-ups of these same edges, made here again so that test
 * code can be left out; `project-dep` is added where it says more (a declared
 * project reference no code uses yet still drags the project along). JS/TS
 * files sit at the type level and their folders (`module` nodes) at the
 * namespace level.
 *
 * At each level, for a node X: Ca = distinct nodes of that level depending on X,
 * Ce = distinct nodes X depends on, I = Ce / (Ca + Ce), A = abstract types and
 * interfaces / all C# types X holds, D = |A + I − 1|. References to what the
 * estate does not hold (framework types, packages) are left out: they are not
 * areas a migration has to cut.
 */
import path from 'node:path';
import type { EstateGraph } from '../../core/graph.js';
import type { GraphNode, NodeKind } from '../../core/graphData.js';
import { namespaceId, namespaceOwner, repoId } from '../../core/ids.js';
import { moduleId } from '../js/importGraph.js';
import { isTestFile, testProjects } from './testCode.js';

export const COUPLING_LEVELS = ['type', 'namespace', 'project', 'repo'] as const;
export type CouplingUnitLevel = (typeof COUPLING_LEVELS)[number];

/** Edges from one unit of code to another. */
const CODE_EDGES = new Set(['type-ref', 'import', 'http-call', 'grpc-call']);
/** The graph's roll-ups that hold more than the code edges (declared references), by the level they join. */
const ROLLUP_LEVEL: Readonly<Record<string, CouplingUnitLevel>> = { 'project-dep': 'project' };

export interface CouplingFigures {
  id: string;
  kind: NodeKind;
  name: string;
  repo?: string;
  /** Ca: distinct nodes of the same level that depend on this one. */
  afferent: number;
  /** Ce: distinct nodes of the same level this one depends on. */
  efferent: number;
  /** I = Ce / (Ca + Ce); 0 for a node nothing depends on and that depends on nothing. */
  instability: number;
  /** A = abstract types / types; absent where no C# type is held (JS/TS, projects without code). */
  abstractness?: number;
  /** D = |A + I − 1|, with A. */
  distance?: number;
  types: number;
  abstractTypes: number;
  /** Enums: no behaviour either, but concrete by Martin's count. */
  enumTypes: number;
  /** References into it from other nodes of its level (summed counts), and out of it. */
  referencesIn: number;
  referencesOut: number;
  /** Distinct other namespaces, projects and repos whose code depends on it. */
  dependentNamespaces: number;
  dependentProjects: number;
  dependentRepos: number;
}

/** Per level, every node that depends or is depended on, by id. */
export type EstateCoupling = Record<CouplingUnitLevel, CouplingFigures[]>;

/** Where a unit of code sits at each level; `undefined` where the estate has no such container. */
type Containers = Record<CouplingUnitLevel, string | undefined> & { test: boolean };

export interface CouplingSettings {
  /**
   * `exclude` (the default): references made by test code (projects referencing a test framework,
   * JS/TS test files) are not counted, nor test projects' declared dependencies.
   */
  tests?: 'include' | 'exclude';
}

interface Tally {
  dependents: Set<string>;
  dependencies: Set<string>;
  referencesIn: number;
  referencesOut: number;
  dependentNamespaces: Set<string>;
  dependentProjects: Set<string>;
  dependentRepos: Set<string>;
}

export function couplingFigures(graph: EstateGraph, settings: CouplingSettings = {}): EstateCoupling {
  const tests = testProjects(graph);
  const containersOf = containerLookup(graph, tests);
  const countTests = settings.tests === 'include';
  const tallies = Object.fromEntries(COUPLING_LEVELS.map((level) => [level, new Map<string, Tally>()])) as Record<
    CouplingUnitLevel,
    Map<string, Tally>
  >;
  const tally = (level: CouplingUnitLevel, id: string): Tally => {
    let entry = tallies[level].get(id);
    if (!entry) {
      entry = {
        dependents: new Set(),
        dependencies: new Set(),
        referencesIn: 0,
        referencesOut: 0,
        dependentNamespaces: new Set(),
        dependentProjects: new Set(),
        dependentRepos: new Set(),
      };
      tallies[level].set(id, entry);
    }
    return entry;
  };
  /** `source` and `target`: the containers of the two units of code behind a code edge. */
  const depend = (level: CouplingUnitLevel, from: string, to: string, source?: Containers, target?: Containers) => {
    tally(level, from).dependencies.add(to);
    const into = tally(level, to);
    into.dependents.add(from);
    if (!source || !target) return;
    if (source.namespace && source.namespace !== target.namespace) into.dependentNamespaces.add(source.namespace);
    if (source.project && source.project !== target.project) into.dependentProjects.add(source.project);
    if (source.repo && source.repo !== target.repo) into.dependentRepos.add(source.repo);
  };

  // Roll-ups first, so that code edges find the pairs they explain and only add spread.
  const rolledUp = new Map<string, number>();
  graph.graph.forEachEdge((_key, edge) => {
    const level = ROLLUP_LEVEL[edge.kind];
    if (!level || !graph.hasNode(edge.from) || !graph.hasNode(edge.to)) return;
    if (!countTests && level === 'project' && tests.has(edge.from)) return;
    rolledUp.set(`${level}\u0000${edge.from}\u0000${edge.to}`, edge.weight);
  });
  const counted = new Map<string, number>();
  graph.graph.forEachEdge((_key, edge) => {
    if (!CODE_EDGES.has(edge.kind)) return;
    const from = containersOf(edge.from);
    const to = containersOf(edge.to);
    if (!from || !to || (from.test && !countTests)) return;
    for (const level of COUPLING_LEVELS) {
      const a = from[level];
      const b = to[level];
      if (!a || !b || a === b) continue;
      depend(level, a, b, from, to);
      const key = `${level}\u0000${a}\u0000${b}`;
      counted.set(key, (counted.get(key) ?? 0) + edge.weight);
    }
  });
  // A roll-up's weight counts the same references again: the larger of the two stands.
  for (const [key, weight] of rolledUp) {
    const [level, from, to] = key.split('\u0000') as [CouplingUnitLevel, string, string];
    if (!counted.has(key)) depend(level, from, to);
    counted.set(key, Math.max(weight, counted.get(key) ?? 0));
    // A project dependency is a repo dependency too.
    if (level === 'project') {
      const a = graph.node(from)?.repo;
      const b = graph.node(to)?.repo;
      if (a && b && a !== b && !counted.has(`repo\u0000${repoId(a)}\u0000${repoId(b)}`)) {
        depend('repo', repoId(a), repoId(b));
        counted.set(`repo\u0000${repoId(a)}\u0000${repoId(b)}`, weight);
      }
    }
  }
  for (const [key, weight] of counted) {
    const [level, from, to] = key.split('\u0000') as [CouplingUnitLevel, string, string];
    tally(level, from).referencesOut += weight;
    tally(level, to).referencesIn += weight;
  }

  const held = typesHeld(graph, containersOf);
  const result = {} as EstateCoupling;
  for (const level of COUPLING_LEVELS) {
    const figures: CouplingFigures[] = [];
    for (const [id, t] of tallies[level]) {
      const node = graph.node(id);
      if (node) figures.push(figuresOf(node, t, held.get(id)));
    }
    result[level] = figures.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return result;
}

function figuresOf(node: GraphNode, t: Tally, types: TypeCounts | undefined): CouplingFigures {
  const afferent = t.dependents.size;
  const efferent = t.dependencies.size;
  const instability = afferent + efferent === 0 ? 0 : efferent / (afferent + efferent);
  const abstractness = types && types.all > 0 ? types.abstract / types.all : undefined;
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    ...(node.repo ? { repo: node.repo } : {}),
    afferent,
    efferent,
    instability: round(instability),
    ...(abstractness !== undefined
      ? { abstractness: round(abstractness), distance: round(Math.abs(abstractness + instability - 1)) }
      : {}),
    types: types?.all ?? 0,
    abstractTypes: types?.abstract ?? 0,
    enumTypes: types?.enums ?? 0,
    referencesIn: t.referencesIn,
    referencesOut: t.referencesOut,
    dependentNamespaces: t.dependentNamespaces.size,
    dependentProjects: t.dependentProjects.size,
    dependentRepos: t.dependentRepos.size,
  };
}

/** Interfaces and abstract classes are what a dependent can be given another implementation of. */
export function isAbstractType(node: GraphNode): boolean {
  if (node.kind !== 'type' || !node.data) return false;
  return node.data.typeKind === 'interface' || node.data.modifiers.includes('abstract');
}

interface TypeCounts {
  all: number;
  abstract: number;
  enums: number;
}

/** C# types, abstract types and enums per container, at every level. */
function typesHeld(graph: EstateGraph, containersOf: (id: string) => Containers | undefined): Map<string, TypeCounts> {
  const held = new Map<string, TypeCounts>();
  for (const type of graph.nodesOfKind('type')) {
    const containers = containersOf(type.id);
    if (!containers) continue;
    const abstract = isAbstractType(type) ? 1 : 0;
    const isEnum = type.data?.typeKind === 'enum' ? 1 : 0;
    for (const level of COUPLING_LEVELS) {
      const id = containers[level];
      if (!id) continue;
      const entry = held.get(id) ?? { all: 0, abstract: 0, enums: 0 };
      entry.all++;
      entry.abstract += abstract;
      entry.enums += isEnum;
      held.set(id, entry);
    }
  }
  return held;
}

/**
 * The containers of a unit of code (a C# type or a source file), memoised: the
 * project owning a file is found once, from its `contains` in-edge.
 */
function containerLookup(graph: EstateGraph, tests: ReadonlySet<string>): (id: string) => Containers | undefined {
  const cache = new Map<string, Containers | undefined>();
  const existing = (id: string): string | undefined => (graph.hasNode(id) ? id : undefined);
  const owningProject = (file: string): string | undefined => {
    let project: string | undefined;
    graph.graph.forEachInEdge(file, (_key, edge) => {
      if (edge.kind === 'contains' && edge.from.startsWith('project:') && (!project || edge.from < project))
        project = edge.from;
    });
    return project;
  };
  const compute = (node: GraphNode): Containers | undefined => {
    const repo = node.repo ? existing(repoId(node.repo)) : undefined;
    if (node.kind === 'type') {
      const project = node.data?.project ? existing(node.data.project) : undefined;
      const namespace = node.repo
        ? existing(namespaceId(node.data?.namespace ?? '', namespaceOwner(node.repo, node.data?.project)))
        : undefined;
      return { type: node.id, namespace, project, repo, test: project !== undefined && tests.has(project) };
    }
    if (node.kind !== 'file' || !node.repo || !node.path) return undefined;
    const project = owningProject(node.id);
    // JS/TS files group by folder (`module` nodes); C# files' own code (top-level statements) is the global namespace.
    const namespace =
      existing(moduleId(node.repo, path.posix.dirname(node.path))) ??
      existing(namespaceId('', namespaceOwner(node.repo, project)));
    const test = (project !== undefined && tests.has(project)) || isTestFile(node.path);
    return { type: node.id, namespace, project, repo, test };
  };
  return (id) => {
    if (cache.has(id)) return cache.get(id);
    const node = graph.node(id);
    const containers = node ? compute(node) : undefined;
    cache.set(id, containers);
    return containers;
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

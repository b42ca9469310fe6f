/**
 * coupling-hub: the fan-in hubs of the estate — types, namespaces, projects and
 * repos that many distinct areas depend on — with their coupling figures (Ca,
 * Ce, I, A, D), best first per level. Every service carved out of a hub's
 * dependents drags the hub along or has to call back into it, so these are the
 * knots to split, publish or invert before a strangler migration.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { Finding, Location, SummarySection } from '../../src/core/result.js';
import { COUPLING_LEVELS, type CouplingUnitLevel, couplingFigures } from '../../src/graph/metrics/coupling.js';
import { type FanInHub, fanInHubs } from '../../src/graph/metrics/hubs.js';

export type CouplingHubData = {
  level: CouplingUnitLevel;
  /** The node's id in the graph. */
  node: string;
  /** Place among the hubs of its level, 1 for the most depended on. */
  levelRank: number;
  /** Distinct areas depending on it: other namespaces for a type, Ca for the other levels. */
  dependentAreas: number;
  /** Areas of the level that depend on anything (what `dependentAreas` is a share of). */
  areas: number;
  afferent: number;
  efferent: number;
  instability: number;
  abstractness?: number;
  distance?: number;
  types: number;
  abstractTypes: number;
  enumTypes: number;
  referencesIn: number;
  dependentNamespaces: number;
  dependentProjects: number;
  dependentRepos: number;
  /** What the message advises. */
  advice: 'shared-package' | 'split' | 'invert';
};

const AREA_NOUN: Record<CouplingUnitLevel, string> = {
  type: 'namespaces',
  namespace: 'namespaces',
  project: 'projects',
  repo: 'repositories',
};

const LEVEL_PLURAL: Record<CouplingUnitLevel, string> = {
  type: 'types',
  namespace: 'namespaces',
  project: 'projects',
  repo: 'repositories',
};

const ADVICE: Record<CouplingHubData['advice'], string> = {
  'shared-package':
    'it is mostly interfaces, abstract types and enums: publish it as a shared contracts package the services reference, and keep implementations out of it',
  split:
    'split it by the areas that use it: it depends on {efferent} others itself, and every dependent drags those along too',
  invert:
    'split it by the areas that use it, or invert the dependency: move the interfaces its dependents need into a shared package and keep the implementations with their owners',
};

export default defineAnalyzer<CouplingHubData>()({
  meta: {
    id: 'coupling-hub',
    description:
      'Fan-in hubs: the types, namespaces, projects and repos that many distinct areas depend on, with Ca, Ce, instability, abstractness and distance.',
    defaultSeverity: 'note',
    messages: {
      hub: 'Hub #{levelRank} among {levels}: {level} {name} is used by {areas} of {total} {areaNoun} (Ca {afferent}, Ce {efferent}, I {instability}{abstractness}); every service extracted from its dependents drags it along or calls back into it — {advice}',
    },
    needs: [],
    docs: 'analyzers/coupling-hub/README.md',
    // The most depended-on hub first, level by level.
    ranked: true,
  },
  options: z
    .object({
      /** The levels to look for hubs at. */
      levels: z
        .array(z.enum(COUPLING_LEVELS))
        .nonempty()
        .default([...COUPLING_LEVELS]),
      /** A hub has at least this many distinct dependent areas. */
      minDependents: z.number().int().min(1).default(5),
      /** … and at least this share of the level's areas that depend on anything. */
      minShare: z.number().min(0).max(1).default(0.1),
      /** How many hubs per level become findings. */
      top: z.number().int().min(1).default(5),
      /** `exclude`: test code (projects referencing a test framework, JS/TS test files) makes nothing a hub. */
      tests: z.enum(['exclude', 'include']).default('exclude'),
    })
    .strict(),
  run({ graph, options, report }) {
    const hubs = fanInHubs(couplingFigures(graph, { tests: options.tests }), options.levels, options);
    let levelRank = 0;
    hubs.forEach((hub, index) => {
      levelRank = index > 0 && hubs[index - 1]!.level === hub.level ? levelRank + 1 : 1;
      const { figures } = hub;
      const advice = adviceFor(hub);
      report({
        messageId: 'hub',
        args: {
          levelRank,
          levels: LEVEL_PLURAL[hub.level],
          level: hub.level,
          name: figures.name,
          areas: hub.dependentAreas,
          total: hub.areas,
          areaNoun: AREA_NOUN[hub.level],
          afferent: figures.afferent,
          efferent: figures.efferent,
          instability: figures.instability,
          abstractness:
            figures.abstractness === undefined ? '' : `, A ${figures.abstractness}, D ${figures.distance ?? 0}`,
          advice: ADVICE[advice].replace('{efferent}', String(figures.efferent)),
        },
        location: locationOf(figures.repo ?? figures.name, graph.node(figures.id)?.path, hub),
        data: {
          level: hub.level,
          node: figures.id,
          levelRank,
          dependentAreas: hub.dependentAreas,
          areas: hub.areas,
          afferent: figures.afferent,
          efferent: figures.efferent,
          instability: figures.instability,
          ...(figures.abstractness !== undefined
            ? { abstractness: figures.abstractness, distance: figures.distance ?? 0 }
            : {}),
          types: figures.types,
          abstractTypes: figures.abstractTypes,
          enumTypes: figures.enumTypes,
          referencesIn: figures.referencesIn,
          dependentNamespaces: figures.dependentNamespaces,
          dependentProjects: figures.dependentProjects,
          dependentRepos: figures.dependentRepos,
          advice,
        },
        identity: [figures.id],
      });
    });
  },
  summarize(findings) {
    return findings.length > 0 ? [hubTable(findings)] : [];
  },
});

/**
 * Mostly interfaces, abstract types and enums: already a contract, publish it. Unstable (depends on
 * more than depends on it): it drags its own dependencies along, split it. Concrete and stable
 * (Martin's zone of pain): invert.
 */
function adviceFor({ figures }: FanInHub): CouplingHubData['advice'] {
  if (figures.types > 0 && (figures.abstractTypes + figures.enumTypes) / figures.types >= 0.5) return 'shared-package';
  if (figures.instability >= 0.5) return 'split';
  return 'invert';
}

/** A type and a project point at their file; a namespace or a repo has none of its own. */
function locationOf(repo: string, file: string | undefined, hub: FanInHub): Location {
  return { repo, ...(file && (hub.level === 'type' || hub.level === 'project') ? { file } : {}) };
}

function hubTable(findings: readonly Finding<CouplingHubData>[]): SummarySection {
  const value = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    title: 'Coupling hubs',
    headline: `${findings.length} fan-in hubs: what every extracted service would drag along or call back into`,
    columns: [
      { label: 'Coupling hubs' },
      { label: 'Level' },
      { label: 'Dependent areas', align: 'right' },
      { label: 'Ca', align: 'right' },
      { label: 'Ce', align: 'right' },
      { label: 'I', align: 'right' },
      { label: 'A', align: 'right' },
      { label: 'D', align: 'right' },
    ],
    rows: findings.map((f) => [
      f.data.node.slice(f.data.node.indexOf(':') + 1),
      f.data.level,
      `${f.data.dependentAreas}/${f.data.areas}`,
      String(f.data.afferent),
      String(f.data.efferent),
      String(f.data.instability),
      value(f.data.abstractness),
      value(f.data.distance),
    ]),
  };
}

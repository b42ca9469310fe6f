/**
 * The accepted state of an estate: its boundary dependencies, cycles and
 * findings, in a file reviewed like code — sorted, one entry per line, nothing
 * that moves when unrelated lines do (no line numbers, no dates).
 */
import { z } from 'zod';
import {
  BASELINE_SCHEMA,
  BOUNDARY_LEVELS,
  DEPENDENCY_KINDS,
  type Baseline,
  type BaselineFinding,
  type BoundaryCycle,
  type BoundaryLevel,
  type ClusterAssignment,
} from '../core/check.js';
import { UsageError } from '../core/errors.js';
import { fingerprint } from '../core/fingerprint.js';
import type { Finding, ScanResult } from '../core/result.js';
import { boundaryDependencies, cmp, type LocatedDependency } from './boundaries.js';
import { boundaryCycles } from './cycles.js';
import { collectReferences } from './references.js';
import { clusterAssignment, UnitIndex } from './units.js';

/** What a scan shows, in the terms a baseline records. */
export interface EstateState {
  dependencies: LocatedDependency[];
  cycles: BoundaryCycle[];
  findings: Finding[];
  /** Node ids of the scan and the clusters still holding one, to tell a stale entry (its units are gone) from an improvement. */
  nodes: ReadonlySet<string>;
  /** The cluster of every code unit; empty when the scan had no decomposition. */
  clusters: ClusterAssignment[];
}

/**
 * The state in baseline terms. `units` carries the cluster assignment to judge
 * by: the baseline's at check time; by default the scan's own decomposition.
 */
export function estateState(
  result: Pick<ScanResult, 'graph' | 'sql' | 'findings' | 'decomposition'>,
  levels: readonly BoundaryLevel[] = BOUNDARY_LEVELS,
  units?: UnitIndex,
): EstateState {
  const clusters = clusterAssignment(result.decomposition?.clusters ?? []);
  const index = units ?? new UnitIndex(result, clusters);
  const dependencies = boundaryDependencies(collectReferences(result, index), levels);
  return {
    dependencies,
    cycles: boundaryCycles(dependencies),
    findings: result.findings,
    nodes: new Set([...result.graph.nodes.map((n) => n.id), ...index.presentClusters()]),
    clusters,
  };
}

export function toBaseline(state: EstateState, levels: readonly BoundaryLevel[] = BOUNDARY_LEVELS): Baseline {
  const findings = new Map<string, BaselineFinding>();
  for (const f of state.findings)
    findings.set(f.id, {
      id: f.id,
      ruleId: f.ruleId,
      at: f.location.file ? `${f.location.repo}/${f.location.file}` : f.location.repo,
      content: findingContent(f),
    });
  // Without a decomposition there is no cluster boundary to record.
  const recorded = BOUNDARY_LEVELS.filter((l) => levels.includes(l) && (l !== 'cluster' || state.clusters.length > 0));
  return {
    schema: BASELINE_SCHEMA,
    levels: recorded,
    dependencies: state.dependencies
      .filter((d) => recorded.includes(d.level))
      .map(({ level, kind, from, to }) => ({ level, kind, from, to })),
    cycles: state.cycles.filter((c) => recorded.includes(c.level)),
    findings: [...findings.values()].sort((a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.at, b.at) || cmp(a.id, b.id)),
    ...(state.clusters.length > 0 ? { clusters: state.clusters } : {}),
  };
}

/** JSON with each entry on its own line, so a pull request's diff shows exactly the entries it adds or drops. */
export function renderBaseline(baseline: Baseline): string {
  const list = (entries: readonly object[]) =>
    entries.length === 0 ? '[]' : `[\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]`;
  return [
    '{',
    `  "schema": ${JSON.stringify(baseline.schema)},`,
    `  "levels": ${JSON.stringify(baseline.levels)},`,
    `  "dependencies": ${list(baseline.dependencies)},`,
    `  "cycles": ${list(baseline.cycles)},`,
    `  "findings": ${list(baseline.findings)}${baseline.clusters ? ',' : ''}`,
    ...(baseline.clusters ? [`  "clusters": ${list(baseline.clusters)}`] : []),
    '}',
    '',
  ].join('\n');
}

const baselineSchema = z
  .object({
    schema: z.literal(BASELINE_SCHEMA),
    levels: z.array(z.enum(BOUNDARY_LEVELS)),
    dependencies: z.array(
      z
        .object({ level: z.enum(BOUNDARY_LEVELS), kind: z.enum(DEPENDENCY_KINDS), from: z.string(), to: z.string() })
        .strict(),
    ),
    cycles: z.array(z.object({ level: z.enum(BOUNDARY_LEVELS), members: z.array(z.string()).min(2) }).strict()),
    findings: z.array(
      z.object({ id: z.string().min(1), ruleId: z.string(), at: z.string(), content: z.string().optional() }).strict(),
    ),
    clusters: z
      .array(
        z
          .object({
            unit: z.string().min(1),
            cluster: z.string().startsWith('cluster:'),
            shared: z.literal(true).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/** A baseline file read back; anything else is a usage error naming the file and the offending entry. */
export function parseBaseline(text: string, file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `baseline ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new UsageError(`baseline ${file} is invalid: ${issues}`);
  }
  return parsed.data as Baseline;
}

/** What a finding says, without where: equal for the same finding in a renamed file. */
export const findingContent = (finding: Pick<Finding, 'ruleId' | 'message'>): string =>
  fingerprint('content', finding.ruleId, finding.message);

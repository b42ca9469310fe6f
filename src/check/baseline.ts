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
} from '../core/check.js';
import { UsageError } from '../core/errors.js';
import { fingerprint } from '../core/fingerprint.js';
import type { Finding, ScanResult } from '../core/result.js';
import { boundaryDependencies, cmp, type LocatedDependency } from './boundaries.js';
import { boundaryCycles } from './cycles.js';
import { collectReferences } from './references.js';
import { UnitIndex } from './units.js';

/** What a scan shows, in the terms a baseline records. */
export interface EstateState {
  dependencies: LocatedDependency[];
  cycles: BoundaryCycle[];
  findings: Finding[];
  /** Node ids of the scan, to tell a stale entry (its units are gone) from an improvement. */
  nodes: ReadonlySet<string>;
}

export function estateState(
  result: Pick<ScanResult, 'graph' | 'sql' | 'findings'>,
  levels: readonly BoundaryLevel[] = BOUNDARY_LEVELS,
  units: UnitIndex = new UnitIndex(result),
): EstateState {
  const dependencies = boundaryDependencies(collectReferences(result, units), levels);
  return {
    dependencies,
    cycles: boundaryCycles(dependencies),
    findings: result.findings,
    nodes: new Set(result.graph.nodes.map((n) => n.id)),
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
  return {
    schema: BASELINE_SCHEMA,
    levels: BOUNDARY_LEVELS.filter((l) => levels.includes(l)),
    dependencies: state.dependencies.map(({ level, kind, from, to }) => ({ level, kind, from, to })),
    cycles: state.cycles,
    findings: [...findings.values()].sort((a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.at, b.at) || cmp(a.id, b.id)),
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
    `  "findings": ${list(baseline.findings)}`,
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

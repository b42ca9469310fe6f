/**
 * SARIF 2.1.0 for code-scanning tools: `scan` gives every finding, `check`
 * what is new (`baselineState: new`), what is still there (`unchanged`) and
 * what was fixed (`absent`). `partialFingerprints` carry the stable ids, so a
 * tool tracks a result across runs however its lines move. URIs are relative
 * to the scan root (`%SRCROOT%`): the repository's folder, then the file.
 */
import { type CheckReport, dependencyKey, type NewCoupling, type NewCycle, cycleKey } from '../core/check.js';
import { fingerprint } from '../core/fingerprint.js';
import type { Finding, Location, ScanResult, Severity } from '../core/result.js';
import { estatePathResolver, type RepoPaths } from './estatePath.js';

/** What SARIF's rule descriptors say about each analyzer. */
export interface SarifRule {
  id: string;
  description: string;
  docs?: string;
}

export interface SarifOptions {
  toolVersion: string;
  rules: readonly SarifRule[];
  /** Repository name → path from the scan root (`RepoSummary.path`). */
  repos: RepoPaths;
  /** Absolute URL the analyzers' README paths are resolved against for `helpUri`; none without it. */
  docsBase?: string;
}

const FINGERPRINT = 'assessId/v1';
const CHECK_RULES: SarifRule[] = [
  { id: 'new-coupling', description: 'A dependency across a boundary that the baseline does not have' },
  { id: 'new-cycle', description: 'A cycle between units that is new or grew since the baseline' },
  { id: 'instability', description: 'A unit whose instability a change lifted above the configured maximum' },
];

type BaselineState = 'new' | 'unchanged' | 'absent';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Severity;
  message: { text: string };
  locations?: unknown[];
  relatedLocations?: unknown[];
  partialFingerprints: Record<string, string>;
  baselineState?: BaselineState;
  suppressions?: { kind: 'external'; justification: string }[];
  properties?: Record<string, unknown>;
}

export function renderScanSarif(result: ScanResult, options: SarifOptions): string {
  const log = new SarifLog(options);
  for (const finding of result.findings) log.add(findingResult(log, finding));
  return log.render();
}

export function renderCheckSarif(report: CheckReport, options: SarifOptions): string {
  const log = new SarifLog({ ...options, rules: [...options.rules, ...CHECK_RULES] });
  for (const item of report.couplings) log.add(couplingResult(log, item));
  for (const item of report.cycles) log.add(cycleResult(log, item));
  for (const item of report.findings) {
    const result = findingResult(log, item.finding, 'new');
    result.level = item.severity;
    if (item.ignored) result.suppressions = [suppression(item.ignored)];
    log.add(result);
  }
  for (const item of report.thresholds)
    log.add({
      ruleId: item.rule,
      ruleIndex: log.ruleIndex(item.rule),
      level: item.severity,
      message: { text: item.message },
      partialFingerprints: { [FINGERPRINT]: fingerprint('instability', item.level, item.unit) },
      baselineState: 'new',
      properties: { level: item.level, unit: item.unit, instability: item.instability, max: item.max },
      ...(item.ignored ? { suppressions: [suppression(item.ignored)] } : {}),
    });
  for (const finding of report.unchanged) log.add(findingResult(log, finding, 'unchanged'));
  for (const fixed of report.improvements.findings)
    log.add({
      ruleId: fixed.ruleId,
      ruleIndex: log.ruleIndex(fixed.ruleId),
      level: 'note',
      message: { text: `Fixed since the baseline (${fixed.at})` },
      partialFingerprints: { [FINGERPRINT]: fixed.id },
      baselineState: 'absent',
    });
  return log.render();
}

class SarifLog {
  private readonly rules: SarifRule[];
  private readonly results: SarifResult[] = [];
  private readonly pathOf: (location: Location) => string;

  constructor(private readonly options: SarifOptions) {
    this.rules = [...options.rules];
    this.pathOf = estatePathResolver(options.repos);
  }

  /** The rule's index, adding a descriptor for a rule only the config names. */
  ruleIndex(id: string): number {
    let index = this.rules.findIndex((r) => r.id === id);
    if (index < 0) index = this.rules.push({ id, description: `Rule ${id} of assess.config.json` }) - 1;
    return index;
  }

  location(location: Location, message?: string): unknown {
    const uri = encodeURI(this.pathOf(location));
    return {
      physicalLocation: {
        artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
        ...(location.line
          ? { region: { startLine: location.line, ...(location.column ? { startColumn: location.column } : {}) } }
          : {}),
      },
      ...(message ? { message: { text: message } } : {}),
    };
  }

  add(result: SarifResult): void {
    this.results.push(result);
  }

  render(): string {
    const { docsBase } = this.options;
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'assess',
              version: this.options.toolVersion,
              rules: this.rules.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description },
                ...(rule.docs && docsBase ? { helpUri: new URL(rule.docs, docsBase).href } : {}),
              })),
            },
          },
          columnKind: 'unicodeCodePoints',
          results: this.results,
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  }
}

function findingResult(log: SarifLog, finding: Finding, baselineState?: BaselineState): SarifResult {
  return {
    ruleId: finding.ruleId,
    ruleIndex: log.ruleIndex(finding.ruleId),
    level: finding.severity,
    message: { text: finding.message },
    locations: [log.location(finding.location)],
    ...(finding.related && finding.related.length > 0
      ? { relatedLocations: finding.related.map((r, i) => ({ id: i, ...(log.location(r) as object) })) }
      : {}),
    partialFingerprints: { [FINGERPRINT]: finding.id },
    ...(baselineState ? { baselineState } : {}),
  };
}

function couplingResult(log: SarifLog, item: NewCoupling): SarifResult {
  return {
    ruleId: item.rule,
    ruleIndex: log.ruleIndex(item.rule),
    level: item.severity,
    message: { text: item.message },
    locations: [log.location(item.location)],
    // The dependency's ends and kind, never its line: the same dependency is the same result.
    partialFingerprints: { [FINGERPRINT]: fingerprint('dependency', dependencyKey(item)) },
    baselineState: 'new',
    properties: { level: item.level, kind: item.kind, from: item.from, to: item.to },
    ...(item.ignored ? { suppressions: [suppression(item.ignored)] } : {}),
  };
}

function cycleResult(log: SarifLog, item: NewCycle): SarifResult {
  return {
    ruleId: item.rule,
    ruleIndex: log.ruleIndex(item.rule),
    level: item.severity,
    message: { text: item.message },
    ...(item.location ? { locations: [log.location(item.location)] } : {}),
    partialFingerprints: { [FINGERPRINT]: fingerprint('cycle', cycleKey(item)) },
    baselineState: 'new',
    properties: { level: item.level, members: item.members, ...(item.grownFrom ? { grownFrom: item.grownFrom } : {}) },
    ...(item.ignored ? { suppressions: [suppression(item.ignored)] } : {}),
  };
}

function suppression(ignored: { reason: string; expires: string }) {
  return { kind: 'external' as const, justification: `${ignored.reason} (until ${ignored.expires})` };
}

/**
 * Runs the selected analyzers over what the pipeline provided. An analyzer whose
 * needs are missing is skipped with a diagnostic that says why; one that fails
 * becomes a diagnostic, not a crash. Findings come back by rule, each rule's by
 * location — or, for a ranked analyzer, in the order it reported them, numbered —
 * and summaries in registry order.
 */
import type { AnyAnalyzer, EstateContext, FindingReport, Need, Provisions, SummaryContext } from '../core/analyzer.js';
import { fingerprint } from '../core/fingerprint.js';
import type { Diagnostic, Finding, ResultSummary } from '../core/result.js';

export interface AnalyzerRun {
  findings: Finding[];
  summaries: ResultSummary[];
  diagnostics: Diagnostic[];
}

/** Why a need could not be provided, for the skip diagnostic (e.g. "--no-history was given"). */
export type Unavailable = Partial<Record<Need, string>>;

export async function runAnalyzers(
  analyzers: readonly AnyAnalyzer[],
  estate: EstateContext,
  provided: Partial<Provisions>,
  optionsById: Readonly<Record<string, unknown>>,
  unavailable: Unavailable = {},
): Promise<AnalyzerRun> {
  const findings: Finding[] = [];
  const summaries: ResultSummary[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const analyzer of analyzers) {
    const { id } = analyzer.meta;
    const parsed = analyzer.options.safeParse(optionsById[id] ?? {});
    if (!parsed.success) {
      diagnostics.push({
        code: 'analyzer-options-invalid',
        severity: 'error',
        message: `${id}: ${parsed.error.message}`,
      });
      continue;
    }
    const missing = analyzer.meta.needs.filter((need) => provided[need] === undefined);
    if (missing.length > 0) {
      const why = missing.map((need) => `${need} (${unavailable[need] ?? 'not provided'})`).join(', ');
      diagnostics.push({ code: 'analyzer-skipped', severity: 'info', message: `${id} did not run: it needs ${why}` });
      continue;
    }
    // Every need was checked above, so the context holds what the analyzer declared.
    const context = { ...estate, ...provided, options: parsed.data } as SummaryContext<unknown, Need>;
    const own: Finding[] = [];
    const seen = new Set<string>();
    const ranked = analyzer.meta.ranked === true;
    const report = (r: FindingReport<string, object>) => {
      const finding = toFinding(analyzer, r);
      if (seen.has(finding.id)) return; // the same identity twice is one finding
      seen.add(finding.id);
      own.push(ranked ? { ...finding, rank: own.length + 1 } : finding);
    };
    try {
      await analyzer.run({ ...context, report });
      if (!ranked) own.sort(compareFindings);
      findings.push(...own);
      for (const section of analyzer.summarize?.(own, context) ?? []) summaries.push({ ruleId: id, ...section });
    } catch (error) {
      diagnostics.push({
        code: 'analyzer-failed',
        severity: 'error',
        message: `${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      });
    }
  }
  // Stable: each rule's findings keep the order they were given above.
  findings.sort((a, b) => cmp(a.ruleId, b.ruleId));
  return { findings, summaries, diagnostics };
}

function toFinding(analyzer: AnyAnalyzer, report: FindingReport<string, object>): Finding {
  const template = analyzer.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${analyzer.meta.id}: unknown message id "${report.messageId}"`);
  return {
    id: fingerprint(analyzer.meta.id, ...report.identity),
    ruleId: analyzer.meta.id,
    messageId: report.messageId,
    severity: report.severity ?? analyzer.meta.defaultSeverity,
    message: fillTemplate(template, report.args ?? {}),
    location: report.location,
    ...(report.related && report.related.length > 0 ? { related: report.related } : {}),
    data: report.data as Record<string, unknown>,
  };
}

export function fillTemplate(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(args, name) ? String(args[name]) : whole,
  );
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.location.repo, b.location.repo) ||
    cmp(a.location.file ?? '', b.location.file ?? '') ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    cmp(a.id, b.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

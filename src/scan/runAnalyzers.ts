/** Runs the registered analyzers; one failing analyzer becomes a diagnostic, not a crash. */
import type { Analyzer, FindingReport } from '../core/analyzer.js';
import type { EstateModel } from '../graph/buildGraph.js';
import type { Diagnostic, Finding } from '../core/result.js';
import { fingerprint } from '../core/fingerprint.js';

export interface AnalyzerRun {
  findings: Finding[];
  diagnostics: Diagnostic[];
}

export async function runAnalyzers(
  analyzers: readonly Analyzer<any, string>[],
  model: EstateModel,
  optionsById: Record<string, unknown>,
): Promise<AnalyzerRun> {
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const analyzer of analyzers) {
    const { id } = analyzer.meta;
    const parsed = analyzer.options.safeParse(optionsById[id] ?? {});
    if (!parsed.success) {
      diagnostics.push({ code: 'analyzer-options-invalid', severity: 'error', message: `${id}: ${parsed.error.message}` });
      continue;
    }
    const seen = new Set<string>();
    const report = (r: FindingReport) => {
      const finding = toFinding(analyzer, r);
      if (seen.has(finding.id)) return; // the same identity twice is one finding
      seen.add(finding.id);
      findings.push(finding);
    };
    try {
      await analyzer.run({ model, graph: model.graph, options: parsed.data, report });
    } catch (error) {
      diagnostics.push({
        code: 'analyzer-failed',
        severity: 'error',
        message: `${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      });
    }
  }
  findings.sort(compareFindings);
  return { findings, diagnostics };
}

function toFinding(analyzer: Analyzer<unknown, string>, report: FindingReport): Finding {
  const template = analyzer.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${analyzer.meta.id}: unknown message id "${report.messageId}"`);
  return {
    id: fingerprint(analyzer.meta.id, ...report.identity),
    ruleId: analyzer.meta.id,
    severity: report.severity ?? analyzer.meta.defaultSeverity,
    message: fillTemplate(template, report.args ?? {}),
    location: report.location,
    ...(report.related && report.related.length > 0 ? { related: report.related } : {}),
    data: report.data,
  };
}

export function fillTemplate(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
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

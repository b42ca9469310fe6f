/**
 * The extraction ranking as terminal tables: pure `(result, candidates, options)
 * → string`. Every factor is printed with its value, scale and weight, so the
 * score can be checked by hand.
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { Candidate, CarriedFinding, NotCandidate } from '../core/decomposition.js';
import type { ScanResult, SummarySection } from '../core/result.js';
import type { TableStyle } from './sections.js';
import { inertStrings } from './inertText.js';

export interface CandidatesOptions {
  color: boolean;
  /** Candidates printed in detail (the ranking table lists them all). */
  top?: number;
  /** Clusters left out of the ranking as tooling or host plumbing (printed apart with their reason). */
  notCandidates?: readonly NotCandidate[];
}

/** Rows per list inside one candidate's work list. */
const LIST_ROWS = 8;

export function renderCandidates(
  scanned: ScanResult,
  ranked: readonly Candidate[],
  options: CandidatesOptions,
): string {
  const result = inertStrings(scanned);
  const candidates = inertStrings(ranked);
  const c = pc.createColors(options.color);
  const style: TableStyle = { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] };
  const label = labeller(result);
  const out = [c.bold(`assess — extraction candidates for ${result.root}`)];
  if (candidates.length === 0) {
    out.push('No candidates: the decomposition holds no cluster outside the shared layer.');
    return `${out.join('\n')}\n`;
  }
  const ranking = new Table({
    head: [
      '#',
      'Candidate',
      'Score',
      'Risk',
      'Value',
      'Units',
      'In',
      'Calls in',
      'Back',
      'Tables own/shared',
      'Cycle',
      'Mark',
    ],
    style,
    colAligns: [
      'right',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
    ],
  });
  const nameCount = new Map<string, number>();
  for (const candidate of candidates) nameCount.set(candidate.name, (nameCount.get(candidate.name) ?? 0) + 1);
  for (const candidate of candidates) {
    const value = (id: string) => candidate.factors.find((f) => f.id === id)?.value;
    ranking.push([
      String(candidate.rank),
      // Two clusters may be named alike (the clustering names them from namespaces); the id tells them apart.
      (nameCount.get(candidate.name) ?? 0) > 1 ? `${candidate.name} [${candidate.cluster}]` : candidate.name,
      candidate.score.toFixed(2),
      candidate.risk.toFixed(2),
      candidate.value === null ? 'no history' : candidate.value.toFixed(2),
      String(value('size') ?? 0),
      String(value('inboundDependencies') ?? 0),
      String(value('inboundCalls') ?? 0),
      String(value('callsBack') ?? 0),
      `${value('ownedTables') ?? 0}/${value('sharedTables') ?? 0}`,
      String(value('cycles') ?? 0),
      marks(candidate).join(', '),
    ]);
  }
  out.push(ranking.toString());
  if (candidates.some((cand) => cand.deployed || cand.notArea))
    out.push(
      c.dim(
        'Business areas still inside a shared deployable first; then fragments, data shapes and libraries (no service to extract by themselves); deployed: already a service of its own, last.',
      ),
    );
  const shared = (result.decomposition?.clusters ?? []).filter((cl) => cl.shared);
  if (shared.length > 0)
    out.push(
      c.dim(
        `Shared layer, not ranked (it becomes a library): ${shared.map((cl) => `${cl.name} (${cl.members.length} ${cl.members.length === 1 ? 'unit' : 'units'})`).join(', ')}`,
      ),
    );
  const tooling = inertStrings([...(options.notCandidates ?? [])]);
  if (tooling.length > 0) {
    out.push(c.dim('Not candidates (tooling, not business code):'));
    for (const n of tooling) out.push(c.dim(`  • ${n.name}: ${n.reason}`));
  }
  const detailed = candidates.filter((cand, i) => i < (options.top ?? 5) || cand.pilot || cand.highestValue);
  for (const candidate of detailed) out.push(...candidateDetail(candidate, label, c, style));
  if (detailed.length < candidates.length)
    out.push(c.dim(`… the other ${candidates.length - detailed.length} in detail with --top or --format json`));
  return `${out.join('\n')}\n`;
}

function candidateDetail(
  candidate: Candidate,
  label: (id: string) => string,
  c: ReturnType<typeof pc.createColors>,
  style: TableStyle,
): string[] {
  const mark = marks(candidate);
  const out = ['', c.bold(`#${candidate.rank} ${candidate.name}${mark.length > 0 ? ` — ${mark.join(', ')}` : ''}`)];
  for (const reason of candidate.reasons) out.push(`  • ${reason}`);
  out.push(factorTable(candidate, c, style));

  const { work } = candidate;
  if (work.seams.length > 0) {
    const seams = new Table({
      head: ['Seam with', 'In', 'Out', 'Calls', 'Heaviest link'],
      style,
      colAligns: ['left', 'right', 'right', 'right', 'left'],
    });
    for (const border of work.seams.slice(0, LIST_ROWS)) {
      const link = border.links[0];
      seams.push([
        label(border.cluster),
        String(border.inbound),
        String(border.outbound),
        String(border.calls),
        link ? `${label(link.from)} → ${label(link.to)} (${link.weight})` : '',
      ]);
    }
    out.push(seams.toString());
    if (work.seams.length > LIST_ROWS) out.push(c.dim(`  … ${work.seams.length - LIST_ROWS} more seams`));
  }
  const endpoints = work.endpoints ?? [];
  if (endpoints.length > 0) {
    out.push(`  Endpoints to keep (called from other clusters):`);
    for (const endpoint of endpoints.slice(0, LIST_ROWS)) {
      const sites = endpoint.callSites.map((s) => (s.file ? `${s.file}:${s.line ?? 0}` : label(s.from)));
      out.push(
        `    - ${endpoint.endpoint} (${label(endpoint.unit)}) ← ${sites.slice(0, 3).join(', ')}` +
          (sites.length > 3 ? `, … ${sites.length - 3} more` : ''),
      );
    }
    if (endpoints.length > LIST_ROWS) out.push(c.dim(`    … ${endpoints.length - LIST_ROWS} more endpoints`));
  }
  if (work.tablesToSplit.length > 0)
    out.push(
      `  Tables to split or share: ${work.tablesToSplit.map((t) => `${label(t.table)} (with ${t.alsoUsedBy.map(label).join(', ')})`).join('; ')}`,
    );
  if (work.projects.length > 0)
    out.push(
      `  Projects: ${work.projects.map((p) => `${label(p.project)}${p.targetFrameworks.length > 0 ? ` (${p.targetFrameworks.join(', ')})` : ''}`).join('; ')}`,
    );
  if (work.packages.length > 0)
    out.push(
      `  Packages it drags along (${work.packages.length}): ${work.packages
        .slice(0, LIST_ROWS * 2)
        .map((p) => `${label(p.package)}${p.versions.length > 0 ? ` ${p.versions.join('/')}` : ''}`)
        .join(', ')}${work.packages.length > LIST_ROWS * 2 ? ', …' : ''}`,
    );
  out.push(...carried('On its projects', work.projectFindings), ...carried('On its tables', work.tableFindings));
  return out;
}

/** Findings by rule: the count and the first few messages. */
function carried(title: string, findings: readonly CarriedFinding[]): string[] {
  if (findings.length === 0) return [];
  const byRule = new Map<string, CarriedFinding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const out: string[] = [];
  for (const [rule, list] of byRule) {
    out.push(`  ${title}, ${rule} (${list.length}):`);
    for (const f of list.slice(0, 3)) out.push(`    - ${f.message}`);
    if (list.length > 3) out.push(`    - … ${list.length - 3} more`);
  }
  return out;
}

/** Every factor with its value, scale, weight and contribution, and the score they sum to. */
export function factorTable(candidate: Candidate, c: ReturnType<typeof pc.createColors>, style: TableStyle): string {
  const factors = new Table({
    head: ['Factor', 'Side', 'Value', 'Scaled', 'Weight', 'Contribution'],
    style,
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right'],
  });
  for (const f of candidate.factors)
    factors.push([
      f.label,
      f.side,
      f.value === null ? (f.note ?? '—') : String(f.value),
      f.scaled.toFixed(2),
      String(f.weight),
      f.contribution.toFixed(2),
    ]);
  factors.push([c.bold('score'), '', '', '', '', c.bold(candidate.score.toFixed(2))]);
  return factors.toString();
}

const marks = (candidate: Candidate): string[] => [
  ...(candidate.pilot ? ['pilot'] : []),
  ...(candidate.highestValue ? ['highest value'] : []),
  ...(candidate.deployed ? ['deployed'] : []),
  ...(candidate.notArea ? [candidate.notArea] : []),
];

/** Node and cluster ids to the names a reader knows them by. */
export function labeller(result: ScanResult): (id: string) => string {
  const names = new Map<string, string>(result.graph.nodes.map((n) => [n.id, n.name]));
  for (const cluster of result.decomposition?.clusters ?? []) names.set(cluster.id, cluster.name);
  return (id) => names.get(id) ?? id;
}

/** The scan summary's view of the ranking: the top candidates (and the pilot and value target wherever they rank). */
export function candidatesSummary(candidates: readonly Candidate[], top: number): SummarySection {
  const shown = candidates.filter((cand, i) => i < top || cand.pilot || cand.highestValue);
  const value = (cand: Candidate, id: string) => String(cand.factors.find((f) => f.id === id)?.value ?? 0);
  return {
    title: 'Extraction candidates',
    headline:
      `Extraction candidates: ${candidates.length} ranked` +
      (candidates.length > shown.length ? `, top ${shown.length} shown` : '') +
      ' (assess candidates for reasons and work lists)',
    columns: [
      { label: '#', align: 'right' },
      { label: 'Candidate' },
      { label: 'Score', align: 'right' },
      { label: 'Units', align: 'right' },
      { label: 'In', align: 'right' },
      { label: 'Calls in', align: 'right' },
      { label: 'Back', align: 'right' },
      { label: 'Mark' },
    ],
    rows: shown.map((cand) => [
      String(cand.rank),
      cand.name,
      cand.score.toFixed(2),
      value(cand, 'size'),
      value(cand, 'inboundDependencies'),
      value(cand, 'inboundCalls'),
      value(cand, 'callsBack'),
      marks(cand).join(', '),
    ]),
  };
}

/**
 * An extraction candidate as the page shows it: its rank, the pilot and
 * highest-value marks, the risk/cuts/value figures, its reasons, and its work
 * list in words (src/core/decomposition.ts `CandidateWork`: seams to cut,
 * endpoints to keep, tables to split, projects to move, findings it carries).
 * Read field by field, so a result of an older or newer version still renders.
 */
import type { CandidateView } from './reportData.js';

type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ => !!value && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export interface Names {
  /** A graph node's display name (`type:Marina.Billing.Invoice` → `Marina.Billing.Invoice`). */
  node: (id: string) => string;
  cluster: (id: string) => string;
  /** The shared layer is taken along as a library, not cut. */
  isShared: (clusterId: string) => boolean;
}

export function candidateView(value: unknown, index: number, names: Names): CandidateView {
  const record = isRecord(value) ? value : {};
  const cluster = str(record.cluster);
  const title =
    str(record.name) ?? (cluster ? names.cluster(cluster) : undefined) ?? str(record.title) ?? `Candidate ${index + 1}`;
  const score = num(record.score);
  const rank = num(record.rank);
  const risk = num(record.risk);
  const cuts = num(record.cuts);
  const worth = num(record.value);
  return {
    title,
    ...(cluster ? { cluster } : {}),
    ...(rank !== undefined ? { rank } : {}),
    ...(score !== undefined ? { score } : {}),
    ...(risk !== undefined ? { risk } : {}),
    ...(cuts !== undefined ? { cuts } : {}),
    ...(worth !== undefined ? { value: worth } : {}),
    ...(record.pilot === true ? { pilot: true } : {}),
    ...(record.highestValue === true ? { highestValue: true } : {}),
    ...(str(record.deployed) ? { deployed: names.node(str(record.deployed)!) } : {}),
    ...(str(record.notArea) ? { notArea: str(record.notArea)! } : {}),
    reasons: textList(record.reasons ?? record.why),
    work: isRecord(record.work) ? workLines(record.work, names) : textList(record.work ?? record.steps ?? record.tasks),
  };
}

/** The work object in the order an engineer does it: what to cut, what to keep, what to split, what moves. */
export function workLines(work: Record_, names: Names): string[] {
  const lines: string[] = [];
  // The shared layer comes along as a library: after the cuts, which are the work.
  const library: string[] = [];
  for (const crossing of list(work.seams).filter(isRecord)) {
    const other = names.cluster(str(crossing.cluster) ?? '?');
    const inbound = num(crossing.inbound) ?? 0;
    const outbound = num(crossing.outbound) ?? 0;
    const calls = num(crossing.calls) ?? 0;
    const heaviest = list(crossing.links).filter(isRecord)[0];
    const example = heaviest
      ? ` (heaviest: ${names.node(str(heaviest.from) ?? '')} → ${names.node(str(heaviest.to) ?? '')})`
      : '';
    if (names.isShared(str(crossing.cluster) ?? '')) {
      if (outbound > 0) library.push(`Take ${other} along as a library: ${outbound} references into it`);
      continue;
    }
    if (inbound > 0) lines.push(`Cut ${inbound} references from ${other}, or serve them through an API${example}`);
    if (outbound > 0 && inbound === 0)
      lines.push(`Replace ${outbound} references into ${other} with calls or a package${example}`);
    else if (outbound > 0) lines.push(`Replace ${outbound} references into ${other} with calls or a package`);
    if (calls > 0) lines.push(`Keep ${calls} HTTP/gRPC calls with ${other} working across the new border`);
  }
  lines.push(...library);
  for (const endpoint of list(work.endpoints).filter(isRecord)) {
    const sites = list(endpoint.callSites).length;
    const via = list(endpoint.via).filter((v): v is string => typeof v === 'string');
    lines.push(
      `Keep the endpoint ${str(endpoint.endpoint) ?? '?'} (${sites} call site${sites === 1 ? '' : 's'}${via.length > 0 ? `, through ${via.join(', ')}` : ''})`,
    );
  }
  for (const table of list(work.tablesToSplit).filter(isRecord)) {
    const others = list(table.alsoUsedBy).map((c) => names.cluster(String(c)));
    lines.push(
      `Split table ${names.node(str(table.table) ?? '')} or put it behind an API (also used by ${others.join(', ')})`,
    );
  }
  for (const project of list(work.projects).filter(isRecord)) {
    const frameworks = list(project.targetFrameworks).filter((f): f is string => typeof f === 'string');
    lines.push(
      `Move project ${names.node(str(project.project) ?? '')}${frameworks.length > 0 ? ` (${frameworks.join(', ')})` : ''}`,
    );
  }
  const packages = list(work.packages).length;
  if (packages > 0) lines.push(`Bring along ${packages} package reference${packages === 1 ? '' : 's'}`);
  const carried = [...list(work.projectFindings), ...list(work.tableFindings)].filter(isRecord);
  if (carried.length > 0) {
    const byRule = new Map<string, number>();
    for (const f of carried) byRule.set(str(f.ruleId) ?? '?', (byRule.get(str(f.ruleId) ?? '?') ?? 0) + 1);
    const rules = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, n]) => `${n} ${rule}`);
    lines.push(
      `Carry ${carried.length} finding${carried.length === 1 ? '' : 's'} on its projects and tables: ${rules.join(', ')}`,
    );
  }
  return lines;
}

function firstString(record: Record_, keys: string[]): string | undefined {
  for (const key of keys) if (str(record[key])) return record[key] as string;
  return undefined;
}

/** The clusters left out of the ranking, each with its name and reason; entries without a reason are no such entry. */
export function notCandidateViews(value: unknown, names: Names): { name: string; reason: string }[] {
  return list(value)
    .filter(isRecord)
    .flatMap((entry) => {
      const reason = str(entry.reason);
      const cluster = str(entry.cluster);
      const name = str(entry.name) ?? (cluster ? names.cluster(cluster) : undefined);
      return reason && name ? [{ name, reason }] : [];
    });
}

/** Strings as they are; objects by their text-like field, else as compact JSON. */
export function textList(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' ? [value] : [];
  return value.map((item) => {
    if (typeof item === 'string') return item;
    if (isRecord(item)) {
      const text = firstString(item, ['text', 'message', 'description', 'title', 'name']);
      return text ?? JSON.stringify(item);
    }
    return String(item);
  });
}

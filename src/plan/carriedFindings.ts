/**
 * The findings that name a node: an analyzer's `data` names the nodes it is
 * about by id (`project`, `node`, `members`) or, for tables, by key
 * (`table: "dbo.orders"`). Read generically, so every analyzer's findings on a
 * candidate's projects and tables land in its work list, none named here.
 * Findings that name clusters are about the decomposition itself (the cut
 * between two clusters): the work list already holds that from the
 * decomposition, so they are not carried.
 */
import type { CarriedFinding } from '../core/decomposition.js';
import { tableId } from '../core/ids.js';
import type { Finding } from '../core/result.js';

/** Node id → the findings naming it, in result order. */
export function findingsByNode(
  findings: readonly Finding[],
  isNode: (id: string) => boolean,
  isCluster: (id: string) => boolean,
): Map<string, CarriedFinding[]> {
  const byNode = new Map<string, CarriedFinding[]>();
  for (const finding of findings) {
    const named = new Set<string>();
    const values = Object.values(finding.data ?? {}).flatMap((value) => (Array.isArray(value) ? value : [value]));
    if (values.some((text) => typeof text === 'string' && isCluster(text))) continue;
    for (const text of values) {
      if (typeof text !== 'string') continue;
      if (isNode(text)) named.add(text);
      else if (isNode(tableId(text.toLowerCase()))) named.add(tableId(text.toLowerCase()));
    }
    for (const node of [...named].sort()) {
      const carried: CarriedFinding = {
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        node,
        findingId: finding.id,
      };
      const list = byNode.get(node);
      if (list) list.push(carried);
      else byNode.set(node, [carried]);
    }
  }
  return byNode;
}

/** The findings on any of `nodes`, each once, by rule then message. */
export function findingsOn(
  byNode: ReadonlyMap<string, readonly CarriedFinding[]>,
  nodes: readonly string[],
): CarriedFinding[] {
  const seen = new Set<string>();
  const found: CarriedFinding[] = [];
  for (const node of nodes)
    for (const finding of byNode.get(node) ?? []) {
      if (seen.has(finding.findingId)) continue;
      seen.add(finding.findingId);
      found.push(finding);
    }
  return found.sort((a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.findingId, b.findingId));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of a dependency structure matrix: strongly connected groups (cycles)
 * found with Tarjan's algorithm, the groups topologically sorted so what is used
 * comes before what uses it. Rows use columns, so every dependency falls below the
 * diagonal except inside a cycle, which shows as a block straddling it.
 */
import { stronglyConnected } from '../../core/stronglyConnected.js';
import type { DsmOrder } from './reportData.js';

/** Larger matrices stop being readable as cells; the heaviest units are kept. */
export const DSM_CAP = 400;

export interface DsmInput {
  /** Node indices that may appear (code units). */
  candidates: number[];
  labels: readonly string[];
  edges: readonly { s: number; t: number; w: number }[];
}

export function dsmOrder({ candidates, labels, edges }: DsmInput): DsmOrder {
  const allowed = new Set(candidates);
  const weightOf = new Map<number, number>();
  for (const e of edges) {
    if (!allowed.has(e.s) || !allowed.has(e.t)) continue;
    weightOf.set(e.s, (weightOf.get(e.s) ?? 0) + e.w);
    weightOf.set(e.t, (weightOf.get(e.t) ?? 0) + e.w);
  }
  const byLabel = (a: number, b: number): number => cmp(labels[a] ?? '', labels[b] ?? '') || a - b;
  const kept = [...candidates]
    .sort((a, b) => (weightOf.get(b) ?? 0) - (weightOf.get(a) ?? 0) || byLabel(a, b))
    .slice(0, DSM_CAP);
  const inMatrix = new Set(kept);
  const out = new Map<number, number[]>();
  const inWeight = new Map<number, number>();
  const outWeight = new Map<number, number>();
  for (const e of edges) {
    if (!inMatrix.has(e.s) || !inMatrix.has(e.t) || e.s === e.t) continue;
    (out.get(e.s) ?? out.set(e.s, []).get(e.s)!).push(e.t);
    outWeight.set(e.s, (outWeight.get(e.s) ?? 0) + e.w);
    inWeight.set(e.t, (inWeight.get(e.t) ?? 0) + e.w);
  }
  const nodes = [...kept].sort(byLabel);
  for (const targets of out.values()) targets.sort(byLabel);
  const components = stronglyConnected(nodes, (node) => out.get(node) ?? []);
  // Tarjan emits a component only after every component it reaches: used before users already.
  const order: number[] = [];
  const cycles: [number, number][] = [];
  for (const members of components) {
    // Inside a cycle, the most used first: fewer marks above the diagonal.
    members.sort(
      (a, b) =>
        (inWeight.get(b) ?? 0) - (outWeight.get(b) ?? 0) - ((inWeight.get(a) ?? 0) - (outWeight.get(a) ?? 0)) ||
        byLabel(a, b),
    );
    if (members.length > 1) cycles.push([order.length, members.length]);
    order.push(...members);
  }
  return { order, cycles, omitted: candidates.length - kept.length };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

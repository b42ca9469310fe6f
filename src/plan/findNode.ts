/**
 * What `assess explain NAME` names: a cluster, a type, a namespace, a table or
 * a file that is a unit. Exact ids first, then cluster names, then node names
 * and keys, then the last part of a dotted or slashed name (`TaxRule`); when
 * nothing matches, the closest names by edit distance as suggestions.
 */
import type { EstateView } from './estateView.js';

export type Target = { kind: 'cluster'; id: string } | { kind: 'node'; id: string };

const EXPLAINABLE = new Set(['type', 'namespace', 'table', 'file']);
const SUGGESTIONS = 5;

interface Named {
  target: Target;
  /** Lower-cased forms a user may type. */
  keys: string[];
  /** What a suggestion shows. */
  label: string;
}

export function findTargets(view: EstateView, query: string): { targets: Target[] } | { suggestions: string[] } {
  const q = query.trim().toLowerCase();
  const named = namedThings(view);
  const tiers: ((n: Named) => boolean)[] = [
    (n) => n.target.id.toLowerCase() === q,
    (n) => n.target.kind === 'cluster' && n.keys.includes(q),
    (n) => n.keys.includes(q),
    (n) => n.keys.some((k) => k.endsWith(`.${q}`) || k.endsWith(`/${q}`)),
  ];
  for (const tier of tiers) {
    const targets = named.filter(tier).map((n) => n.target);
    if (targets.length > 0) return { targets };
  }
  return { suggestions: closest(named, q) };
}

function namedThings(view: EstateView): Named[] {
  const named: Named[] = view.clusters.map((c) => ({
    target: { kind: 'cluster', id: c.id },
    keys: [c.id.toLowerCase(), c.name.toLowerCase()],
    label: c.name,
  }));
  for (const node of view.nodes.values()) {
    if (!EXPLAINABLE.has(node.kind)) continue;
    // Files are explained when they are units (JS/TS modules); C# files are explained through their types.
    if (node.kind === 'file' && !view.clusterOf.has(node.id)) continue;
    const bare = node.id.slice(node.id.indexOf(':') + 1);
    named.push({
      target: { kind: 'node', id: node.id },
      keys: [...new Set([node.name.toLowerCase(), bare.toLowerCase()])],
      label: node.kind === 'namespace' || node.kind === 'file' ? bare : node.name,
    });
  }
  return named;
}

function closest(named: readonly Named[], q: string): string[] {
  const limit = Math.max(2, Math.floor(q.length / 3));
  const scored: { label: string; distance: number }[] = [];
  for (const n of named) {
    let best = Number.POSITIVE_INFINITY;
    for (const key of n.keys) {
      const last = key.split(/[./]/).pop()!;
      best = Math.min(best, distance(q, key, limit), distance(q, last, limit));
      if (key.includes(q) && q.length >= 3) best = Math.min(best, 1);
    }
    if (best <= limit) scored.push({ label: n.label, distance: best });
  }
  const labels = [
    ...new Set(scored.sort((a, b) => a.distance - b.distance || (a.label < b.label ? -1 : 1)).map((s) => s.label)),
  ];
  return labels.slice(0, SUGGESTIONS);
}

/** Levenshtein distance, giving up (Infinity) once it must exceed `limit`. */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return Number.POSITIVE_INFINITY;
    previous = current;
  }
  return previous[b.length]!;
}

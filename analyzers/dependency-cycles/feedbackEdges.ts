/**
 * Which edges "close" a cycle: a small-weight feedback arc set found with the
 * Eades–Lin–Smyth ordering heuristic (linear time). Removing these edges makes
 * the component acyclic, and they are the lightest to cut.
 */
export interface WeightedEdge {
  from: string;
  to: string;
  weight: number;
}

export function feedbackEdges(nodes: readonly string[], edges: readonly WeightedEdge[]): WeightedEdge[] {
  const position = new Map(eadesOrder(nodes, edges).map((node, i) => [node, i]));
  return edges.filter((e) => position.get(e.from)! > position.get(e.to)!);
}

function eadesOrder(nodes: readonly string[], edges: readonly WeightedEdge[]): string[] {
  const outgoing = new Map<string, WeightedEdge[]>(nodes.map((n) => [n, []]));
  const incoming = new Map<string, WeightedEdge[]>(nodes.map((n) => [n, []]));
  for (const e of edges) {
    outgoing.get(e.from)!.push(e);
    incoming.get(e.to)!.push(e);
  }
  const remaining = new Set([...nodes].sort());
  const live = (list: readonly WeightedEdge[], end: 'from' | 'to') => list.filter((e) => remaining.has(e[end]));
  const head: string[] = [];
  const tail: string[] = [];
  while (remaining.size > 0) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const node of remaining) {
        if (live(outgoing.get(node)!, 'to').length === 0) {
          tail.unshift(node);
          remaining.delete(node);
          changed = true;
        } else if (live(incoming.get(node)!, 'from').length === 0) {
          head.push(node);
          remaining.delete(node);
          changed = true;
        }
      }
    }
    if (remaining.size === 0) break;
    let best: string | undefined;
    let bestDelta = -Infinity;
    for (const node of remaining) {
      const out = live(outgoing.get(node)!, 'to').reduce((s, e) => s + e.weight, 0);
      const inn = live(incoming.get(node)!, 'from').reduce((s, e) => s + e.weight, 0);
      if (out - inn > bestDelta) {
        bestDelta = out - inn;
        best = node;
      }
    }
    head.push(best!);
    remaining.delete(best!);
  }
  return [...head, ...tail];
}

/** The history part of the terminal summary: top hotspots and the strongest hidden couplings. */
import Table from 'cli-table3';
import type { GraphNode, ScanResult } from '../core/result.js';

type TableStyle = { head: string[]; border: string[] };

export function historyTables(result: ScanResult, style: TableStyle, top: number): string[] {
  const out: string[] = [];
  const hotspots = result.findings.filter((f) => f.ruleId === 'hotspot').sort((a, b) => Number(a.data.rank) - Number(b.data.rank));
  if (hotspots.length > 0) {
    const table = new Table({
      head: ['Top hotspots', 'Commits', 'Churn', 'Complexity', 'Main author'],
      style,
      colAligns: ['left', 'right', 'right', 'right', 'left'],
    });
    for (const f of hotspots.slice(0, top)) {
      const share = Math.round(Number(f.data.mainAuthorShare) * 100);
      table.push([`${f.location.repo}/${f.location.file ?? ''}`, String(f.data.revisions), String(f.data.churn), String(f.data.complexity), `${String(f.data.mainAuthor)} (${share}%)`]);
    }
    out.push(table.toString());
  }

  const nodes = new Map(result.graph.nodes.map((n) => [n.id, n]));
  const hidden = result.graph.edges
    .filter((e) => e.kind === 'co-change' && e.data?.hidden === true)
    .sort((a, b) => Number(b.data!.degree) - Number(a.data!.degree) || b.weight - a.weight || (a.from + a.to < b.from + b.to ? -1 : 1));
  if (hidden.length > 0) {
    const table = new Table({ head: ['Strongest hidden couplings', 'Level', 'Shared', 'Degree'], style, colAligns: ['left', 'left', 'right', 'right'] });
    for (const e of hidden.slice(0, top)) {
      const across = e.data!.crossRepo ? ' (across repos)' : '';
      table.push([`${label(nodes.get(e.from), e.from)} ⇄ ${label(nodes.get(e.to), e.to)}${across}`, String(e.data!.level), String(e.weight), `${Math.round(Number(e.data!.degree) * 100)}%`]);
    }
    out.push(table.toString());
  }
  return out;
}

function label(node: GraphNode | undefined, id: string): string {
  if (!node) return id;
  return node.kind === 'file' ? `${node.repo}/${node.path}` : node.name;
}

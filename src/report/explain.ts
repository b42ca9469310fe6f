/** `assess explain` as terminal text: pure `(result, explanations, options) → string`. */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { NodeExplanation } from '../core/decomposition.js';
import type { ScanResult } from '../core/result.js';
import { factorTable, labeller } from './candidates.js';
import type { TableStyle } from './sections.js';
import { inertStrings } from './inertText.js';

export function renderExplanations(
  scanned: ScanResult,
  explained: readonly NodeExplanation[],
  options: { color: boolean },
): string {
  const result = inertStrings(scanned);
  const explanations = inertStrings(explained);
  const c = pc.createColors(options.color);
  const style: TableStyle = { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] };
  const label = labeller(result);
  const out: string[] = [];
  for (const e of explanations) {
    if (out.length > 0) out.push('');
    out.push(c.bold(`${e.kind} ${e.name}${e.cluster && e.kind !== 'cluster' ? ` — in ${label(e.cluster)}` : ''}`));
    for (const line of e.summary) out.push(`  ${line}`);
    if (e.pull.length > 0) {
      const pull = new Table({ head: ['Cluster', 'Link weight', ''], style, colAligns: ['left', 'right', 'left'] });
      for (const p of e.pull)
        pull.push([label(p.cluster), String(p.weight), p.own ? 'its own' : p.shared ? 'shared layer: no cut' : '']);
      out.push(pull.toString());
    }
    if (e.links.length > 0) {
      const links = new Table({
        head: ['Linked to', 'Cluster', 'Kind', 'Direction', 'Weight'],
        style,
        colAligns: ['left', 'left', 'left', 'left', 'right'],
      });
      for (const l of e.links)
        links.push([l.name, l.cluster ? label(l.cluster) : '—', l.kind, l.direction, String(l.weight)]);
      out.push(links.toString());
    }
    if (e.moves.length > 0) {
      const moves = new Table({ head: ['Move to', 'Cut weight change'], style, colAligns: ['left', 'right'] });
      for (const m of e.moves) moves.push([label(m.to), m.cutDelta > 0 ? `+${m.cutDelta}` : String(m.cutDelta)]);
      out.push(moves.toString());
    }
    if (e.kind === 'namespace' && e.members && e.members.length > 0) {
      const members = new Table({ head: ['Cluster', 'Units'], style });
      for (const m of e.members) members.push([label(m.cluster), m.units.map(label).join(', ')]);
      out.push(members.toString());
    }
    if (e.candidate) out.push(factorTable(e.candidate, c, style));
  }
  return `${out.join('\n')}\n`;
}

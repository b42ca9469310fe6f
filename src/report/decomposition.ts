/**
 * The clustering summary, printed with every clustering: the quality figures
 * and the settings that produced them on one line (so runs with other weights
 * or resolutions compare at a glance), then the clusters, largest first.
 */
import Table from 'cli-table3';
import type pc from 'picocolors';
import type { DecompositionResult } from '../core/result.js';
import type { TableStyle } from './sections.js';

type Colors = ReturnType<typeof pc.createColors>;

export function qualityLine(decomposition: DecompositionResult): string {
  const { quality: q, settings: s } = decomposition;
  const w = s.weights;
  return (
    `Candidate services: ${q.clusters ?? 0} clusters of ${q.units ?? 0} units, shared layer ${q.sharedLayerUnits ?? 0} — ` +
    `SM ${q.structuralModularity}, ICP ${q.interPartitionCallPercentage}, IFN ${q.interfaceNumber}, ` +
    `NED ${q.nonExtremeDistribution}, shared tables ${q.sharedTables} ` +
    `(resolution ${s.resolution}, seed ${s.seed}, weights references ${w.references} calls ${w.calls} ` +
    `tables ${w.sharedTables} co-change ${w.changeCoupling}${s.pins ? ', pinned' : ''})`
  );
}

export function decompositionSection(
  decomposition: DecompositionResult,
  c: Colors,
  style: TableStyle,
  top: number,
): string[] {
  const out = [c.bold(qualityLine(decomposition))];
  if (decomposition.clusters.length === 0) return out;
  const table = new Table({
    head: ['Cluster', 'Units', 'Tables', 'Shared tables', 'IFN', 'Exclusivity'],
    style,
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right'],
  });
  for (const cluster of decomposition.clusters.slice(0, top))
    table.push([
      cluster.name,
      String(cluster.figures.size),
      String(cluster.tables.length),
      String(cluster.sharedTables.length),
      String(cluster.figures.interfaceNumber),
      String(cluster.figures.exclusivity),
    ]);
  out.push(table.toString());
  if (decomposition.clusters.length > top)
    out.push(c.dim(`… and ${decomposition.clusters.length - top} more clusters (see --json)`));
  return out;
}

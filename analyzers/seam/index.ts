/**
 * seam: the heaviest seams between candidate services — for a pair of
 * clusters, the references, HTTP/gRPC calls and shared tables that cross
 * between them — best first. Each one is a cut an extraction has to make:
 * an interface to publish, a call to route through an API, a table to split
 * or to put behind its owner.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { Cluster, Seam } from '../../src/core/decomposition.js';
import type { EstateGraph } from '../../src/core/graph.js';
import type { Finding, Location, SummarySection } from '../../src/core/result.js';

export type SeamData = {
  /** Cluster ids, as in `decomposition.clusters[].id`. */
  from: string;
  to: string;
  fromName: string;
  toName: string;
  weight: number;
  /** Distinct unit pairs that reference across, and their summed counts. */
  references: number;
  referenceCount: number;
  calls: number;
  sharedTables: string[];
  /** The heaviest crossings, to start the cut list from (all of them are in `decomposition.seams`). */
  topReferences: { from: string; to: string; count: number }[];
};

export default defineAnalyzer<SeamData>()({
  meta: {
    id: 'seam',
    description:
      'Seams between candidate services: the references, HTTP/gRPC calls and shared tables that cross between two clusters, heaviest first.',
    defaultSeverity: 'note',
    messages: {
      seam: 'Seam between {fromName} and {toName} (weight {weight}): {references} references across ({referenceCount} uses), {calls} calls, {tables} shared tables{tableList} — the cut to make before either is extracted, starting with {first}',
    },
    needs: ['decomposition'],
    docs: 'analyzers/seam/README.md',
    ranked: true,
  },
  options: z
    .object({
      /** Seams lighter than this are left out. */
      minWeight: z.number().min(0).default(1),
      /** How many seams become findings. */
      top: z.number().int().min(1).default(20),
      /** Also report what each cluster uses of the shared layer (it becomes a package, not a cut). */
      includeSharedLayer: z.boolean().default(false),
    })
    .strict(),
  run({ graph, decomposition, options, report }) {
    const byId = new Map(decomposition.clusters.map((c) => [c.id, c]));
    const seams = decomposition.seams
      .filter((seam) => seam.weight >= options.minWeight)
      .filter((seam) => options.includeSharedLayer || !(byId.get(seam.from)?.shared || byId.get(seam.to)?.shared))
      .slice(0, options.top);
    for (const seam of seams) {
      const from = byId.get(seam.from);
      const to = byId.get(seam.to);
      if (!from || !to) continue;
      const first = seam.references[0] ?? seam.calls[0];
      report({
        messageId: 'seam',
        args: {
          fromName: from.name,
          toName: to.name,
          weight: seam.weight,
          references: seam.references.length,
          referenceCount: seam.references.reduce((n, r) => n + r.count, 0),
          calls: seam.calls.length,
          tables: seam.sharedTables.length,
          tableList: seam.sharedTables.length > 0 ? ` (${seam.sharedTables.map(bare).slice(0, 5).join(', ')})` : '',
          first: first
            ? `${bare(first.from)} → ${bare(first.to)}`
            : `the shared table ${bare(seam.sharedTables[0] ?? '')}`,
        },
        location: locationOf(graph, seam, from),
        data: dataOf(seam, from, to),
        identity: [seam.from, seam.to],
      });
    }
  },
  summarize(findings) {
    return findings.length > 0 ? [seamTable(findings)] : [];
  },
});

function bare(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

function dataOf(seam: Seam, from: Cluster, to: Cluster): SeamData {
  return {
    from: seam.from,
    to: seam.to,
    fromName: from.name,
    toName: to.name,
    weight: seam.weight,
    references: seam.references.length,
    referenceCount: seam.references.reduce((n, r) => n + r.count, 0),
    calls: seam.calls.length,
    sharedTables: seam.sharedTables,
    topReferences: seam.references.slice(0, 10).map(({ from, to, count }) => ({ from, to, count })),
  };
}

/** Where the heaviest crossing starts; else the first call site; else where the first shared table is declared. */
function locationOf(graph: EstateGraph, seam: Seam, from: Cluster): Location {
  const reference = seam.references[0];
  const call = seam.calls[0];
  const table = !reference && !call ? graph.nodeOfKind(seam.sharedTables[0] ?? '', 'table') : undefined;
  const declared = table?.data?.known ? table.data.sources[0] : undefined;
  if (declared) return { repo: declared.repo, file: declared.file, line: declared.line };
  const unit = graph.node(reference?.from ?? call?.from ?? from.members[0] ?? '');
  const file = call && !reference ? call.file : unit?.path;
  return {
    repo: unit?.repo ?? '',
    ...(file ? { file } : {}),
    ...(call && !reference && call.line !== undefined ? { line: call.line } : {}),
  };
}

function seamTable(findings: readonly Finding<SeamData>[]): SummarySection {
  return {
    title: 'Seams',
    headline: `${findings.length} seams between candidate services, heaviest first`,
    columns: [
      { label: 'Seam' },
      { label: 'Weight', align: 'right' },
      { label: 'References', align: 'right' },
      { label: 'Calls', align: 'right' },
      { label: 'Shared tables', align: 'right' },
    ],
    rows: findings.map((f) => [
      `${f.data.fromName} ⇄ ${f.data.toName}`,
      String(f.data.weight),
      String(f.data.references),
      String(f.data.calls),
      String(f.data.sharedTables.length),
    ]),
  };
}

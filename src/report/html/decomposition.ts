/**
 * The decomposition as the report shows it, read from the result when present:
 * clusters, seams and quality as src/core/decomposition.ts defines them, and the
 * extraction candidates read field by field (reasons and work lists as text), so
 * a result written before or after they land still renders.
 */
import { z } from 'zod';
import { candidateView, type Names, notCandidateViews } from './candidateWork.js';
import type { DecompositionView } from './reportData.js';

const clusterSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.string()),
  tables: z.array(z.string()).default([]),
  sharedTables: z.array(z.string()).default([]),
  shared: z.boolean().optional(),
  figures: z.object({ size: z.number() }).partial().optional(),
});

const seamSchema = z.object({
  from: z.string(),
  to: z.string(),
  weight: z.number(),
  references: z
    .array(
      z.object({
        from: z.string(),
        to: z.string(),
        count: z.number(),
        file: z.string().optional(),
        line: z.number().optional(),
      }),
    )
    .default([]),
  calls: z
    .array(
      z.object({
        from: z.string(),
        to: z.string(),
        kind: z.string(),
        file: z.string().optional(),
        line: z.number().optional(),
      }),
    )
    .default([]),
  sharedTables: z.array(z.string()).default([]),
});

const decompositionSchema = z.object({
  clusters: z.array(clusterSchema),
  seams: z.array(seamSchema).default([]),
  quality: z.record(z.string(), z.unknown()).optional(),
  candidates: z.array(z.unknown()).optional(),
  notCandidates: z.array(z.unknown()).optional(),
});

export type ClusterInput = z.infer<typeof clusterSchema>;

export interface DecompositionRead {
  view: DecompositionView;
  clusters: ClusterInput[];
}

/** The decomposition under `result.decomposition`, or clusters/seams/candidates at the top level; a problem message when present but unreadable. */
export function readDecomposition(result: object): DecompositionRead | { problem: string } | undefined {
  const record = result as Record<string, unknown>;
  const nested = record.decomposition;
  const source =
    nested && typeof nested === 'object'
      ? {
          ...(nested as object),
          candidates: (nested as Record<string, unknown>).candidates ?? record.candidates,
          notCandidates: (nested as Record<string, unknown>).notCandidates ?? record.notCandidates,
        }
      : record.clusters !== undefined
        ? {
            clusters: record.clusters,
            seams: record.seams,
            quality: record.quality,
            candidates: record.candidates,
            notCandidates: record.notCandidates,
          }
        : undefined;
  if (!source) return undefined;
  const parsed = decompositionSchema.safeParse(source);
  if (!parsed.success)
    return { problem: `the result's decomposition could not be read: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const { clusters, seams, quality, candidates, notCandidates } = parsed.data;
  const names = namesOf(record, clusters);
  const where = (file?: string, line?: number): { where?: string } =>
    file ? { where: line !== undefined ? `${file}:${line}` : file } : {};
  return {
    clusters,
    view: {
      clusters: clusters.map((c) => ({
        id: c.id,
        name: c.name,
        size: c.figures?.size ?? c.members.length,
        tables: c.tables,
        sharedTables: c.sharedTables,
        shared: c.shared === true,
      })),
      seams: seams.map((s) => ({
        from: s.from,
        to: s.to,
        weight: s.weight,
        references: s.references.map((r) => ({
          from: names.node(r.from),
          to: names.node(r.to),
          count: r.count,
          ...where(r.file, r.line),
        })),
        calls: s.calls.map((c) => ({
          from: names.node(c.from),
          to: names.node(c.to),
          kind: c.kind,
          ...where(c.file, c.line),
        })),
        sharedTables: s.sharedTables.map(names.node),
      })),
      ...(quality ? { quality: numbersOf(quality) } : {}),
      candidates: (candidates ?? []).map((c, i) => candidateView(c, i, names)),
      notCandidates: notCandidateViews(notCandidates, names),
    },
  };
}

function numbersOf(record: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/** Node names from the result's graph, when it has one; cluster names from the clusters. */
function namesOf(record: Record<string, unknown>, clusters: readonly ClusterInput[]): Names {
  const graph = record.graph as { nodes?: { id?: unknown; name?: unknown }[] } | undefined;
  const nodeNames = new Map<string, string>();
  for (const node of Array.isArray(graph?.nodes) ? graph.nodes : [])
    if (typeof node.id === 'string' && typeof node.name === 'string') nodeNames.set(node.id, node.name);
  const byId = new Map(clusters.map((c) => [c.id, c]));
  return {
    node: (id) => nodeNames.get(id) ?? id.slice(id.indexOf(':') + 1),
    cluster: (id) => byId.get(id)?.name ?? id,
    isShared: (id) => byId.get(id)?.shared === true,
  };
}

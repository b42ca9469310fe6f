/**
 * The `clustering` section of `assess.config.json`: signal weights, Louvain
 * resolution and seed, the hub threshold, and pins — fixed groups
 * (`"groups": { "Billing": ["*.Billing.*"] }`) and units treated as shared
 * infrastructure (`"shared": ["*.Logging.*"]`). See README "Clustering".
 */
import { z } from 'zod';
import { type ClusteringSettings, DEFAULT_CLUSTERING_SETTINGS } from '../core/decomposition.js';

const weight = z.number().min(0);
const patterns = z.array(z.string().min(1)).nonempty();
const defaults = DEFAULT_CLUSTERING_SETTINGS;

export const clusteringConfigSchema = z
  .object({
    weights: z
      .object({
        references: weight.default(defaults.weights.references),
        calls: weight.default(defaults.weights.calls),
        sharedTables: weight.default(defaults.weights.sharedTables),
        changeCoupling: weight.default(defaults.weights.changeCoupling),
      })
      .strict()
      .default({ ...defaults.weights }),
    resolution: z.number().positive().default(defaults.resolution),
    seed: z.number().int().min(0).default(defaults.seed),
    /** A unit used from this many distinct areas is a hub: it joins the shared layer. */
    hubMinAreas: z
      .number()
      .int()
      .min(2)
      .default(defaults.hubMinAreas ?? 3),
    pins: z
      .object({
        /** Group name → patterns; the first group whose pattern matches a unit takes it. */
        groups: z.record(z.string().min(1), patterns).default({}),
        shared: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ groups: {}, shared: [] }),
  })
  .strict();

export type ClusteringConfig = z.infer<typeof clusteringConfigSchema>;

export function clusteringSettings(config: ClusteringConfig): ClusteringSettings {
  const groups = Object.entries(config.pins.groups).map(([name, list]) => ({ name, patterns: [...list] }));
  const pinned = groups.length > 0 || config.pins.shared.length > 0;
  return {
    weights: { ...config.weights },
    resolution: config.resolution,
    seed: config.seed,
    hubMinAreas: config.hubMinAreas,
    ...(pinned ? { pins: { groups, shared: [...config.pins.shared] } } : {}),
  };
}

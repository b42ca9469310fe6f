/**
 * `rules` in assess.config.json: what `assess check` lets through. Without it,
 * any new dependency across a cluster, namespace or project boundary and any new or grown
 * cycle fails; forbidden and allowed dependencies, thresholds and ignores
 * (each with a reason and an expiry date) tighten or loosen that.
 */
import { z } from 'zod';
import { BOUNDARY_LEVELS, DEPENDENCY_KINDS } from '../core/check.js';

/** What a selector can name: `cluster:billing`, `repo:harbor-web`, `project:**\/Harbor.Core.csproj`, `namespace:Harbor.Billing.**`, `path:harbor-web/src/**`, `table:identity.*`, `endpoint:GET /api/**`. */
export const SELECTOR_FACETS = ['cluster', 'repo', 'project', 'namespace', 'path', 'table', 'endpoint'] as const;

const selector = z
  .string()
  .regex(
    new RegExp(`^(${SELECTOR_FACETS.join('|')}):.+$`),
    `expected "<${SELECTOR_FACETS.join('|')}>:<pattern>", e.g. "namespace:Harbor.Billing.**"`,
  );
const selectors = z.union([selector, z.array(selector).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** `table` stands for read, write and execute; `call` for http and grpc. */
const kind = z.enum([...DEPENDENCY_KINDS, 'table', 'call']);
const severity = z.enum(['error', 'warning', 'note']);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((d) => {
    // Date.parse takes 2027-02-30 as March 2nd: a real date survives the round trip unchanged.
    const time = Date.parse(d);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === d;
  }, 'not a calendar date');

const forbiddenRule = z
  .object({
    name: z.string().min(1),
    from: selectors,
    to: selectors,
    kinds: z.array(kind).min(1).optional(),
    severity: severity.default('error'),
    comment: z.string().optional(),
  })
  .strict();

/** `from` may depend only on `to` (for the kinds given): "the web front end calls only the gateway". */
const allowedRule = forbiddenRule.extend({ name: z.string().min(1).optional() });

const ignore = z
  .object({
    /** A finding's id, or the rule of the items it covers (`new-coupling`, `new-cycle`, a rule name). */
    finding: z.string().min(1).optional(),
    rule: z.string().min(1).optional(),
    from: selectors.optional(),
    to: selectors.optional(),
    reason: z.string().trim().min(1, 'an ignore needs a reason'),
    expires: isoDate,
  })
  .strict()
  .refine((i) => i.finding || i.rule || i.from || i.to, 'an ignore needs finding, rule, from or to');

export const rulesConfigSchema = z
  .object({
    /** Levels where a new dependency fails without a rule saying otherwise. */
    levels: z.array(z.enum(BOUNDARY_LEVELS)).min(1).default(['cluster', 'project', 'namespace']),
    newCoupling: z
      .object({
        severity: severity.default('error'),
        /** New dependencies the default rule lets through before it fails. */
        maxNew: z.number().int().min(0).default(0),
      })
      .strict()
      .default({ severity: 'error', maxNew: 0 }),
    cycles: z
      .object({ severity: severity.default('error') })
      .strict()
      .default({ severity: 'error' }),
    /** New findings of this severity or worse fail; `never`: reported only. */
    findings: z
      .object({ failOn: z.enum(['error', 'warning', 'note', 'never']).default('error') })
      .strict()
      .default({ failOn: 'error' }),
    forbidden: z.array(forbiddenRule).default([]),
    allowed: z.array(allowedRule).default([]),
    /** Units whose instability Ce/(Ca+Ce) rises above `max` fail. */
    instability: z
      .object({ level: z.enum(BOUNDARY_LEVELS), max: z.number().min(0).max(1), severity: severity.default('error') })
      .strict()
      .optional(),
    ignore: z.array(ignore).default([]),
  })
  .strict();

export type RulesConfig = z.infer<typeof rulesConfigSchema>;
export type ForbiddenRule = z.infer<typeof forbiddenRule>;
export type AllowedRule = z.infer<typeof allowedRule>;
export type IgnoreRule = z.infer<typeof ignore>;
export type RuleKind = z.infer<typeof kind>;
export const DEFAULT_RULES: RulesConfig = rulesConfigSchema.parse({});

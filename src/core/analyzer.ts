/**
 * The analyzer contract. An analyzer is a plain object: `meta` says what it finds,
 * what it needs and the messages it may use, `options` validates its settings,
 * `run` reports findings through the context instead of mutating a shared record,
 * and `summarize` may contribute summary tables built from its own findings.
 *
 * What an analyzer declares in `meta.needs` is present in its context (typed, not
 * optional): the pipeline runs a phase only when a selected analyzer needs it, and
 * skips an analyzer with a diagnostic when what it needs could not be provided.
 */
import type { z } from 'zod';
import type { Decomposition } from './decomposition.js';
import type { EstateGraph } from './graph.js';
import type { HistorySummary } from './history.js';
import type { EstateModel } from './model.js';
import type { AdvisoryMatcher, PackageUsage, RegistryAnswers } from './packages.js';
import type { Finding, Location, Severity, SummarySection } from './result.js';
import type { SqlEstate } from './sqlEstate.js';

/** What each need puts into the context. */
export interface Provisions {
  /** The history pass ran (git logs read, figures and `co-change` edges on the graph). */
  history: HistorySummary;
  /** Schema, routines and queries of the estate. */
  sql: SqlEstate;
  /** Registry answers for the packages in use (network, or the cache when offline). */
  registry: RegistryAnswers;
  /** The advisory database the user pointed to. */
  advisories: AdvisoryMatcher;
  /** The estate cut into candidate services: clusters, their quality figures and the seams between them. */
  decomposition: Decomposition;
}

export type Need = keyof Provisions;

/** Phases and inputs in the order the pipeline provides them; also the order of `meta.needs` in messages. */
export const NEEDS: readonly Need[] = ['sql', 'history', 'registry', 'advisories', 'decomposition'];

/** Always in the context, whatever an analyzer declares. */
export interface EstateContext {
  graph: EstateGraph;
  model: EstateModel;
  /** Every package usage of the estate (one per `package-ref` edge). */
  packages: readonly PackageUsage[];
  /** ISO date-time of the scan: ages and end-of-life are judged against it, not against today. */
  scanDate: string;
}

export type ProvidedContext<N extends Need> = EstateContext & Pick<Provisions, N>;

export interface AnalyzerMeta<MessageId extends string, N extends Need> {
  /** The finding's `ruleId`; also the analyzer's folder name. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Message templates; `{name}` placeholders are filled from `FindingReport.args`. */
  messages: Record<MessageId, string>;
  /** What the analyzer reads besides the graph; see `Provisions`. */
  needs: readonly N[];
  /** Link to the analyzer's README, for SARIF `helpUri` and the HTML report. */
  docs?: string;
  /**
   * The analyzer reports its findings best first (a top-N list): the result keeps
   * that order and numbers them (`Finding.rank`) instead of sorting them by location.
   */
  ranked?: true;
}

export interface FindingReport<MessageId extends string, Data extends object> {
  messageId: MessageId;
  args?: Record<string, string | number>;
  severity?: Severity;
  location: Location;
  related?: Location[];
  data: Data;
  /** What identifies the finding across runs (e.g. the cycle's sorted members); never line numbers. */
  identity: readonly string[];
}

export type AnalyzerContext<
  Options,
  MessageId extends string,
  Data extends object,
  N extends Need,
> = ProvidedContext<N> & {
  options: Options;
  report(finding: FindingReport<MessageId, Data>): void;
};

export type SummaryContext<Options, N extends Need> = ProvidedContext<N> & { options: Options };

export interface Analyzer<Options, MessageId extends string, Data extends object, N extends Need> {
  meta: AnalyzerMeta<MessageId, N>;
  /** Validates this analyzer's options from the config; defaults make `{}` valid. */
  options: z.ZodType<Options>;
  run(context: AnalyzerContext<Options, MessageId, Data, N>): void | Promise<void>;
  /** Summary tables from this analyzer's own findings (after its thresholds), for the reports. */
  summarize?(findings: readonly Finding<Data>[], context: SummaryContext<Options, N>): SummarySection[];
}

/** Any analyzer, as the registry and the pipeline hold them. */
// biome-ignore lint/suspicious/noExplicitAny: options and data are checked where each analyzer is defined
export type AnyAnalyzer = Analyzer<any, string, any, Need>;

/**
 * Typed analyzers: `Data` is the shape of this analyzer's `Finding.data`, given
 * explicitly (`defineAnalyzer<CycleData>()({...})`); options, message ids and needs
 * are inferred from the object.
 */
export function defineAnalyzer<Data extends object>() {
  return <Options, MessageId extends string, N extends Need = never>(
    analyzer: Analyzer<Options, MessageId, Data, N>,
  ): Analyzer<Options, MessageId, Data, N> => analyzer;
}

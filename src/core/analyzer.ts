/**
 * The analyzer contract. An analyzer is a plain object: `meta` says what it finds
 * and the messages it may use, `options` validates its settings, and `run` reports
 * findings through the context instead of mutating a shared record.
 */
import type { z } from 'zod';
import type { EstateModel } from '../graph/buildGraph.js';
import type { EstateGraph } from './graph.js';
import type { Location, Severity } from './result.js';

export interface AnalyzerMeta<MessageId extends string = string> {
  /** The finding's `ruleId`; also the analyzer's folder name. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Message templates; `{name}` placeholders are filled from `FindingReport.args`. */
  messages: Record<MessageId, string>;
  /** Link to the analyzer's README, for SARIF `helpUri` and the HTML report. */
  docs?: string;
}

export interface FindingReport<MessageId extends string = string> {
  messageId: MessageId;
  args?: Record<string, string | number>;
  severity?: Severity;
  location: Location;
  related?: Location[];
  data: Record<string, unknown>;
  /** What identifies the finding across runs (e.g. the cycle's sorted members); never line numbers. */
  identity: readonly string[];
}

export interface AnalyzerContext<Options, MessageId extends string = string> {
  model: EstateModel;
  graph: EstateGraph;
  options: Options;
  report(finding: FindingReport<MessageId>): void;
}

export interface Analyzer<Options = unknown, MessageId extends string = string> {
  meta: AnalyzerMeta<MessageId>;
  /** Validates this analyzer's options from the config; defaults make `{}` valid. */
  options: z.ZodType<Options>;
  run(context: AnalyzerContext<Options, MessageId>): void | Promise<void>;
}

/** Typed analyzers with inferred options and message ids; erased to `Analyzer` in the registry. */
export function defineAnalyzer<Options, MessageId extends string>(
  analyzer: Analyzer<Options, MessageId>,
): Analyzer<Options, MessageId> {
  return analyzer;
}

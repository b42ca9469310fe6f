/**
 * The analyzer tester, in the spirit of ESLint's RuleTester: an analyzer and its
 * cases, `valid` ones where it must stay silent and `invalid` ones where it must
 * report exactly the findings listed, in order. Each case is a vitest test that
 * builds its estate with the EstateBuilder and runs the analyzer through the real
 * `runAnalyzers`, so option parsing, needs, message templates, fingerprints and
 * sorting are the ones a scan uses.
 *
 * A case fails — besides on findings other than expected — when its estate did
 * not extract cleanly, when it does not provide what the analyzer needs, when it
 * expects a message id the analyzer does not declare, when the run gives any
 * diagnostic (a failed analyzer, invalid options), or when a message keeps a
 * placeholder no argument filled.
 */
import { describe, expect, it } from 'vitest';
import type { Analyzer, Need } from '../../src/core/analyzer.js';
import type { Diagnostic, Finding, Location, ResultSummary, Severity, SummarySection } from '../../src/core/result.js';
import { runAnalyzers } from '../../src/scan/runAnalyzers.js';
import { EstateBuilder, type BuiltEstate } from './estateBuilder.js';

/** Objects partially, arrays element by element at their full length (as `toMatchObject` compares them). */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** What a case may set: the analyzer's options before defaults (every option has one). */
export type OptionsInput<Options> = { [K in keyof Options]?: Options[K] };

export type DeclareEstate = (builder: EstateBuilder) => EstateBuilder;

export interface AnalyzerCase<Options> {
  name: string;
  estate: DeclareEstate;
  options?: OptionsInput<Options>;
  /** The summary sections the analyzer must contribute, in order; not checked when absent. */
  summaries?: readonly DeepPartial<SummarySection>[];
}

export interface ExpectedFinding<MessageId extends string, Data extends object> {
  messageId: MessageId;
  /** The whole filled message, or a pattern it must match. */
  message?: string | RegExp;
  severity?: Severity;
  location?: Partial<Location>;
  related?: readonly Partial<Location>[];
  /** For ranked analyzers (`meta.ranked`): the finding's place, 1 for the best. */
  rank?: number;
  data?: DeepPartial<Data>;
}

export interface InvalidCase<Options, MessageId extends string, Data extends object> extends AnalyzerCase<Options> {
  findings: readonly [ExpectedFinding<MessageId, Data>, ...ExpectedFinding<MessageId, Data>[]];
}

type AtLeastOne<T> = readonly [T, ...T[]];

export interface AnalyzerCases<Options, MessageId extends string, Data extends object> {
  valid: AtLeastOne<AnalyzerCase<Options>>;
  invalid: AtLeastOne<InvalidCase<Options, MessageId, Data>>;
}

export interface AnalyzerOutcome<Data extends object> {
  findings: Finding<Data>[];
  summaries: ResultSummary[];
  diagnostics: Diagnostic[];
  built: BuiltEstate;
}

/** How a test provides each need, for the error that says one is missing. */
const HOW_TO_PROVIDE: Record<Need, string> = {
  sql: 'always provided',
  history: 'b.history(), history figures on a file, or b.coChange()',
  registry: 'b.registry([...metadata])',
  advisories: 'b.advisories()',
  decomposition: 'b.clustering()',
};

/** Registers a `describe` block for the analyzer with one test per case. */
export function testAnalyzer<Options, MessageId extends string, Data extends object, N extends Need>(
  analyzer: Analyzer<Options, MessageId, Data, N>,
  cases: NoInfer<AnalyzerCases<Options, MessageId, Data>>,
): void {
  const { id } = analyzer.meta;
  assertDistinctNames(id, [...cases.valid, ...cases.invalid]);
  describe(id, () => {
    describe('valid', () => {
      for (const c of cases.valid) it(c.name, () => verifyValid(analyzer, c));
    });
    describe('invalid', () => {
      for (const c of cases.invalid) it(c.name, () => verifyInvalid(analyzer, c));
    });
    it('has an invalid case for every message it declares', () => {
      const expected = new Set(cases.invalid.flatMap((c) => c.findings.map((f) => f.messageId)));
      expect(Object.keys(analyzer.meta.messages).filter((m) => !expected.has(m as MessageId))).toEqual([]);
    });
  });
}

/** Runs a valid case: it must stay silent (and contribute the summaries it expects). */
export async function verifyValid<Options, MessageId extends string, Data extends object, N extends Need>(
  analyzer: Analyzer<Options, MessageId, Data, N>,
  c: NoInfer<AnalyzerCase<Options>>,
): Promise<void> {
  const outcome = await runCase(analyzer, c, []);
  expect(outcome.findings, 'a valid case must stay silent').toEqual([]);
  if (c.summaries) expect(outcome.summaries).toMatchObject(c.summaries);
}

/** Runs an invalid case: it must report exactly the expected findings, in order. */
export async function verifyInvalid<Options, MessageId extends string, Data extends object, N extends Need>(
  analyzer: Analyzer<Options, MessageId, Data, N>,
  c: NoInfer<InvalidCase<Options, MessageId, Data>>,
): Promise<void> {
  const outcome = await runCase(analyzer, c, c.findings);
  expect(outcome.findings).toMatchObject(c.findings.map(matcherOf));
  if (c.summaries) expect(outcome.summaries).toMatchObject(c.summaries);
}

/**
 * Builds the estate and runs the analyzer as a scan would, with no checks: for
 * tests that compare runs (fingerprints that survive an edit) or look at the
 * diagnostics themselves.
 */
export async function runAnalyzer<Options, MessageId extends string, Data extends object, N extends Need>(
  analyzer: Analyzer<Options, MessageId, Data, N>,
  declare: DeclareEstate,
  options: OptionsInput<Options> = {},
): Promise<AnalyzerOutcome<Data>> {
  return runBuilt(analyzer, await declare(new EstateBuilder()).build(), options);
}

async function runBuilt<Options, MessageId extends string, Data extends object, N extends Need>(
  analyzer: Analyzer<Options, MessageId, Data, N>,
  built: BuiltEstate,
  options: OptionsInput<Options>,
): Promise<AnalyzerOutcome<Data>> {
  const run = await runAnalyzers([analyzer], built.estate, built.provided, { [analyzer.meta.id]: options });
  // Every finding of this run came from this analyzer's reports, whose data is `Data`.
  return { ...run, findings: run.findings as Finding<object>[] as Finding<Data>[], built };
}

async function runCase<Options, MessageId extends string, Data extends object, N extends Need>(
  analyzer: Analyzer<Options, MessageId, Data, N>,
  c: AnalyzerCase<Options>,
  expected: readonly ExpectedFinding<MessageId, Data>[],
): Promise<AnalyzerOutcome<Data>> {
  const { id, messages, needs } = analyzer.meta;
  for (const finding of expected) {
    if (!Object.hasOwn(messages, finding.messageId)) {
      throw new Error(
        `expects messageId "${finding.messageId}", which ${id} does not declare (it has ${Object.keys(messages).join(', ')})`,
      );
    }
  }
  const built = await c.estate(new EstateBuilder()).build();
  const missing = needs.filter((need) => built.provided[need] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `${id} needs ${missing.map((need) => `${need} (${HOW_TO_PROVIDE[need]})`).join(', ')}, which this case does not provide`,
    );
  }
  // An estate that did not extract cleanly is not the estate the case describes: silence would prove nothing.
  const unclean = built.estate.model.diagnostics.filter((d) => d.severity !== 'info');
  expect(unclean, 'the estate extracted with problems').toEqual([]);
  const outcome = await runBuilt(analyzer, built, c.options ?? {});
  expect(outcome.diagnostics, `${id} did not run cleanly`).toEqual([]);
  for (const finding of outcome.findings) {
    expect(finding.ruleId).toBe(id);
    expect(Object.keys(messages)).toContain(finding.messageId);
    const unfilled = placeholdersOf(messages[finding.messageId as MessageId]).filter((name) =>
      finding.message.includes(`{${name}}`),
    );
    expect(unfilled, `placeholders left in "${finding.message}"`).toEqual([]);
  }
  for (const summary of outcome.summaries) expect(summary.ruleId).toBe(id);
  return outcome;
}

function matcherOf<MessageId extends string, Data extends object>(
  expected: ExpectedFinding<MessageId, Data>,
): Record<string, unknown> {
  const { message, ...rest } = expected;
  return {
    ...rest,
    ...(message === undefined
      ? {}
      : { message: typeof message === 'string' ? message : expect.stringMatching(message) }),
  };
}

function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

function assertDistinctNames(id: string, cases: readonly { name: string }[]): void {
  const seen = new Set<string>();
  for (const { name } of cases) {
    if (seen.has(name)) throw new Error(`${id}: two cases are named "${name}"`);
    seen.add(name);
  }
}

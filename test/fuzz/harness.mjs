/**
 * Property-based fuzzing of every extractor, through `processFile` as the scan
 * runs it: a case is one seed source (seeds.mjs) and a few mutations — byte
 * flips, truncation, deletion, splicing in a slice of a file of another
 * language, runs of brackets, quotes and comment openers, repeated slices —
 * read as the seed's kind or as another file's. The property: the result holds
 * facts or a diagnostic, could cross to the main thread, names no crash of an
 * extractor (a diagnostic saying one threw), printed no process warning, and
 * took less than the budget.
 *
 * Plain JS so that `npm run fuzz` (run.mjs, on the build) and the CI test
 * (extractors.test.ts, on the sources) share it: they pass in `processFile`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
  '"',
  "'",
  '`',
  '/*',
  '*/',
  '//',
  '--',
  '#',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '${',
  '@"',
  '$"',
  '"""',
  '#if DEBUG\n',
  '#region',
  '\\',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\uFEFF',
  '\u0000',
  ',',
  ';',
  ':',
  '=',
  '=>',
  '?.',
  '&',
  '&#x41;',
  '%',
  'GO\n',
  'BEGIN ',
  ' END',
  "N'",
  '[dbo].',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '- ',
  '  ',
  '\t',
  '? ',
  '*',
  '&anchor ',
  '<<: ',
  '!!binary ',
];

/**
 * Diagnostics that say an extractor threw (processFile and the C# extractor catch and report it).
 * `extract-timeout` is no crash: the budget did its job, and its time is checked against the budget.
 */
const CRASH_CODES = new Set(['extract-failed', 'csharp-extract-failed']);
/** A third-party parser's own bug, reported as such: nothing of ours to fix (Babel on some broken TypeScript). */
const REPORTED_PARSER_BUG = /Babel failed internally on this file/;
/** Messages of JavaScript's own errors: an extractor that turned one into a "cannot parse" hides a crash. */
const CRASH_TEXT =
  /Cannot read propert|Cannot set propert|is not a function|is not iterable|Maximum call stack|is not defined|Invalid array length|Invalid string length/;

const place = fc.integer({ min: 0, max: 10_000 });

/** @param {{ path: string, kind: string, bytes: Buffer }[]} seeds */
export function caseArbitrary(seeds) {
  const seed = fc.nat(seeds.length - 1);
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('flip'), at: place, byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('truncate'), at: place }),
    fc.record({ op: fc.constant('delete'), at: place, length: fc.integer({ min: 1, max: 400 }) }),
    fc.record({
      op: fc.constant('splice'),
      from: seed,
      start: place,
      length: fc.integer({ min: 1, max: 600 }),
      at: place,
    }),
    fc.record({
      op: fc.constant('insert'),
      token: fc.constantFrom(...TOKENS),
      times: fc.integer({ min: 1, max: 600 }),
      at: place,
    }),
    fc.record({
      op: fc.constant('repeat'),
      start: place,
      length: fc.integer({ min: 1, max: 120 }),
      times: fc.integer({ min: 2, max: 40 }),
    }),
  );
  return fc.record({
    seed,
    mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
    // Most cases are read by their own extractor; some by another file's, as a misnamed file would be.
    readAs: fc.option(seed, { freq: 3, nil: undefined }),
  });
}

const at = (bytes, fraction) => Math.floor((bytes.length * fraction) / 10_000);

/** The file a case makes: the mutated bytes, under the seed's name or the one it is read as. */
export function applyCase(seeds, fuzzCase) {
  let bytes = seeds[fuzzCase.seed].bytes;
  for (const m of fuzzCase.mutations) {
    if (m.op === 'flip') {
      if (bytes.length === 0) continue;
      bytes = Buffer.from(bytes);
      bytes[Math.min(at(bytes, m.at), bytes.length - 1)] = m.byte;
    } else if (m.op === 'truncate') bytes = bytes.subarray(0, at(bytes, m.at));
    else if (m.op === 'delete')
      bytes = Buffer.concat([bytes.subarray(0, at(bytes, m.at)), bytes.subarray(at(bytes, m.at) + m.length)]);
    else if (m.op === 'splice') {
      const other = seeds[m.from].bytes;
      const start = at(other, m.start);
      bytes = insertAt(bytes, at(bytes, m.at), other.subarray(start, start + m.length));
    } else if (m.op === 'insert')
      bytes = insertAt(bytes, at(bytes, m.at), Buffer.from(m.token.repeat(m.times), 'utf8'));
    else if (m.op === 'repeat') {
      const start = at(bytes, m.start);
      const slice = bytes.subarray(start, start + m.length);
      bytes = insertAt(bytes, start, Buffer.concat(Array.from({ length: m.times - 1 }, () => slice)));
    }
  }
  const named = seeds[fuzzCase.readAs ?? fuzzCase.seed];
  return { path: named.path, kind: named.kind, bytes };
}

function insertAt(bytes, index, piece) {
  return Buffer.concat([bytes.subarray(0, index), piece, bytes.subarray(index)]);
}

/**
 * Runs one case; returns what is wrong with its result (undefined when nothing is) and how long it took.
 * @param {{ processFile: Function, parsers: object, dir: string, budgetMs: number }} target
 */
export function checkCase(target, seeds, fuzzCase) {
  const file = applyCase(seeds, fuzzCase);
  const absPath = path.join(target.dir, path.posix.basename(file.path));
  writeFileSync(absPath, file.bytes);
  const entry = { repo: 'fuzz', path: file.path, absPath, size: file.bytes.length, kind: file.kind };
  // A library printing to the terminal about a file is output the scan did not decide on.
  const warnings = [];
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning) => void warnings.push(String(warning?.message ?? warning));
  const started = performance.now();
  let result;
  try {
    result = target.processFile(entry, 4 * 1024 * 1024, target.parsers, target.budgetMs);
  } catch (error) {
    return { problem: `processFile threw: ${error?.stack ?? error}`, ms: performance.now() - started, file };
  } finally {
    process.emitWarning = emitWarning;
  }
  const ms = performance.now() - started;
  const printed = warnings.length > 0 ? `printed a process warning: ${warnings[0].split('\n')[0]}` : undefined;
  const timedOut = result?.diagnostics?.some((d) => d.code === 'extract-timeout') ?? false;
  return { problem: printed ?? problemOf(result, ms, target.budgetMs), ms, file, timedOut };
}

function problemOf(result, ms, budgetMs) {
  if (!result || !Array.isArray(result.diagnostics)) return 'no result';
  if (!result.extracted && result.diagnostics.length === 0) return 'neither facts nor a diagnostic';
  const crash = result.diagnostics.find(
    (d) => CRASH_CODES.has(d.code) || (CRASH_TEXT.test(d.message) && !REPORTED_PARSER_BUG.test(d.message)),
  );
  if (crash) return `${crash.code}: ${crash.message}`;
  try {
    structuredClone(result);
  } catch (error) {
    return `result cannot be sent back from a worker: ${error}`;
  }
  // Stopping takes a moment past the budget (the parse step under way finishes): a quarter more is a failure.
  if (ms > budgetMs * 1.25) return `took ${Math.round(ms)} ms, over the ${budgetMs} ms budget`;
  return undefined;
}

/** A readable one-line account of a case, for failures and the slowest case. */
export function describeCase(seeds, fuzzCase) {
  const file = applyCase(seeds, fuzzCase);
  const from = seeds[fuzzCase.seed].path;
  const as = fuzzCase.readAs === undefined ? '' : ` read as ${file.path} (${file.kind})`;
  return `${from}${as}, ${file.bytes.length} bytes, mutations ${JSON.stringify(fuzzCase.mutations)}`;
}

/** fast-check's property over the cases; `onCase` sees every run (for counts and the slowest). */
export function extractorProperty(target, seeds, onCase = () => {}) {
  return fc.property(caseArbitrary(seeds), (fuzzCase) => {
    const outcome = checkCase(target, seeds, fuzzCase);
    onCase(fuzzCase, outcome);
    if (outcome.problem) throw new Error(outcome.problem);
  });
}

import type Parser from 'tree-sitter';
import type { CSharpFileFacts, ExtractionOutcome, ExtractionProblem } from '../../core/facts.js';
import { CSHARP_HANDLERS } from './handlers.js';
import { countCodeLines } from './lineCounts.js';
import type { CSharpParser } from './parser.js';
import { collectSyntaxErrors } from './syntaxErrors.js';
import { MAX_HANDLER_DEPTH, visit } from './traversal.js';
import { rethrowBudgetStop } from '../fileBudget.js';
import { finishLinqFacts } from './linqChains.js';
import { finishUrlFacts } from './urlFacts.js';
import { createWalkContext, type WalkContext } from './walkContext.js';

export { loadCSharpParser, type CSharpParser } from './parser.js';

/**
 * Facts of one C# file, from its text alone. Never throws: a crash becomes a
 * `csharp-extract-failed` problem; syntax errors keep the facts that parsed
 * and add one `csharp-syntax` warning.
 *
 * Memory: the facts hold no tree nodes. tree-sitter 0.25's Node binding has
 * no `Tree.delete`; a tree's native memory is freed by a GC finalizer that
 * Node runs from the event loop, so callers looping over many files must
 * yield between them (any `await` of real I/O does) or native memory piles up.
 */
export function extractCSharp(parser: CSharpParser, text: string): ExtractionOutcome<CSharpFileFacts> {
  try {
    return extract(parser, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    rethrowBudgetStop(error); // the file's budget, not a bug of the extractor: processFile reports it
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problems: [{ code: 'csharp-extract-failed', severity: 'error', message: `C# extraction failed: ${reason}` }],
    };
  }
}

function extract(parser: CSharpParser, text: string): ExtractionOutcome<CSharpFileFacts> {
  const tree = parser.parse(text);
  try {
    return extractFromTree(parser, tree, text);
  } finally {
    (tree as { delete?: () => void }).delete?.(); // for bindings that can free eagerly
  }
}

function extractFromTree(parser: CSharpParser, tree: Parser.Tree, text: string): ExtractionOutcome<CSharpFileFacts> {
  const hasErrors = tree.rootNode.hasError;
  const ctx = createWalkContext(tree.walk(), text, parser.kinds, CSHARP_HANDLERS, () => tree.walk());
  visit(ctx);
  const errors = hasErrors ? collectSyntaxErrors(tree) : { positions: [], count: 0 };

  const lines = countCodeLines(text, ctx.comments);
  // Type loc is line-based, so a nested type's lines count in its outer type
  // too; type complexity counts the type's own body only (nested types excluded).
  const types = ctx.types.map(({ owner, facts }) => {
    facts.references = owner.finishReferences();
    facts.loc = lines.between(facts.line, facts.endLine);
    facts.complexity = 1 + owner.decisions;
    return facts;
  });

  const facts: CSharpFileFacts = {
    kind: 'csharp',
    loc: lines.total,
    complexity: 1 + ctx.fileDecisions,
    usings: ctx.usings,
    namespaces: ctx.namespaces,
    types,
    fileReferences: ctx.fileScope.finishReferences(),
    // Sorted: a call is recorded after its arguments, so nested calls would come first.
    callSites: ctx.callSites.sort(bySourcePosition),
    stringDeclarations: ctx.stringDeclarations.sort((a, b) => bySourcePosition(a.value, b.value)),
    ...callChainsOf(ctx),
    ...urlFactsOf(ctx),
    ...linqFactsOf(ctx),
    syntaxErrors: errors.positions,
    syntaxErrorCount: errors.count,
  };
  const problems: ExtractionProblem[] = [];
  const first = errors.positions[0];
  if (first) {
    const plural = errors.count === 1 ? '' : 's';
    problems.push({
      code: 'csharp-syntax',
      severity: 'warning',
      message: `${errors.count} syntax error${plural}; first at line ${first.line}, column ${first.column}`,
      line: first.line,
      column: first.column,
    });
  }
  if (ctx.depthLimited) {
    problems.push({
      code: 'csharp-too-deep',
      severity: 'warning',
      message: `nesting deeper than ${MAX_HANDLER_DEPTH} levels: references and calls below that depth were not read`,
    });
  }
  return { facts, problems };
}

/** Recorded in the order their calls finish (inner first): sorted by where each chain starts. */
function callChainsOf(ctx: WalkContext): Pick<CSharpFileFacts, 'callChains'> {
  const { chains } = ctx.schema;
  if (chains.length === 0) return {};
  return { callChains: chains.sort((a, b) => a.start - b.start).map(({ chain }) => chain) };
}

function urlFactsOf(ctx: WalkContext): Pick<CSharpFileFacts, 'urls'> {
  const urls = finishUrlFacts(ctx);
  return urls === undefined ? {} : { urls };
}

function linqFactsOf(ctx: WalkContext): Pick<CSharpFileFacts, 'linq'> {
  const linq = finishLinqFacts(ctx);
  return linq === undefined ? {} : { linq };
}

function bySourcePosition(a: { line: number; column: number }, b: { line: number; column: number }): number {
  return a.line - b.line || a.column - b.column;
}

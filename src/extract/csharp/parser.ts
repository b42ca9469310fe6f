import type Parser from 'tree-sitter';
import { checkFileBudget, fileBudgetSpent } from '../fileBudget.js';
import { NodeKinds } from './nodeKinds.js';

/**
 * A tree-sitter parser with the C# grammar set, plus the node-kind cache the walker needs.
 * `parse` throws `FileBudgetExceeded` when the file's budget runs out mid-parse.
 */
export interface CSharpParser {
  parse(text: string): Parser.Tree;
  readonly kinds: NodeKinds;
}

/**
 * Chunk size handed to tree-sitter's input callback. tree-sitter 0.25 keeps
 * reading past a chunk, so any size parses a whole file; a large chunk just
 * means fewer JS round trips for multi-megabyte files.
 */
const PARSE_BUFFER_CHARS = 1 << 20;

let loading: Promise<CSharpParser> | undefined;

/** Loads tree-sitter lazily (native addon) and returns one shared parser per thread. */
export function loadCSharpParser(): Promise<CSharpParser> {
  loading ??= createParser().catch((error: unknown) => {
    loading = undefined; // let a later call retry instead of caching the failure
    throw error;
  });
  return loading;
}

async function createParser(): Promise<CSharpParser> {
  const ParserClass = (await import('tree-sitter')).default;
  // The bindings path avoids the DEP0151 warning the bare package import prints.
  const grammarModule = await import('tree-sitter-c-sharp/bindings/node/index.js');
  const grammar = (grammarModule.default ?? grammarModule) as Parser.Language;
  const parser = new ParserClass();
  parser.setLanguage(grammar);
  return {
    kinds: new NodeKinds(),
    parse(text: string): Parser.Tree {
      // tree-sitter asks the callback now and then; `true` halts the parse, which then yields no tree.
      const tree = parser.parse(text, undefined, { bufferSize: PARSE_BUFFER_CHARS, progressCallback: fileBudgetSpent });
      if (tree) return tree;
      // A halted parser resumes the old text on its next parse unless reset.
      parser.reset();
      checkFileBudget('C# parser');
      throw new Error('tree-sitter halted the parse without a reason');
    },
  };
}

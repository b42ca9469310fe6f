/**
 * Babel parsing with error recovery. TypeScript files get the `typescript` plugin
 * (`jsx` only for .tsx, since `<T>x` casts and JSX cannot share a file); plain
 * JavaScript is tried without JSX first and again with it when that fails.
 */
import { createRequire } from 'node:module';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';
import type { JsFileFacts, Position } from '../../core/facts.js';
import { checkFileBudget } from '../../core/fileBudget.js';
import { tooDeeplyNested } from '../../core/nesting.js';

// Required, not imported: an ESM import of this 0.5 MB CommonJS file first scans all of it for
// its export names, which costs each thread that loads it ~0.15 s; a require costs ~0.02 s.
// Called through the module object, so a test can count the parses.
const babel = createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser');

export type Dialect = JsFileFacts['dialect'];

export interface Parsed {
  ast?: File;
  dialect: Dialect;
  errors: Position[];
  errorCount: number;
  /** Lines blanked out before the rest parsed: the AST does not show what they hold. */
  blankedLines: number[];
  /** Why nothing parsed at all, if so. */
  fatal?: { message: string; line?: number; column?: number; tooDeep?: boolean };
}

const COMMON: ParserPlugin[] = [
  'decorators-legacy',
  'importAttributes',
  'explicitResourceManagement',
  'importMeta' as ParserPlugin,
];

export function dialectOf(filePath: string): Dialect {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?ts$/.test(lower)) return 'ts';
  if (lower.endsWith('.jsx')) return 'jsx';
  return 'js';
}

/** How many failing lines are blanked out before giving up on a file. */
const MAX_BLANKED_LINES = 10;

export function parseSource(filePath: string, text: string): Parsed {
  const tooDeep = tooDeeplyNested(text);
  if (tooDeep)
    return {
      dialect: dialectOf(filePath),
      errors: [],
      errorCount: 1,
      blankedLines: [],
      fatal: { message: tooDeep, tooDeep: true },
    };
  let parsed = parseOnce(filePath, text);
  // Babel's recovery stops at some errors: blank the failing line and parse again, keeping the rest of the file.
  const errors = [...parsed.errors];
  const blankedLines: number[] = [];
  let source = text;
  for (let tries = 0; !parsed.ast && parsed.fatal?.line && tries < MAX_BLANKED_LINES; tries++) {
    // Each try is a whole parse: a file of many fatal errors is stopped at its budget between them.
    checkFileBudget('JS parser');
    source = blankLine(source, parsed.fatal.line);
    blankedLines.push(parsed.fatal.line);
    parsed = parseOnce(filePath, source);
    errors.push(...parsed.errors);
  }
  if (!parsed.ast || errors.length === parsed.errors.length) return parsed;
  return {
    ...parsed,
    errors: errors.slice(0, 20),
    errorCount: parsed.errorCount + errors.length - parsed.errors.length,
    blankedLines,
  };
}

function blankLine(text: string, line: number): string {
  const lines = text.split('\n');
  if (line >= 1 && line <= lines.length) lines[line - 1] = lines[line - 1]!.replace(/[^\s]/g, ' ');
  return lines.join('\n');
}

function parseOnce(filePath: string, text: string): Parsed {
  const dialect = dialectOf(filePath);
  if (dialect === 'js') {
    const plain = attempt(text, 'js');
    if (!plain.fatal && plain.errorCount === 0) return plain;
    const withJsx = attempt(text, 'jsx');
    const better = !withJsx.fatal && (plain.fatal || withJsx.errorCount < plain.errorCount);
    return better ? withJsx : plain;
  }
  return attempt(text, dialect);
}

function attempt(text: string, dialect: Dialect): Parsed {
  const plugins: ParserPlugin[] = [...COMMON];
  if (dialect === 'ts' || dialect === 'tsx') plugins.push('typescript');
  if (dialect === 'tsx' || dialect === 'jsx') plugins.push('jsx');
  const options: ParserOptions = {
    sourceType: dialect === 'js' || dialect === 'jsx' ? 'unambiguous' : 'module',
    errorRecovery: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowUndeclaredExports: true,
    allowNewTargetOutsideFunction: true,
    allowSuperOutsideMethod: true,
    plugins,
  };
  try {
    const ast = babel.parse(text, options);
    const all = (ast.errors ?? []).map((e) => ({ line: e.loc?.line ?? 0, column: (e.loc?.column ?? 0) + 1 }));
    return { ast, dialect, errors: all.slice(0, 20), errorCount: all.length, blankedLines: [] };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    // Babel's own syntax errors carry a location; anything else is Babel failing on its own code.
    const reason = error instanceof Error ? error.message : String(error);
    const message =
      loc || error instanceof SyntaxError
        ? reason
        : `Babel failed internally on this file (${error instanceof Error ? error.name : 'error'}: ${reason})`;
    return {
      dialect,
      errors: loc ? [{ line: loc.line, column: loc.column + 1 }] : [],
      errorCount: 1,
      blankedLines: [],
      fatal: {
        message,
        // Babel's parser recurses per nesting level: a few hundred nested calls or parens exhaust the stack.
        ...(error instanceof RangeError ? { tooDeep: true } : {}),
        ...(loc ? { line: loc.line, column: loc.column + 1 } : {}),
      },
    };
  }
}

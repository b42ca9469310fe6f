/**
 * A JavaScript/TypeScript file → its facts, SQL driver calls included, in one
 * walk of a Babel AST that is dropped afterwards. Minified and generated files
 * are skipped before parsing; syntax errors are recovered from, keeping what parsed.
 */
import type { ExtractionOutcome, ExtractionProblem, JsFileFacts } from '../../core/facts.js';
import { detectGenerated } from './generated.js';
import { dialectOf, parseSource } from './parse.js';
import { traverse } from './traverse.js';
import { ModuleCollector } from './modules.js';
import { HttpBindings } from './httpBindings.js';
import { collectRoutes } from './httpRoutes.js';
import { collectHttpCalls } from './httpCalls.js';
import { collectNestApps } from './nestApps.js';
import { driverCallCollectorFor } from './sql/driverCalls.js';
import { sqlQueriesByPattern } from './sql/byPattern.js';

export function extractJs(filePath: string, text: string): ExtractionOutcome<JsFileFacts> {
  const generated = detectGenerated(filePath, text);
  if (generated) {
    return {
      problems: [
        {
          code: `js-${generated.reason}-skipped`,
          severity: 'info',
          message: `skipped as ${generated.reason}: ${generated.detail}`,
        },
      ],
    };
  }
  const parsed = parseSource(filePath, text);
  const problems: ExtractionProblem[] = [];
  const empty = emptyFacts(dialectOf(filePath));
  if (!parsed.ast) {
    const fatal = parsed.fatal!;
    problems.push({
      code: fatal.tooDeep ? 'js-too-deep' : 'js-syntax-error',
      severity: 'warning',
      message: fatal.tooDeep
        ? `nested too deep to parse (${fatal.message}); only SQL text found by pattern is kept`
        : `could not parse: ${fatal.message}`,
      ...(fatal.line ? { line: fatal.line, column: fatal.column } : {}),
    });
    return {
      facts: {
        ...empty,
        sqlQueries: sqlQueriesByPattern(text),
        syntaxErrors: parsed.errors,
        syntaxErrorCount: parsed.errorCount,
      },
      problems,
    };
  }
  if (parsed.errorCount > 0) {
    const at = parsed.errors[0]!;
    problems.push({
      code: 'js-syntax-error',
      severity: 'warning',
      message: `${parsed.errorCount} syntax error(s), recovered; first at ${at.line}:${at.column}`,
      line: at.line,
      column: at.column,
    });
  }
  const modules = new ModuleCollector();
  const bindings = new HttpBindings(modules);
  // SQL comes off the AST only if it shows the whole text: a blanked line may hold a driver call, so then the text is read by pattern.
  const sqlFromAst = parsed.blankedLines.length === 0;
  const driverCalls = sqlFromAst ? driverCallCollectorFor(text) : undefined;
  traverse(parsed.ast, (node, parent, key) => {
    modules.visit(node, parent, key);
    bindings.visit(node);
    driverCalls?.visit(node);
  });
  modules.finish();
  bindings.finish();
  const { routes, mounts } = collectRoutes(bindings, modules);
  const { httpCalls, clientInstances, httpHelpers, helperCalls } = collectHttpCalls(bindings, modules, text);
  const nestApps = collectNestApps(bindings, modules);
  return {
    facts: {
      ...empty,
      dialect: parsed.dialect,
      imports: modules.imports,
      dynamicSpecifiers: modules.dynamicSpecifiers,
      declarations: modules.declarations,
      ...(modules.defaultExport ? { defaultExport: modules.defaultExport } : {}),
      routes,
      mounts,
      httpCalls,
      clientInstances,
      ...(httpHelpers.length > 0 ? { httpHelpers } : {}),
      ...(helperCalls.length > 0 ? { helperCalls } : {}),
      ...(nestApps.length > 0 ? { nestApps } : {}),
      sqlQueries: sqlFromAst ? (driverCalls?.finish() ?? []) : sqlQueriesByPattern(text),
      syntaxErrors: parsed.errors,
      syntaxErrorCount: parsed.errorCount,
    },
    problems,
  };
}

function emptyFacts(dialect: JsFileFacts['dialect']): JsFileFacts {
  return {
    kind: 'js',
    dialect,
    imports: [],
    dynamicSpecifiers: 0,
    declarations: [],
    routes: [],
    mounts: [],
    httpCalls: [],
    clientInstances: [],
    sqlQueries: [],
    syntaxErrors: [],
    syntaxErrorCount: 0,
  };
}

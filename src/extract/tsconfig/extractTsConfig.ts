/**
 * `tsconfig.json`/`jsconfig.json`, parsed as TypeScript parses it (comments and
 * trailing commas allowed). `extends`, `references` and the compiler options are
 * applied later by the module resolver, which sees every config of the estate.
 */
import type { ts as Ts } from 'ts-morph';
import type { ExtractionOutcome, TsConfigFacts } from '../../core/facts.js';
import { tooDeeplyNested } from '../../core/nesting.js';

export type TypeScriptApi = typeof Ts;

export function extractTsConfig(
  typescript: TypeScriptApi,
  fileName: string,
  text: string,
): ExtractionOutcome<TsConfigFacts> {
  const tooDeep = tooDeeplyNested(text);
  if (tooDeep)
    return {
      problems: [
        {
          code: 'file-too-deep',
          severity: 'warning',
          message: `${fileName} nested too deep to read, compiler defaults used: ${tooDeep}`,
        },
      ],
    };
  const { config, error } = typescript.parseConfigFileTextToJson(fileName, text);
  if (error || typeof config !== 'object' || config === null || Array.isArray(config)) {
    const message = error ? typescript.flattenDiagnosticMessageText(error.messageText, ' ') : 'not a JSON object';
    const line =
      error?.file && error.start !== undefined
        ? error.file.getLineAndCharacterOfPosition(error.start).line + 1
        : undefined;
    return {
      problems: [
        {
          code: 'tsconfig-invalid',
          severity: 'warning',
          message: `${fileName} unreadable, compiler defaults used: ${message}`,
          ...(line ? { line } : {}),
        },
      ],
    };
  }
  return { facts: { kind: 'tsconfig', config: config as Record<string, unknown> }, problems: [] };
}

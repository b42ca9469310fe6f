/** Shared JSON handling for manifests and lockfiles: BOM, parse errors with a line, plain objects. */
import type { DiagnosticCode } from '../../core/diagnostics.js';
import type { ExtractionProblem } from '../../core/facts.js';

export type JsonObject = Record<string, unknown>;

export type JsonParseOutcome = { ok: true; value: unknown } | { ok: false; problem: ExtractionProblem };

export function parseJson(text: string, code: DiagnosticCode, what: string): JsonParseOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? body.slice(0, Number(position[1])).split('\n').length : undefined;
    return {
      ok: false,
      problem: {
        code,
        severity: 'warning',
        message: `${what} is not valid JSON (${message})`,
        ...(line ? { line } : {}),
      },
    };
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** 1-based line of the first `"key"` after `from` in the text, for locating a declaration. */
export function lineOfKey(text: string, key: string, from = 0): { line?: number; index: number } {
  const index = text.indexOf(JSON.stringify(key), from);
  if (index < 0) return { index: from };
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return { line, index };
}

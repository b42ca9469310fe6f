/**
 * JSON or YAML text → plain values, remembering the line each mapping starts on.
 * JSON goes through the same YAML reader (JSON is YAML 1.2 flow syntax) once its
 * comments are blanked, so appsettings-style JSON with comments and trailing commas reads too.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import type { ExtractionProblem } from '../../core/facts.js';
import { tooDeeplyNested } from '../../core/nesting.js';

export type Tree = Record<string, unknown>;

export interface ParsedConfig {
  /** Each document's top-level value (YAML files may hold several, `---`-separated). */
  documents: unknown[];
  /** 1-based line where a mapping of `documents` begins. */
  lineOf: (value: unknown) => number;
}

export function parseConfig(fileName: string, text: string): { parsed?: ParsedConfig; problem?: ExtractionProblem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const source = /\.json$/i.test(fileName) ? blankJsonComments(body) : body;
  // The yaml reader recurses per flow level: 50,000 nested brackets exhausted a worker's memory before its stack.
  if (tooDeeplyNested(source))
    return {
      problem: {
        code: 'config-invalid',
        severity: 'warning',
        message: 'configuration is nested too deep to read; its routes and services are not read',
      },
    };
  const lineCounter = new LineCounter();
  const lines = new WeakMap<object, number>();
  const docs = parseAllDocuments(source, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const error = list.flatMap((d) => d.errors)[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    // The yaml parser recurses per nesting level and reports its own stack running out as a document error.
    const reason = /Maximum call stack/.test(error.message)
      ? 'nested too deep to read'
      : `not valid ${/\.json$/i.test(fileName) ? 'JSON' : 'YAML'} (${error.message.split('\n')[0]})`;
    return {
      problem: {
        code: 'config-invalid',
        severity: 'warning',
        message: `configuration is ${reason}; its routes and services are not read`,
        ...(line ? { line } : {}),
      },
    };
  }
  const toPlain = (node: unknown, depth: number): unknown => {
    if (depth > 64) return undefined;
    if (isMap(node)) {
      const out: Tree = Object.create(null) as Tree;
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined) out[key] = toPlain(pair.value, depth + 1);
      }
      const start = (node as Node).range?.[0];
      if (start !== undefined) lines.set(out, lineCounter.linePos(start).line);
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => toPlain(item, depth + 1));
    if (isScalar(node)) return node.value;
    return undefined;
  };
  return {
    parsed: {
      documents: list.map((d) => toPlain(d.contents, 0)),
      lineOf: (value) => (typeof value === 'object' && value !== null ? (lines.get(value) ?? 1) : 1),
    },
  };
}

/** `//` and `/* *\/` comments replaced by spaces (newlines kept), strings left alone. */
export function blankJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

export function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A key looked up regardless of case, as .NET configuration binds them. */
export function field(tree: Tree, key: string): unknown {
  if (key in tree) return tree[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(tree)) if (k.toLowerCase() === lower) return tree[k];
  return undefined;
}

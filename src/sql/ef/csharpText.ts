/**
 * Just enough C# text handling to read EF migrations and model configuration
 * without a syntax tree: a masked copy (comments blanked, string contents
 * blanked) for finding calls and matching parentheses, and argument helpers.
 */

/** Same length as `text`; comments and the inside of string/char literals become spaces. */
export function maskCSharp(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (ch === '"' || ch === "'") {
      const verbatim = text[i - 1] === '@' || (text[i - 1] === '$' && text[i - 2] === '@') || (text[i - 1] === '@' && text[i - 2] === '$');
      const raw = ch === '"' && text.startsWith('"""', i);
      const end = raw ? rawEnd(text, i) : literalEnd(text, i, ch, verbatim);
      blank(i + 1, end - 1);
      i = end;
    } else i++;
  }
  return out.join('');
}

function literalEnd(text: string, start: number, quote: string, verbatim: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (!verbatim && c === '\\') { i += 2; continue; }
    if (c === quote) {
      if (verbatim && text[i + 1] === quote) { i += 2; continue; }
      return i + 1;
    }
    if (!verbatim && c === '\n') return i;
    i++;
  }
  return text.length;
}

function rawEnd(text: string, start: number): number {
  let quotes = 0;
  while (text[start + quotes] === '"') quotes++;
  const close = '"'.repeat(quotes);
  const end = text.indexOf(close, start + quotes);
  return end < 0 ? text.length : end + quotes;
}

/** Index just after the `)` matching the `(` at `open` (in masked text). */
export function matchParen(masked: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    const c = masked[i]!;
    if (c in pairs) depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return masked.length;
}

export interface CallText {
  /** Offset of the method name. */
  start: number;
  /** Argument list text (original), without the parentheses. */
  args: string;
  /** Offset just after the closing parenthesis. */
  end: number;
  line: number;
}

/** Every call `name(…)` (also `x.name(…)`, `name<T>(…)`) outside comments and strings. */
export function findCalls(text: string, masked: string, name: string): CallText[] {
  const calls: CallText[] = [];
  const pattern = new RegExp(`(?<![\\w])${name}\\s*(?:<[^<>()]*>)?\\s*\\(`, 'g');
  for (const match of masked.matchAll(pattern)) {
    const open = match.index + match[0].length - 1;
    const end = matchParen(masked, open);
    calls.push({ start: match.index, args: text.slice(open + 1, end - 1), end, line: lineAt(text, match.index) });
  }
  return calls;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export interface Argument {
  name?: string;
  value: string;
}

/** Top-level arguments of an argument list, with `name:` prefixes split off. */
export function splitArguments(args: string): Argument[] {
  const masked = maskCSharp(args);
  const parts: Argument[] = [];
  let depth = 0;
  let last = 0;
  const push = (end: number) => {
    const raw = args.slice(last, end);
    const maskedRaw = masked.slice(last, end);
    const named = /^\s*([A-Za-z_]\w*)\s*:(?!:)/.exec(maskedRaw);
    if (raw.trim()) parts.push(named ? { name: named[1]!, value: raw.slice(named[0].length).trim() } : { value: raw.trim() });
  };
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!;
    if (c === '(' || c === '{' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === '}' || c === ']' || (c === '>' && masked[i - 1] !== '=')) depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      push(i);
      last = i + 1;
    }
  }
  push(args.length);
  return parts;
}

/** The argument named `name`, else the positional one at `position` (before any named argument). */
export function argument(args: readonly Argument[], position: number, ...names: string[]): string | undefined {
  const named = args.find((a) => a.name !== undefined && names.includes(a.name));
  if (named) return named.value;
  const positional = args[position];
  return positional && positional.name === undefined ? positional.value : undefined;
}

/** `"x"`, `@"x"` → x; anything else undefined. */
export function stringValue(expression: string | undefined): string | undefined {
  if (!expression) return undefined;
  const match = /^@?"((?:[^"\\]|\\.|"")*)"$/.exec(expression.trim());
  return match ? match[1]!.replace(/""/g, '"').replace(/\\(.)/g, '$1') : undefined;
}

/** `"a"`, `new[] { "a", "b" }`, `new string[] { … }` → the strings. */
export function stringList(expression: string | undefined): string[] {
  if (!expression) return [];
  const single = stringValue(expression);
  if (single !== undefined) return [single];
  return [...expression.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

/** `t => t.Email` → [Email]; `t => new { t.A, t.B }` → [A, B]; `nameof(X.Email)` → [Email]. */
export function lambdaMembers(expression: string | undefined): string[] {
  if (!expression) return [];
  const body = expression.includes('=>') ? expression.slice(expression.indexOf('=>') + 2) : expression;
  const anonymous = /new\s*\{([^}]*)\}/.exec(body);
  const source = anonymous ? anonymous[1]! : body;
  return source
    .split(',')
    .map((part) => /(?:\w+\s*\.\s*)?(\w+)\s*\)?\s*$/.exec(part.trim())?.[1])
    .filter((m): m is string => m !== undefined && m !== 'new');
}

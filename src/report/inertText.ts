/**
 * Scanned text made safe for a terminal. File, folder and repository names and
 * messages quoting them come from repositories nobody has read: an ESC there
 * could clear the screen, retitle the window or forge a hyperlink, a newline or
 * carriage return could forge a row or overwrite one, and bidirectional
 * overrides could make a name read as another. Each such character is shown as
 * its escape (`\x1B`, `\n`, `\u202E`) instead, so it is seen, not obeyed.
 */

/** C0 controls (newline and tab included: they would break a table row), DEL, C1 controls, bidi overrides. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function inertText(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, escapeOf);
}

function escapeOf(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase()}`;
}

/**
 * `value` with every string in it made inert, for a terminal renderer's input.
 * Objects and arrays are copied only where a string in them changed, so a clean
 * result costs one read-only walk. Results are plain data a few levels deep.
 */
export function inertStrings<T>(value: T): T {
  return inert(value) as T;
}

function inert(value: unknown): unknown {
  if (typeof value === 'string') return inertText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const safe = inert(item);
      if (safe === item) continue;
      copy ??= value.slice();
      copy[i] = safe;
    }
    return copy ?? value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const safe = inert(item);
    const safeKey = inertText(key);
    if (safe !== item || safeKey !== key) {
      copy ??= { ...(value as Record<string, unknown>) };
      if (safeKey !== key) delete copy[key];
      copy[safeKey] = safe;
    }
  }
  return copy ?? value;
}

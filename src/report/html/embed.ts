/**
 * Putting data and code into one HTML file safely: JSON whose `<`, `>` and `&`
 * are escaped as `\u003c`… so nothing in it can end its `<script>` element or
 * open a comment, and the SHA-256 sources the Content Security Policy allows.
 */
import { createHash } from 'node:crypto';

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON text safe inside `<script type="application/json">`; `JSON.parse` reads it back unchanged. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => UNSAFE_IN_SCRIPT[ch]!);
}

/** A CSP source for an inline element's exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Inline code must not hold the sequences that would end or confuse its element. */
export function assertInlineSafe(kind: 'script' | 'style', text: string): void {
  if (new RegExp(`</${kind}|<!--`, 'i').test(text))
    throw new Error(`the report's ${kind} bundle holds </${kind} or <!--`);
}

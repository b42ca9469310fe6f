/**
 * Attribute argument text: string literals unquoted (regular, verbatim, raw,
 * UTF-8 `u8`), anything else as written.
 */
import { ownEntry } from '../../core/ownEntry.js';
export function attributeArgumentText(kind: string, written: string): string {
  return decodeStringLiteral(kind, written) ?? written.trim();
}

/**
 * The value of a regular, verbatim or raw string literal (`u8` suffix
 * dropped); null for other node kinds. Line breaks inside verbatim and raw
 * strings come out as `\n` whatever the file uses, so a CRLF checkout gives
 * the same facts as an LF one.
 */
export function decodeStringLiteral(kind: string, written: string): string | null {
  switch (kind) {
    case 'string_literal':
      return unescapeRegular(stripUtf8Suffix(written).slice(1, -1));
    case 'verbatim_string_literal':
      return unescapeVerbatim(stripUtf8Suffix(written).slice(2, -1));
    case 'raw_string_literal':
      return unquoteRaw(stripUtf8Suffix(written));
    default:
      return null;
  }
}

/** Literal text between the holes of `$"…"`: escapes and `{{ }}` decoded. */
export function interpolatedRegularText(written: string): string {
  return undoubleBraces(unescapeRegular(written));
}

/** Literal text between the holes of `$@"…"`: `""` and `{{ }}` decoded. */
export function interpolatedVerbatimText(written: string): string {
  return undoubleBraces(unescapeVerbatim(written));
}

function undoubleBraces(text: string): string {
  return text.includes('{{') || text.includes('}}') ? text.replaceAll('{{', '{').replaceAll('}}', '}') : text;
}

function unescapeVerbatim(body: string): string {
  return normalizeLineBreaks(body.replaceAll('""', '"'));
}

function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function stripUtf8Suffix(written: string): string {
  return /u8$/i.test(written) ? written.slice(0, -2) : written;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "'": "'",
  '"': '"',
  '\\': '\\',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

export function unescapeRegular(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|.)/g, (whole, sequence: string) => {
    const head = sequence[0] ?? '';
    if (head === 'u' || head === 'U' || head === 'x') {
      const code = Number.parseInt(sequence.slice(1), 16);
      return Number.isNaN(code) || code > 0x10ffff ? whole : String.fromCodePoint(code); // `\UFFFFFFFF` is invalid, not fatal
    }
    return ownEntry(SIMPLE_ESCAPES, head) ?? whole;
  });
}

/** `"""…"""`: single-line content as is; multi-line drops the delimiter lines and the closing indentation. */
function unquoteRaw(written: string): string {
  const quotes = /^"+/.exec(written)?.[0].length ?? 3;
  return rawBody(written.slice(quotes, written.length - quotes));
}

/**
 * The value of a raw string from the text between its quotes (holes of an
 * interpolated raw string already replaced): a multi-line body loses its
 * first and last line and, on every line, the last line's indentation.
 */
export function rawBody(body: string): string {
  const lines = body.split(/\r\n?|\n/);
  if (lines.length < 3) return body;
  const indentation = /^[ \t]*/.exec(lines[lines.length - 1] ?? '')?.[0] ?? '';
  return lines
    .slice(1, -1)
    .map((line) => (line.startsWith(indentation) ? line.slice(indentation.length) : line))
    .join('\n');
}

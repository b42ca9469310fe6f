/**
 * Attribute argument text: string literals unquoted (regular, verbatim, raw,
 * UTF-8 `u8`), anything else as written.
 */
export function attributeArgumentText(kind: string, written: string): string {
  switch (kind) {
    case 'string_literal':
      return unescapeRegular(stripUtf8Suffix(written).slice(1, -1));
    case 'verbatim_string_literal':
      return stripUtf8Suffix(written).slice(2, -1).replaceAll('""', '"');
    case 'raw_string_literal':
      return unquoteRaw(stripUtf8Suffix(written));
    default:
      return written.trim();
  }
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

function unescapeRegular(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|.)/g, (whole, escape: string) => {
    const head = escape[0] ?? '';
    if (head === 'u' || head === 'U' || head === 'x') {
      const code = Number.parseInt(escape.slice(1), 16);
      return Number.isNaN(code) ? whole : String.fromCodePoint(code);
    }
    return SIMPLE_ESCAPES[head] ?? whole;
  });
}

/** `"""…"""`: single-line content as is; multi-line drops the delimiter lines and the closing indentation. */
function unquoteRaw(written: string): string {
  const quotes = /^"+/.exec(written)?.[0].length ?? 3;
  const body = written.slice(quotes, written.length - quotes);
  const lines = body.split(/\r?\n/);
  if (lines.length < 3) return body;
  const indentation = /^[ \t]*/.exec(lines[lines.length - 1] ?? '')?.[0] ?? '';
  return lines
    .slice(1, -1)
    .map((line) => (line.startsWith(indentation) ? line.slice(indentation.length) : line))
    .join('\n');
}

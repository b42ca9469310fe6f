/**
 * A small, forgiving SQL tokenizer: enough to split batches and statements, read
 * DDL the parser rejects and sniff table names. Never throws; an unterminated
 * string or comment simply runs to the end of the text.
 */

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** Raw text as written (quotes included). */
  text: string;
  /** Upper-cased word, unquoted identifier, or the string's content. */
  value: string;
  start: number;
  end: number;
  line: number;
}

const WORD_START = /[A-Za-z_@#$\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_@#$\u0080-\uffff]/;

export function tokenize(text: string): Token[] {
  return tokenizeFrom(text, { offset: 0, line: 1 }, Number.POSITIVE_INFINITY);
}

/** Where a resumable tokenization stands: the next offset to read and its line. */
export interface LexerPosition {
  offset: number;
  line: number;
}

/**
 * Tokens of `text` from `at`, at most about `limit` of them; `at` is moved past
 * them. A 50 MB statement is millions of tokens: read in slices, they need not
 * all be held at once.
 */
export function tokenizeFrom(text: string, at: LexerPosition, limit: number): Token[] {
  const tokens: Token[] = [];
  let i = at.offset;
  let line = at.line;
  const n = text.length;
  try {
    readTokens();
  } finally {
    at.offset = i;
    at.line = line;
  }
  return tokens;

  function readTokens(): void {
    const advanceLines = (from: number, to: number) => {
      for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    };
    while (i < n && tokens.length < limit) {
      const ch = text[i]!;
      if (ch === '\n') {
        line++;
        i++;
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\ufeff') {
        i++;
        continue;
      }
      const start = i;
      const startLine = line;
      if (ch === '-' && text[i + 1] === '-') {
        const end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (ch === '/' && text[i + 1] === '*') {
        const end = blockCommentEnd(text, i);
        advanceLines(i, end);
        i = end;
        continue;
      }
      if (ch === "'" || ((ch === 'N' || ch === 'n' || ch === 'E' || ch === 'e') && text[i + 1] === "'")) {
        const open = ch === "'" ? i : i + 1;
        const end = quotedEnd(text, open, "'");
        advanceLines(i, end);
        const raw = text.slice(i, end);
        tokens.push({
          kind: 'string',
          text: raw,
          value: text.slice(open + 1, Math.max(open + 1, end - 1)).replace(/''/g, "'"),
          start,
          end,
          line: startLine,
        });
        i = end;
        continue;
      }
      if (ch === '[' || ch === '"' || ch === '`') {
        const close = ch === '[' ? ']' : ch;
        const end = quotedEnd(text, i, close);
        advanceLines(i, end);
        const inner = text.slice(i + 1, Math.max(i + 1, end - 1));
        tokens.push({
          kind: 'quoted',
          text: text.slice(i, end),
          value: inner.split(close + close).join(close),
          start,
          end,
          line: startLine,
        });
        i = end;
        continue;
      }
      if (ch >= '0' && ch <= '9') {
        let j = i + 1;
        while (j < n && /[0-9.xXa-fA-F]/.test(text[j]!)) j++;
        tokens.push({
          kind: 'number',
          text: text.slice(i, j),
          value: text.slice(i, j),
          start,
          end: j,
          line: startLine,
        });
        i = j;
        continue;
      }
      if (WORD_START.test(ch)) {
        let j = i + 1;
        while (j < n && WORD_PART.test(text[j]!)) j++;
        const raw = text.slice(i, j);
        tokens.push({ kind: 'word', text: raw, value: raw.toUpperCase(), start, end: j, line: startLine });
        i = j;
        continue;
      }
      tokens.push({ kind: 'symbol', text: ch, value: ch, start, end: i + 1, line: startLine });
      i++;
    }
  }
}

function blockCommentEnd(text: string, start: number): number {
  // T-SQL block comments nest.
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i += 2;
      continue;
    }
    if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
      continue;
    }
    i++;
  }
  return text.length;
}

function quotedEnd(text: string, open: number, close: string): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === close) {
      if (text[i + 1] === close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

/** An identifier token's name, unquoted. */
export function identifierOf(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  if (token.kind === 'quoted') return token.value;
  if (token.kind === 'word') return token.text;
  return undefined;
}

/** Reads a dotted name (`[dbo].[Users]`, `db.dbo.Users`) at `index`; returns its parts and the next index. */
export function readDottedName(tokens: readonly Token[], index: number): { parts: string[]; next: number } | undefined {
  const first = identifierOf(tokens[index]);
  if (first === undefined) return undefined;
  const parts = [first];
  let i = index + 1;
  while (tokens[i]?.text === '.') {
    const part = identifierOf(tokens[i + 1]);
    if (part === undefined) {
      // `db..Table`: an empty schema part.
      if (tokens[i + 1]?.text === '.') {
        parts.push('');
        i += 1;
        continue;
      }
      break;
    }
    parts.push(part);
    i += 2;
  }
  return { parts, next: i };
}

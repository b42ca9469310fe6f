/**
 * Parses `git log --numstat` output in the format of `LOG_FORMAT`, incrementally:
 * chunks go in as git writes them, commits come out one at a time, so a long
 * history never has to sit in memory as one string.
 */
import type { Commit, FileChange } from './types.js';
import { ownEntry } from '../core/ownEntry.js';

/** Record separator before each commit, unit separator between fields; the message ends with one too. */
export const LOG_FORMAT = '%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%at%x1f%ct%x1f%B%x1f';

const RECORD = '\u001e';
const FIELD = '\u001f';

export interface LogParser {
  push(chunk: string): void;
  /** Flushes the last commit. */
  end(): void;
  /** Records that did not look like a commit (counted, never thrown). */
  readonly malformed: number;
}

export function createLogParser(onCommit: (commit: Commit) => void): LogParser {
  let buffer = '';
  let malformed = 0;
  const emit = (record: string) => {
    if (record.trim() === '') return;
    const commit = parseCommitRecord(record);
    if (commit) onCommit(commit);
    else malformed++;
  };
  return {
    push(chunk) {
      buffer += chunk;
      let start = buffer.indexOf(RECORD);
      if (start < 0) return;
      let next = buffer.indexOf(RECORD, start + 1);
      while (next >= 0) {
        emit(buffer.slice(start + 1, next));
        start = next;
        next = buffer.indexOf(RECORD, start + 1);
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer.startsWith(RECORD)) emit(buffer.slice(1));
      buffer = '';
    },
    get malformed() {
      return malformed;
    },
  };
}

/** One commit: six header fields, the message up to the last unit separator, then numstat lines. */
export function parseCommitRecord(record: string): Commit | undefined {
  const fields: string[] = [];
  let at = 0;
  for (let i = 0; i < 6; i++) {
    const end = record.indexOf(FIELD, at);
    if (end < 0) return undefined;
    fields.push(record.slice(at, end));
    at = end + 1;
  }
  const messageEnd = record.lastIndexOf(FIELD);
  if (messageEnd < at - 1) return undefined;
  const [hash, parents, author, email, authorTime, commitTime] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^[0-9a-f]{7,64}$/.test(hash)) return undefined;
  const files: FileChange[] = [];
  for (const line of record.slice(messageEnd + 1).split('\n')) {
    if (line === '') continue;
    const change = parseNumstatLine(line);
    if (change) files.push(change);
  }
  return {
    hash,
    parentCount: parents.trim() === '' ? 0 : parents.trim().split(' ').length,
    author,
    email: email.toLowerCase(),
    authorTime: Number(authorTime) || 0,
    commitTime: Number(commitTime) || 0,
    message: record.slice(at, messageEnd).trim(),
    tickets: [],
    files,
  };
}

/** `12\t3\tpath`, `-\t-\tbinary.png`, `1\t1\tsrc/{Old => New}/File.cs`. */
export function parseNumstatLine(line: string): FileChange | undefined {
  const firstTab = line.indexOf('\t');
  const secondTab = line.indexOf('\t', firstTab + 1);
  if (firstTab < 0 || secondTab < 0) return undefined;
  const addedText = line.slice(0, firstTab);
  const deletedText = line.slice(firstTab + 1, secondTab);
  const binary = addedText === '-' && deletedText === '-';
  if (!binary && !(/^\d+$/.test(addedText) && /^\d+$/.test(deletedText))) return undefined;
  const paths = parsePathField(line.slice(secondTab + 1));
  if (paths.path === '') return undefined;
  return {
    path: paths.path,
    ...(paths.oldPath !== undefined && paths.oldPath !== paths.path ? { oldPath: paths.oldPath } : {}),
    ...(binary ? {} : { added: Number(addedText), deleted: Number(deletedText) }),
  };
}

/** The path part of a numstat line: plain, C-quoted, or a rename whose sides may each be quoted. */
export function parsePathField(text: string): { path: string; oldPath?: string } {
  if (!text.includes('"')) return parseRenamePath(text);
  const first = readPathToken(text, 0);
  if (text.startsWith(' => ', first.end)) {
    const second = readPathToken(text, first.end + 4);
    return { oldPath: first.value, path: second.value };
  }
  return { path: first.value };
}

function readPathToken(text: string, start: number): { value: string; end: number } {
  if (text[start] !== '"') {
    const arrow = text.indexOf(' => ', start);
    const end = arrow >= 0 ? arrow : text.length;
    return { value: text.slice(start, end), end };
  }
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return { value: unquotePath(text.slice(start, i + 1)), end: i + 1 };
}

/** git's rename notation: `a => b`, `dir/{a => b}/f`, `dir/{ => sub}/f` (empty sides collapse). */
export function parseRenamePath(text: string): { path: string; oldPath?: string } {
  const open = text.indexOf('{');
  const arrow = text.indexOf(' => ', Math.max(open, 0));
  const close = arrow >= 0 ? text.indexOf('}', arrow) : -1;
  if (open >= 0 && arrow > open && close > arrow) {
    const prefix = text.slice(0, open);
    const suffix = text.slice(close + 1);
    const join = (middle: string) => `${prefix}${middle}${suffix}`.replace(/\/\/+/g, '/').replace(/^\//, '');
    return { oldPath: join(text.slice(open + 1, arrow)), path: join(text.slice(arrow + 4, close)) };
  }
  const plainArrow = text.indexOf(' => ');
  if (plainArrow >= 0) return { oldPath: text.slice(0, plainArrow), path: text.slice(plainArrow + 4) };
  return { path: text };
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Paths with control characters, quotes or backslashes come C-quoted, non-ASCII bytes as octal escapes. */
export function unquotePath(text: string): string {
  if (!(text.startsWith('"') && text.endsWith('"') && text.length >= 2)) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      bytes.push(parseInt(octal, 8));
      i += octal.length;
    } else {
      bytes.push(ownEntry(ESCAPES, next) ?? next.charCodeAt(0));
      i++;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

import { describe, expect, it } from 'vitest';
import { createLogParser, parseNumstatLine, parsePathField, parseRenamePath, unquotePath } from './parseLog.js';
import type { Commit } from './types.js';

const RS = '\u001e';
const US = '\u001f';
const header = (hash: string, parents: string, message: string) =>
  `${RS}${hash}${US}${parents}${US}Ada Lovelace${US}Ada@Example.COM${US}1700000000${US}1700000100${US}${message}${US}\n\n`;

describe('parseNumstatLine', () => {
  it('reads added, deleted and path', () => {
    expect(parseNumstatLine('12\t3\tsrc/Billing/Invoice.cs')).toEqual({
      path: 'src/Billing/Invoice.cs',
      added: 12,
      deleted: 3,
    });
  });

  it('reads binary files (-\\t-) without line counts', () => {
    expect(parseNumstatLine('-\t-\tdocs/logo.png')).toEqual({ path: 'docs/logo.png' });
  });

  it('follows renames in brace notation, including empty sides', () => {
    expect(parseNumstatLine('1\t1\tsrc/{Old => New}/File.cs')).toEqual({
      path: 'src/New/File.cs',
      oldPath: 'src/Old/File.cs',
      added: 1,
      deleted: 1,
    });
    expect(parseRenamePath('src/{ => Sub}/File.cs')).toEqual({ oldPath: 'src/File.cs', path: 'src/Sub/File.cs' });
    expect(parseRenamePath('src/{Sub => }/File.cs')).toEqual({ oldPath: 'src/Sub/File.cs', path: 'src/File.cs' });
    expect(parseRenamePath('{a.sql => db/a.sql}')).toEqual({ oldPath: 'a.sql', path: 'db/a.sql' });
    expect(parseRenamePath('old.txt => new.txt')).toEqual({ oldPath: 'old.txt', path: 'new.txt' });
  });

  it('unquotes C-quoted paths and quoted renames', () => {
    expect(unquotePath('"tab\\there \\"q\\".txt"')).toBe('tab\there "q".txt');
    expect(unquotePath('"caf\\303\\251.cs"')).toBe('café.cs');
    expect(parsePathField('"sp ace/a\\tb.txt" => "other/a\\tb.txt"')).toEqual({
      oldPath: 'sp ace/a\tb.txt',
      path: 'other/a\tb.txt',
    });
    expect(parseNumstatLine('4\t0\t"caf\\303\\251.cs"')).toEqual({ path: 'café.cs', added: 4, deleted: 0 });
  });

  it('ignores lines that are not numstat', () => {
    expect(parseNumstatLine('not a numstat line')).toBeUndefined();
    expect(parseNumstatLine('x\ty\tpath')).toBeUndefined();
  });
});

describe('createLogParser', () => {
  it('parses commits split across arbitrary chunks', () => {
    const text =
      header('a'.repeat(40), 'b'.repeat(40), 'HAR-12 Retry SMS\n\nBody line\n') +
      '3\t1\tsrc/Sms.cs\n-\t-\tlogo.png\n' +
      header('b'.repeat(40), '', 'Import') +
      '10\t0\tsrc/Sms.cs\n';
    const commits: Commit[] = [];
    const parser = createLogParser((c) => commits.push(c));
    for (let i = 0; i < text.length; i += 7) parser.push(text.slice(i, i + 7));
    parser.end();
    expect(parser.malformed).toBe(0);
    expect(commits).toHaveLength(2);
    expect(commits[0]).toMatchObject({
      hash: 'a'.repeat(40),
      parentCount: 1,
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      authorTime: 1700000000,
      commitTime: 1700000100,
      message: 'HAR-12 Retry SMS\n\nBody line',
      files: [{ path: 'src/Sms.cs', added: 3, deleted: 1 }, { path: 'logo.png' }],
    });
    expect(commits[1]).toMatchObject({ parentCount: 0, files: [{ path: 'src/Sms.cs', added: 10, deleted: 0 }] });
  });

  it('counts records that are not commits instead of throwing', () => {
    const commits: Commit[] = [];
    const parser = createLogParser((c) => commits.push(c));
    parser.push(`${RS}garbage without fields\n${header('c'.repeat(40), 'd e', 'Merge')}`);
    parser.end();
    expect(commits).toHaveLength(1);
    expect(commits[0]!.parentCount).toBe(2);
    expect(parser.malformed).toBe(1);
  });
});

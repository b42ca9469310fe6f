import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';

const text = 'namespace Harbor { class Café {} }\r\n';

describe('decodeText', () => {
  it('reads plain UTF-8 and keeps CRLF', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ kind: 'text', text, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ kind: 'text', text, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(le)).toEqual({ kind: 'text', text, encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    expect(decodeText(be)).toEqual({ kind: 'text', text, encoding: 'utf-16be' });
  });

  it('reads UTF-16 LE without a BOM (SSMS script exports)', () => {
    expect(decodeText(Buffer.from('CREATE TABLE dbo.Users (Id int)', 'utf16le'))).toMatchObject({
      kind: 'text',
      encoding: 'utf-16le',
      text: 'CREATE TABLE dbo.Users (Id int)',
    });
  });

  it('falls back to Windows-1252 for invalid UTF-8', () => {
    const bytes = Buffer.from([0x2f, 0x2f, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]); // "// Café €"
    expect(decodeText(bytes)).toEqual({ kind: 'text', text: '// Café €', encoding: 'windows-1252' });
  });

  it('calls content with scattered NUL bytes binary', () => {
    const bytes = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x41, 0x41]);
    expect(decodeText(bytes)).toEqual({ kind: 'binary', reason: 'contains NUL bytes' });
  });
});

/**
 * Bytes → text the way legacy Windows estates store it: UTF-8 (with or without BOM),
 * UTF-16 LE/BE (SSMS and older Visual Studio exports), and Windows-1252 for the rest.
 * Binary content is detected, not decoded.
 */

export type DecodeOutcome =
  | { kind: 'text'; text: string; encoding: TextEncodingName }
  | { kind: 'binary'; reason: string };

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

const SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array): DecodeOutcome {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return asText(bytes.subarray(3), 'utf-8-bom');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { kind: 'text', text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { kind: 'text', text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bomless16 = sniffBomlessUtf16(bytes);
  if (bomless16 === 'le') return { kind: 'text', text: utf16le.decode(bytes), encoding: 'utf-16le' };
  if (bomless16 === 'be') return { kind: 'text', text: utf16be.decode(bytes), encoding: 'utf-16be' };
  if (hasNulByte(bytes)) return { kind: 'binary', reason: 'contains NUL bytes' };
  return asText(bytes, 'utf-8');
}

function asText(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): DecodeOutcome {
  try {
    return { kind: 'text', text: utf8Strict.decode(bytes), encoding };
  } catch {
    return { kind: 'text', text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function hasNulByte(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte. Require
 * that pattern on nearly all pairs so binaries with scattered NULs are not misread.
 */
function sniffBomlessUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const end = Math.min(bytes.length - (bytes.length % 2), SNIFF_BYTES);
  if (end < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = end / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'le';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'be';
  return undefined;
}

/** Node's 'windows-1252' decoder is plain Latin-1; 0x80–0x9F need the real code page. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    chunk.push(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

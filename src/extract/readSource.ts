/** Reads one discovered file as text, or says why it cannot be read. */
import { readRegularFile } from '../core/regularFile.js';
import type { FileEntry } from '../discover/walk.js';
import { decodeText, type TextEncodingName } from './decode.js';

export type SourceRead =
  | { ok: true; text: string; bytes: Buffer; encoding: TextEncodingName }
  | { ok: false; code: 'file-too-large' | 'binary-file' | 'unreadable-file'; message: string };

export function readSource(file: FileEntry, maxFileBytes: number): SourceRead {
  if (file.size > maxFileBytes) {
    return {
      ok: false,
      code: 'file-too-large',
      message: `file is ${formatBytes(file.size)}, over the ${formatBytes(maxFileBytes)} cap (--max-file-size); skipped`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file.absPath);
  } catch (error) {
    return { ok: false, code: 'unreadable-file', message: `file could not be read: ${whyUnreadable(error)}` };
  }
  // Re-check: the file may have grown since it was listed.
  if (bytes.length > maxFileBytes) return readSource({ ...file, size: bytes.length }, maxFileBytes);
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') {
    return { ok: false, code: 'binary-file', message: `binary content (${decoded.reason}); skipped` };
  }
  return { ok: true, text: decoded.text, bytes, encoding: decoded.encoding };
}

function whyUnreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? String(error);
  if (code === 'ENOENT') return 'ENOENT (removed since it was discovered)';
  if (code === 'ELOOP') return 'ELOOP (replaced by a symbolic link since it was discovered; not followed)';
  if (code === 'ENOTREGULAR') return 'no longer a regular file (replaced since it was discovered)';
  return code;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/**
 * Reads the entries of a zip with yauzl, one decompressed entry in memory at a time. The
 * compressed file itself is read into memory first: an OSV dump is tens of thousands of small
 * entries, and reading each from disk separately costs twenty times more than inflating it.
 */
import { readFile } from 'node:fs/promises';
import yauzl from 'yauzl';

/** Entries larger than this are skipped with a message: no OSV record is anywhere near it. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

export function readZipEntries(
  file: string,
  wanted: (name: string) => boolean,
  onEntry: (name: string, text: string) => void,
  onProblem: (message: string) => void,
): Promise<void> {
  return readFile(file).then(
    (buffer) => readEntries(file, buffer, wanted, onEntry, onProblem),
    (error: Error) => Promise.reject(new Error(`${file} is not a readable zip: ${error.message}`)),
  );
}

function readEntries(
  file: string,
  buffer: Buffer,
  wanted: (name: string) => boolean,
  onEntry: (name: string, text: string) => void,
  onProblem: (message: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip)
        return reject(new Error(`${file} is not a readable zip: ${openError?.message ?? 'unknown error'}`));
      zip.on('error', (error: Error) => reject(error));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) return zip.readEntry();
        if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
          onProblem(`${entry.fileName}: ${entry.uncompressedSize} bytes, too large for an OSV record; skipped`);
          return zip.readEntry();
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            onProblem(`${entry.fileName}: ${streamError?.message ?? 'cannot be read'}`);
            return zip.readEntry();
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', (error: Error) => {
            onProblem(`${entry.fileName}: ${error.message}`);
            zip.readEntry();
          });
          stream.on('end', () => {
            onEntry(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

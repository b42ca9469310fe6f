import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/**
 * Reads a file of a scanned repository that may have changed since it was
 * listed. It is opened without following a symbolic link (one put in its place
 * could point out of the scan root) and without blocking (a named pipe would
 * wait for a writer for ever), then read only if it is a regular file of at
 * most `maxBytes`. Throws with `code` ENOTREGULAR or EFBIG for those, or the
 * system's code (ENOENT, ELOOP…).
 */
export function readRegularFile(absPath: string, maxBytes = Number.POSITIVE_INFINITY): Buffer {
  const fd = openSync(absPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREGULAR' });
    if (stat.size > maxBytes) throw Object.assign(new Error('file too large'), { code: 'EFBIG' });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

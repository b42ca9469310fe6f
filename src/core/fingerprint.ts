import { createHash } from 'node:crypto';

/** A short stable hash of the given parts, for finding ids and cache keys. */
export function fingerprint(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex').slice(0, 16);
}

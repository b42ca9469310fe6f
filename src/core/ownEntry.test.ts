import { describe, expect, it } from 'vitest';
import { hasOwnEntry, ownEntry } from './ownEntry.js';

const VERBS: Record<string, string> = { get: 'GET', post: 'POST' };

describe('ownEntry', () => {
  it('answers the entries of the table', () => {
    expect(ownEntry(VERBS, 'get')).toBe('GET');
    expect(hasOwnEntry(VERBS, 'post')).toBe(true);
  });

  it('does not answer names inherited from Object.prototype', () => {
    for (const name of ['hasOwnProperty', 'constructor', '__proto__', 'toString', 'valueOf']) {
      expect(ownEntry(VERBS, name)).toBeUndefined();
      expect(hasOwnEntry(VERBS, name)).toBe(false);
    }
  });
});

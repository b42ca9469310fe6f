import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { CONFIG_FILE_NAME, loadConfig } from './load.js';

const work = mkdtempSync(path.join(tmpdir(), 'assess-config-load-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function root(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('loadConfig and the configuration that comes with the estate', () => {
  const elsewhere = path.join(work, 'elsewhere.json');
  writeFileSync(elsewhere, JSON.stringify({ maxFiles: 7 }));

  it('reads a regular assess.config.json in the root', () => {
    const dir = root('regular');
    writeFileSync(path.join(dir, CONFIG_FILE_NAME), JSON.stringify({ maxFiles: 3 }));
    expect(loadConfig(dir).config.maxFiles).toBe(3);
  });

  it('refuses one in the root that is a link (to a file outside, or to /dev/zero, which would never end)', () => {
    const linked = root('linked');
    symlinkSync(elsewhere, path.join(linked, CONFIG_FILE_NAME));
    expect(() => loadConfig(linked)).toThrow(UsageError);
    const zero = root('zero');
    symlinkSync('/dev/zero', path.join(zero, CONFIG_FILE_NAME));
    expect(() => loadConfig(zero)).toThrow(/not a regular file/);
  });

  it('follows a link the user names with --config', () => {
    const link = path.join(work, 'named.json');
    symlinkSync(elsewhere, link);
    expect(loadConfig(root('any'), link).config.maxFiles).toBe(7);
  });
});

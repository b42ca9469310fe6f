/** Usage errors are one clear line and exit code 2; help is there for every command. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from './cli.js';

describe('assess CLI usage', () => {
  it('exits 2 with one line when the root is missing', () => {
    const run = assess(['scan', '/no/such/estate']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['assess: scan root does not exist: /no/such/estate']);
  });

  it('exits 2 on an unknown option or analyzer or a bad size', () => {
    expect(assess(['scan', '.', '--bogus']).status).toBe(2);
    expect(assess(['scan', '.', '--only', 'nope']).status).toBe(2);
    expect(assess(['scan', '.', '--max-file-size', 'huge']).status).toBe(2);
    expect(assess(['frobnicate']).status).toBe(2);
  });

  it('exits 2 on an invalid configuration file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assess-config-'));
    try {
      writeFileSync(path.join(dir, 'assess.config.json'), '{ "maxFileSize": "lots" }');
      const run = assess(['scan', dir]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/maxFileSize/);
      writeFileSync(path.join(dir, 'assess.config.json'), '{ nope');
      expect(assess(['scan', dir]).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows help with examples for the program and the scan command', () => {
    const top = assess(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('scan');
    const scan = assess(['scan', '--help']);
    expect(scan.status).toBe(0);
    expect(scan.stdout).toContain('Examples:');
    expect(scan.stdout).toContain('--json <file>');
  });
});

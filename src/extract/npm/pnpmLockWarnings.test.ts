/**
 * Found by the extractor fuzzer: the yaml library reports doubtful input through
 * `process.emitWarning` from `parse()`, which printed "YAMLWarning: …" on the scan's stderr.
 * What a file holds is said in its diagnostics, never on the terminal.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractNpmLockfile } from './lockfile.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('YAML the extractors read', () => {
  // An anchor ending in a colon is ambiguous: yaml's parse() warns about it (parseAllDocuments, for gateways, only collects).
  it('never reaches the process warnings (pnpm-lock.yaml)', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    extractNpmLockfile('pnpm-lock.yaml', `lockfileVersion: '9.0'\nimporters:\n  .: &root: 1\n`);
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses nested complex keys before converting them (the fuzzer found one taking seconds)', () => {
    const { facts, problems } = extractNpmLockfile('pnpm-lock.yaml', `lockfileVersion: '9.0'\n${'? '.repeat(150)}x\n`);
    expect(facts).toBeUndefined();
    expect(problems).toEqual([
      {
        code: 'npm-lockfile-invalid',
        severity: 'warning',
        message: 'pnpm-lock.yaml cannot be parsed (a mapping key is itself a mapping or a list, which no lockfile has)',
      },
    ]);
  });
});

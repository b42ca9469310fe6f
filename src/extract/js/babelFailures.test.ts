/**
 * Found by the extractor fuzzer (test/fuzz): Babel itself can throw a TypeError
 * on some broken TypeScript, and a file of many fatal errors was re-parsed line
 * after line past the per-file budget.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../processFile.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assess-babel-'));
function run(file: string, text: string, budgetMs?: number) {
  const absPath = path.join(dir, path.basename(file));
  writeFileSync(absPath, text);
  const entry = { repo: 'r', path: file, absPath, size: Buffer.byteLength(text), kind: 'typescript' as const };
  return processFile(entry, 1 << 20, {}, budgetMs);
}

describe('Babel failing on a file', () => {
  it('is reported as the parser failing, not as a syntax error of the file', () => {
    // The fuzzer's shrunk case: a C# `namespace` spliced before a TS export.
    const result = run('src/colors.ts', "namespace export const colors = {\n  primary: '#0b5394',\n};\n");
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages.filter((m) => m.startsWith('could not parse: Cannot read'))).toEqual([]);
    // Should Babel stop failing on it, the file simply parses (with or without errors).
    for (const message of messages)
      expect(message).toMatch(/Babel failed internally on this file \(TypeError: |^(?!could not parse)/);
  });

  it('stops re-parsing a file of many fatal errors at the budget', () => {
    const text = `${'export const = );\n'.repeat(40)}export const limit = 10;\n`;
    expect(run('src/limits.ts', text).diagnostics.map((d) => d.code)).toEqual(['js-syntax-error']);
    expect(run('src/limits.ts', text, 0).diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'extract-timeout',
        "extraction stopped (typescript extractor, JS parser): over the 0 ms per-file budget (--file-budget); the file's facts are missing",
      ],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractFile, type Parsers } from './extractFile.js';

/** A TypeScript API whose tsconfig reader throws what it is given. */
const throwing = (error: Error) =>
  ({
    typescript: {
      parseConfigFileTextToJson() {
        throw error;
      },
    },
  }) as unknown as Parsers;

describe('extractFile', () => {
  it('reads a reader out of stack as the file nested too deep', () => {
    const outcome = extractFile(
      'tsconfig',
      'tsconfig.json',
      '{}',
      throwing(new RangeError('Maximum call stack size exceeded')),
    );
    expect(outcome.problems).toEqual([expect.objectContaining({ code: 'file-too-deep', severity: 'warning' })]);
  });

  it('lets any other RangeError through as the bug it is', () => {
    expect(() =>
      extractFile('tsconfig', 'tsconfig.json', '{}', throwing(new RangeError('Invalid array length'))),
    ).toThrow('Invalid array length');
  });
});

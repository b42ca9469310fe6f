import { describe, expect, it } from 'vitest';
import type { PackageMetadata } from '../../src/core/packages.js';
import { versionScheme } from '../../src/packages/versionScheme.js';
import { distanceBetween } from './distance.js';

function metadata(ecosystem: 'npm' | 'nuget', versions: string[]): PackageMetadata {
  return { ecosystem, name: 'pkg', source: 'https://registry.example/', versions, published: {}, deprecated: {} };
}

const behind = (ecosystem: 'npm' | 'nuget', versions: string[], current: string, latest: string) =>
  distanceBetween(versionScheme(ecosystem), metadata(ecosystem, versions), current, latest).majorsBehind;

describe('majorsBehind', () => {
  it('counts the major lines published, not the difference of the numbers', () => {
    // A package that only ever published even majors: 2 → 24 is 11 majors, not 22.
    const evens = Array.from({ length: 12 }, (_, i) => `${2 * (i + 1)}.0.0`);
    expect(behind('npm', evens, '2.0.0', '24.0.0')).toBe(11);
    expect(behind('nuget', evens, '2.0.0', '24.0.0')).toBe(11);
  });

  it('is 0 on the latest major, however many minors and patches came since', () => {
    expect(behind('npm', ['3.0.0', '3.1.0', '3.4.2'], '3.0.0', '3.4.2')).toBe(0);
  });

  it('counts pre-releases of a new major as nothing', () => {
    expect(behind('npm', ['1.0.0', '2.0.0-beta.1', '1.1.0'], '1.0.0', '1.1.0')).toBe(0);
  });

  it('under 1.0 a minor is breaking, under 0.1 a patch is', () => {
    expect(behind('npm', ['0.3.1', '0.3.2', '0.4.0', '0.5.0', '0.5.1'], '0.3.1', '0.5.1')).toBe(2);
    expect(behind('npm', ['0.0.3', '0.0.4', '0.0.5'], '0.0.3', '0.0.5')).toBe(2);
    expect(behind('npm', ['0.9.0', '0.10.0', '1.0.0', '1.2.0', '2.0.0'], '0.9.0', '2.0.0')).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import {
  compareNuGetVersions,
  nuGetRangeSatisfies,
  nuGetResolvedFromRange,
  normaliseNuGetVersion,
  parseNuGetRange,
  parseNuGetVersion,
} from './nugetVersion.js';
import { latestOf, versionScheme } from './versionScheme.js';

const v = (text: string) => {
  const parsed = parseNuGetVersion(text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};
const cmp = (a: string, b: string) => compareNuGetVersions(v(a), v(b));

describe('NuGet versions', () => {
  it('orders four-part, pre-release and metadata versions as NuGet does', () => {
    const sorted = [
      '1.0.0-alpha',
      '1.0.0-Alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.0.1',
      '1.0.1',
      '3.4.1.9004',
      '6.0.4',
      '13.0.1',
    ];
    const shuffled = [...sorted].reverse();
    expect(shuffled.sort(cmp)).toEqual(sorted);
    expect(cmp('1.0', '1.0.0.0')).toBe(0);
    expect(cmp('1.0.0+build.5', '1.0.0')).toBe(0);
    expect(cmp('1.0.0-ALPHA', '1.0.0-alpha')).toBe(0);
  });

  it('rejects what is not a version', () => {
    for (const bad of ['', 'latest', '1.0.0.0.0', 'v1.0', '1..0', '$(Version)', '1.0-'])
      expect(parseNuGetVersion(bad), bad).toBeUndefined();
  });

  it('normalises a zero revision away', () => {
    expect(normaliseNuGetVersion(v('6.0.4.0'))).toBe('6.0.4');
    expect(normaliseNuGetVersion(v('1.0'))).toBe('1.0.0');
    expect(normaliseNuGetVersion(v('3.4.1.9004'))).toBe('3.4.1.9004');
  });
});

describe('NuGet version ranges', () => {
  const sat = (range: string, version: string) => nuGetRangeSatisfies(parseNuGetRange(range)!, v(version));

  it('reads interval notation', () => {
    expect(sat('[1.0,2.0)', '1.0')).toBe(true);
    expect(sat('[1.0,2.0)', '1.9.9')).toBe(true);
    expect(sat('[1.0,2.0)', '2.0')).toBe(false);
    expect(sat('(1.0,2.0]', '1.0')).toBe(false);
    expect(sat('(1.0,2.0]', '2.0.0.0')).toBe(true);
    expect(sat('(,13.0.1)', '6.0.4')).toBe(true);
    expect(sat('(,13.0.1)', '13.0.1')).toBe(false);
    expect(sat('[13.0.1, )', '13.0.3')).toBe(true);
    expect(sat('[6.0.4]', '6.0.4')).toBe(true);
    expect(sat('[6.0.4]', '6.0.5')).toBe(false);
    expect(sat('6.0.4', '13.0.3')).toBe(true); // a bare version is a minimum
    expect(sat('6.0.*', '6.0.9')).toBe(true);
  });

  it('rejects malformed ranges', () => {
    for (const bad of ['[1.0', '(1.0)', '[,]', '[x,2.0)', 'latest', '[1.0,2.0,3.0]'])
      expect(parseNuGetRange(bad), bad).toBeUndefined();
  });

  it('gives the version restore would pick when nothing is locked', () => {
    expect(nuGetResolvedFromRange('6.0.4')).toBe('6.0.4');
    expect(nuGetResolvedFromRange('[1.0,2.0)')).toBe('1.0.0');
    expect(nuGetResolvedFromRange('(1.0,2.0)')).toBeUndefined();
    expect(nuGetResolvedFromRange('6.0.*')).toBeUndefined();
    expect(nuGetResolvedFromRange('$(NewtonsoftVersion)')).toBeUndefined();
  });
});

describe('version schemes', () => {
  it('pick the latest stable version in each ecosystem', () => {
    expect(latestOf(versionScheme('nuget'), ['6.0.4', '13.0.3', '13.0.4-beta1', '9.0.1', 'junk'], false)).toBe(
      '13.0.3',
    );
    expect(latestOf(versionScheme('nuget'), ['6.0.4', '13.0.3', '13.0.4-beta1'], true)).toBe('13.0.4-beta1');
    expect(latestOf(versionScheme('npm'), ['4.17.4', '4.17.21', '5.0.0-rc.1', 'x'], false)).toBe('4.17.21');
  });

  it('match ranges in each syntax', () => {
    expect(versionScheme('npm').satisfies('4.17.4', '<4.17.12')).toBe(true);
    expect(versionScheme('npm').satisfies('4.17.21', '<4.17.12')).toBe(false);
    expect(versionScheme('nuget').satisfies('6.0.4', '[1.0,13.0.1)')).toBe(true);
  });
});

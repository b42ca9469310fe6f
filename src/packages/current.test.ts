import semver from 'semver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackageMetadata, PackageUsage } from '../core/packages.js';
import { currentVersion } from './current.js';
import { latestOf, versionScheme } from './versionScheme.js';

const metadata = (versions: string[]): PackageMetadata => ({
  ecosystem: 'npm',
  name: 'lodash',
  source: 'https://registry.npmjs.org/',
  versions,
  published: {},
  deprecated: {},
});
const usage = (declared: string, repo = 'web'): PackageUsage => ({
  packageId: 'package:npm:lodash',
  ecosystem: 'npm',
  name: 'lodash',
  projectId: `project:${repo}/package.json`,
  repo,
  file: 'package.json',
  declared,
  internal: false,
  fromRegistry: true,
});

afterEach(() => vi.restoreAllMocks());

describe('currentVersion from the registry', () => {
  it('resolves each declared range of a package once, however many usages declare it', () => {
    const answer = metadata(['4.17.4', '4.17.20', '4.17.21', '5.0.0-rc.1', 'junk']);
    const resolve = vi.spyOn(semver, 'maxSatisfying');
    const picked = Array.from({ length: 50 }, (_, i) => currentVersion(usage('^4.17.0', `repo-${i}`), answer));
    expect(picked.every((p) => p?.version === '4.17.21' && p.from === 'registry')).toBe(true);
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('keeps ranges apart, and a caller changing its answer changes no later one', () => {
    const answer = metadata(['1.0.0', '1.2.0', '2.0.0', '2.1.0']);
    const first = currentVersion(usage('^1.0.0'), answer);
    expect(first?.version).toBe('1.2.0');
    expect(currentVersion(usage('^2.0.0'), answer)?.version).toBe('2.1.0');
    if (first) first.version = 'changed';
    expect(currentVersion(usage('^1.0.0'), answer)?.version).toBe('1.2.0');
    expect(currentVersion(usage('^9.0.0'), answer)).toBeUndefined();
  });
});

describe('the npm version scheme', () => {
  it('parses a version text once across comparisons', () => {
    const parse = vi.spyOn(semver, 'parse');
    const scheme = versionScheme('npm');
    const versions = ['3.0.1', '3.0.2', '3.1.0-beta.1', '3.1.0'];
    for (let i = 0; i < 20; i++) expect(latestOf(scheme, versions, false)).toBe('3.1.0');
    expect(parse.mock.calls.filter(([v]) => v === '3.0.2')).toHaveLength(1);
  });

  it('orders, splits and validates as semver does', () => {
    const scheme = versionScheme('npm');
    expect(scheme.valid('1.2.3')).toBe(true);
    expect(scheme.valid('not-a-version')).toBe(false);
    expect(scheme.compare('1.10.0', '1.9.0')).toBe(1);
    expect(scheme.isPrerelease('2.0.0-rc.1')).toBe(true);
    expect(scheme.isPrerelease('2.0.0')).toBe(false);
    expect([scheme.major('4.5.6'), scheme.minor('4.5.6'), scheme.patch('4.5.6')]).toEqual([4, 5, 6]);
  });
});

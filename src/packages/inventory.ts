/**
 * The package inventory read back from the graph: one usage per `package-ref` edge,
 * with what is known without asking a registry (the locked or exactly declared
 * version), whether the estate produces the package itself, and whether the
 * declaration names a registry package at all (not git, file, link or workspace).
 */
import semver from 'semver';
import type { EstateGraph } from '../core/graph.js';
import { nuGetResolvedFromRange, normaliseNuGetVersion, parseNuGetVersion } from './nugetVersion.js';
import type { Ecosystem, PackageUsage } from '../core/packages.js';

export type { PackageUsage } from '../core/packages.js';

export function packageUsages(graph: EstateGraph): PackageUsage[] {
  const produced = new Set(graph.edgesOfKind('produces').map((e) => e.to));
  const usages: PackageUsage[] = [];
  for (const edge of graph.edgesOfKind('package-ref')) {
    const project = graph.node(edge.from);
    const pkg = graph.nodeOfKind(edge.to, 'package');
    if (!project || !pkg) continue;
    const ecosystem: Ecosystem = pkg.data?.ecosystem === 'npm' ? 'npm' : 'nuget';
    const declared = edge.data?.version;
    const resolved = edge.data?.resolved;
    const known = knownVersion(ecosystem, declared, resolved);
    usages.push({
      packageId: pkg.id,
      ecosystem,
      name: pkg.name,
      projectId: project.id,
      repo: project.repo ?? '',
      file: project.path ?? '',
      ...(edge.data?.line !== undefined ? { line: edge.data.line } : {}),
      ...(declared ? { declared } : {}),
      ...(resolved ? { resolved } : {}),
      ...known,
      internal: produced.has(pkg.id),
      fromRegistry: ecosystem === 'nuget' || declared === undefined || isRegistrySpec(declared),
    });
  }
  return usages.sort((a, b) => cmp(a.packageId, b.packageId) || cmp(a.projectId, b.projectId));
}

function knownVersion(
  ecosystem: Ecosystem,
  declared: string | undefined,
  resolved: string | undefined,
): Pick<PackageUsage, 'known' | 'knownFrom'> {
  if (ecosystem === 'npm') {
    if (resolved && semver.valid(resolved)) return { known: semver.valid(resolved)!, knownFrom: 'lockfile' };
    const exact = declared ? semver.valid(semver.clean(declared) ?? '') : null;
    return exact ? { known: exact, knownFrom: 'manifest' } : {};
  }
  const locked = resolved ? parseNuGetVersion(resolved) : undefined;
  if (locked) return { known: normaliseNuGetVersion(locked), knownFrom: 'lockfile' };
  const fromRange = declared ? nuGetResolvedFromRange(declared) : undefined;
  return fromRange ? { known: fromRange, knownFrom: 'manifest' } : {};
}

/** Ranges, versions and dist-tags come from a registry; git, file, link, workspace, URLs and `user/repo` do not. */
export function isRegistrySpec(spec: string): boolean {
  if (spec === '' || spec === '*') return true;
  if (/^(npm|git|git\+\w+|https?|file|link|workspace|github|gitlab|bitbucket|portal|patch):/i.test(spec)) return false;
  if (semver.validRange(spec) !== null) return true;
  return /^[a-z][\w.-]*$/i.test(spec); // a dist-tag such as `latest` or `next`
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

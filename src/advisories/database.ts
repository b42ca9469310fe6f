/**
 * An OSV advisory database the user points to: a folder of OSV JSON files (searched
 * recursively, as the GitHub Advisory Database is laid out) or a zip of them (as
 * osv.dev publishes `<ecosystem>/all.zip`), read entry by entry. Only records about
 * packages the estate uses are kept; unreadable records become diagnostics.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/result.js';
import type { AdvisoryMatch, AdvisoryMatcher, Ecosystem } from '../core/packages.js';
import { isAffected, readOsvRecord, type AffectedPackage } from './osvRecord.js';

export class AdvisoryIndex implements AdvisoryMatcher {
  private readonly byPackage = new Map<string, AffectedPackage[]>();
  records = 0;

  add(entry: AffectedPackage): void {
    const key = packageKey(entry.ecosystem, entry.name);
    this.byPackage.set(key, [...(this.byPackage.get(key) ?? []), entry]);
  }

  /** Advisories that affect this version, by advisory id. */
  match(ecosystem: Ecosystem, name: string, version: string): AdvisoryMatch[] {
    const entries = this.byPackage.get(packageKey(ecosystem, name)) ?? [];
    const found = new Map<string, AdvisoryMatch>();
    for (const entry of entries)
      if (isAffected(entry, version)) found.set(entry.advisory.id, { advisory: entry.advisory, fixed: entry.fixed });
    return [...found.values()].sort((a, b) => (a.advisory.id < b.advisory.id ? -1 : 1));
  }
}

/** NuGet ids are case-insensitive; npm names are not. */
export function packageKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}:${ecosystem === 'nuget' ? name.toLowerCase() : name}`;
}

export interface AdvisoryLoad {
  index: AdvisoryIndex;
  diagnostics: Diagnostic[];
}

/** `wanted`: `packageKey`s of the packages in use. Throws only when `source` does not exist. */
export async function loadAdvisoryDatabase(source: string, wanted: ReadonlySet<string>): Promise<AdvisoryLoad> {
  const index = new AdvisoryIndex();
  const diagnostics: Diagnostic[] = [];
  const take = (name: string, text: string) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      diagnostics.push({
        code: 'advisory-invalid',
        severity: 'warning',
        message: `${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
      return;
    }
    const affected = readOsvRecord(json);
    if (typeof affected === 'string') {
      diagnostics.push({ code: 'advisory-invalid', severity: 'warning', message: `${name}: ${affected}` });
      return;
    }
    index.records++;
    for (const entry of affected) if (wanted.has(packageKey(entry.ecosystem, entry.name))) index.add(entry);
  };
  if (statSync(source).isDirectory()) {
    for (const file of jsonFilesUnder(source)) take(path.relative(source, file), readFileSync(file, 'utf8'));
  } else {
    const { readZipEntries } = await import('./zip.js');
    await readZipEntries(
      source,
      (name) => name.toLowerCase().endsWith('.json'),
      take,
      (message) => diagnostics.push({ code: 'advisory-invalid', severity: 'warning', message }),
    );
  }
  return { index, diagnostics };
}

function jsonFilesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink() || lstatSync(full).isSymbolicLink()) continue;
    if (entry.isDirectory()) files.push(...jsonFilesUnder(full));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) files.push(full);
  }
  return files;
}

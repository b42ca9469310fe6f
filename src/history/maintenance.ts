/**
 * Maintenance commits: changes that move many things for one mechanical reason —
 * dependency and framework bumps, the same edit swept across projects, mass
 * renames, reformatting, bots. They are real work, but not evidence that the
 * logic they touch is coupled, nor logic churn: the coupling pass leaves them
 * out and hotspots rank churn without them.
 */
import { fileRole } from './fileRoles.js';
import type { Commit, FileChange } from './types.js';

export type MaintenanceReason = 'bulk' | 'bot' | 'message' | 'no-logic' | 'sweep' | 'renames';

export interface MaintenanceRules {
  /** More files than this is a bulk change whatever it says. */
  bulkCommitFiles: number;
  /** Subjects that announce maintenance (see `DEFAULT_MAINTENANCE_PATTERN`). */
  message: RegExp;
}

/**
 * Subjects of bumps, upgrades and formatting, case-insensitive. Conventional-commit
 * `chore:`/`build:`/`ci:`/`style:` prefixes say so too.
 */
export const DEFAULT_MAINTENANCE_PATTERN = [
  '^(chore|build|ci|style)(\\([^)]*\\))?!?:',
  '^bump\\b',
  '\\b(update|upgrade|migrate)\\b.*\\b(packages?|dependenc(y|ies)|nuget|npm|sdk|\\.net|framework|versions?|libraries)\\b',
  '\\b(re)?format(ting)?\\b',
  '\\bwhitespace\\b',
  '\\b(unused|redundant) using',
].join('|');

export function compileMaintenancePattern(source: string): RegExp {
  return new RegExp(source, 'i');
}

const BOT = /\[bot\]|^(dependabot|renovate|greenkeeper)\b/i;

/** A directory's copy of the same file, or a project's manifest of the same kind, in this many places is a sweep. */
const SWEEP_PLACES = 3;

/** Why `commit` is maintenance, or undefined for a change of logic. */
export function maintenanceReason(commit: Commit, rules: MaintenanceRules): MaintenanceReason | undefined {
  const files = commit.files;
  if (files.length > rules.bulkCommitFiles) return 'bulk';
  if (BOT.test(commit.author) || BOT.test(commit.email)) return 'bot';
  if (rules.message.test(commit.message)) return 'message';
  if (files.length === 0) return undefined;
  if (files.every((f) => fileRole(f.path) !== 'source')) return 'no-logic';
  if (2 * files.filter(isPureRename).length >= files.length && files.length >= SWEEP_PLACES) return 'renames';
  if (isSweep(files)) return 'sweep';
  return undefined;
}

/** A move with no line changed: says nothing about what the file does. */
export function isPureRename(change: FileChange): boolean {
  return change.oldPath !== undefined && (change.added ?? 0) === 0 && (change.deleted ?? 0) === 0;
}

/**
 * The same edit repeated across places: at least half of the commit's files are
 * copies of one file name (`Program.cs`, `GlobalUsings.cs`) or manifests of one kind
 * (`.csproj`) in three or more directories. A feature rarely touches the same
 * file name in three projects; an upgrade touches it in every one.
 */
function isSweep(files: readonly FileChange[]): boolean {
  const places = new Map<string, Set<string>>();
  for (const { path } of files) {
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash);
    const name = path.slice(slash + 1).toLowerCase();
    const dot = name.lastIndexOf('.');
    const key = fileRole(path) === 'manifest' && dot > 0 ? `manifest${name.slice(dot)}` : name;
    const set = places.get(key) ?? new Set<string>();
    set.add(dir);
    places.set(key, set);
  }
  let repeated = 0;
  for (const dirs of places.values()) if (dirs.size >= SWEEP_PLACES) repeated += dirs.size;
  return repeated > 0 && 2 * repeated >= files.length;
}

/**
 * Build output and restored dependencies are skipped, but the same folder names
 * hold real sources elsewhere (`packages/` of a JS monorepo, `bin/` of a Node CLI),
 * so the ambiguous ones are judged by what they hold.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';

const ALWAYS_SKIPPED = new Set(['obj', 'node_modules', '.vs', 'dist', 'bower_components', 'TestResults', '.git']);
const PROJECT_FILE = /\.(cs|vb|fs)proj$/i;
const NUGET_PACKAGE_FOLDER = /^[A-Za-z_][\w.-]*?\.\d+(\.\d+){1,3}(-[\w.-]+)?$/;

export function isBuildOutputDir(parentAbs: string, name: string, siblings: readonly Dirent[]): boolean {
  if (ALWAYS_SKIPPED.has(name)) return true;
  if (name === 'bin') return isDotnetBin(parentAbs, siblings);
  if (name === 'packages') return isNugetPackagesFolder(path.join(parentAbs, name));
  return false;
}

function isDotnetBin(parentAbs: string, siblings: readonly Dirent[]): boolean {
  if (siblings.some((s) => s.isFile() && PROJECT_FILE.test(s.name))) return true;
  const children = list(path.join(parentAbs, 'bin'));
  return children.some((c) => /^(debug|release|x64|x86)$/i.test(c) || /\.(dll|exe|pdb)$/i.test(c));
}

function isNugetPackagesFolder(absDir: string): boolean {
  const children = list(absDir);
  if (children.length === 0) return true;
  return children.some((c) => c === 'repositories.config' || c.endsWith('.nupkg') || NUGET_PACKAGE_FOLDER.test(c));
}

function list(absDir: string): string[] {
  try {
    return readdirSync(absDir);
  } catch {
    return [];
  }
}

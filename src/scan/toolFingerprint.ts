/**
 * The identity of the running tool's code: a sha256 over every module of the
 * package (src/, analyzers/, the report client) and its package and lock
 * files. A cached whole result is only served to the very code that made it —
 * extractor and analyzer versions are bumped by hand and can be forgotten, a
 * hash of the code cannot. Computed once per process (a few megabytes).
 */
import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root is two levels above this module, in dist/src/scan/ and in src/scan/ alike. */
const here = path.dirname(fileURLToPath(import.meta.url));
const CODE_FOLDERS = ['src', 'analyzers', 'report-client'];
const CODE_FILE = /\.(?:[cm]?js|ts|json|css|html)$/;
const PACKAGE_FILES = ['package.json', 'package-lock.json'];

let memo: string | undefined;

export function toolFingerprint(): string {
  memo ??= fingerprintOf(path.resolve(here, '..', '..'), path.resolve(here, '..', '..', '..'));
  return memo;
}

/** `codeRoot`: dist/ (built) or the package (sources); `packageRoot`: where package.json lies. */
function fingerprintOf(codeRoot: string, packageRoot: string): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  const files = CODE_FOLDERS.flatMap((folder) => codeFiles(path.join(codeRoot, folder)));
  for (const name of PACKAGE_FILES) files.push(path.join(codeRoot, name), path.join(packageRoot, name));
  files.push(path.join(packageRoot, 'node_modules', '.package-lock.json'));
  for (const file of [...new Set(files)].sort()) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // not in this layout
    }
    hash.update(`${path.relative(codeRoot, file)}\n${bytes.length}\n`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function codeFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : codeFiles(full);
    return entry.isFile() && CODE_FILE.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

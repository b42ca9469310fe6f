/**
 * The version of each file kind's extraction. Cached facts are keyed by it, so
 * bump a kind's number whenever a change makes its facts, line count or
 * diagnostics differ for some input — otherwise a warm scan keeps serving the
 * old facts. `extractorVersions.test.ts` hashes the output of every kind over
 * the fixture estates and fails when the output changed but the number did not.
 */
import type { FileKind } from '../core/fileKinds.js';

/** Reading and decoding (readSource, decode, the legacy-encoding note): part of every kind's key. */
// 2: files are opened without following symlinks or waiting on FIFOs, and a reader out of stack is file-too-deep.
export const READ_VERSION = 2;

export const EXTRACTOR_VERSIONS: Readonly<Record<FileKind, number>> = {
  // 2: the walk's depth limit is reported (csharp-too-deep) instead of losing the file.
  csharp: 2,
  vb: 1,
  fsharp: 1,
  'msbuild-project': 1,
  'msbuild-props': 1,
  'packages-config': 1,
  solution: 1,
  typescript: 1,
  javascript: 1,
  sql: 1,
  'package-json': 1,
  'npm-lockfile': 1,
  'nuget-lock': 1,
  tsconfig: 1,
  proto: 1,
  // 2: JSON/YAML nested past the parsers' limit is refused before parsing.
  config: 2,
};

/** The version part of a cache key for this kind. */
export function extractorVersion(kind: FileKind): string {
  return `r${READ_VERSION}.${kind}${EXTRACTOR_VERSIONS[kind]}`;
}

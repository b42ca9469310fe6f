/**
 * One file's text → its facts, by file kind. Pure apart from the parsers it is
 * handed, so it can later run in worker threads and be cached by content hash.
 */
import path from 'node:path';
import type { ExtractionOutcome, FileFacts } from '../core/facts.js';
import type { FileKind } from '../core/fileKinds.js';
import { extractMsBuildProject } from './dotnet/msbuildProject.js';
import { extractMsBuildProps } from './dotnet/msbuildProps.js';
import { extractPackagesConfig } from './dotnet/packagesConfig.js';
import { extractSolution } from './dotnet/solution.js';
import { extractNuGetLock } from './dotnet/nugetLock.js';
import { extractPackageJson } from './npm/packageJson.js';
import { extractNpmLockfile } from './npm/lockfile.js';
import { countNonBlankLines } from './lineCount.js';
import type { CSharpParser } from './csharp/extractCSharp.js';
import { extractCSharp } from './csharp/extractCSharp.js';
import { extractJs } from './js/extractJs.js';
import { extractTsConfig, type TypeScriptApi } from './tsconfig/extractTsConfig.js';
import { extractProto } from './proto/extractProto.js';
import { extractServiceConfig } from './gateway/extractServiceConfig.js';

export interface Parsers {
  csharp?: CSharpParser;
  /** TypeScript's own JSONC reader for tsconfig files (loadTypeScript.ts). */
  typescript?: TypeScriptApi;
}

export interface FileExtraction extends ExtractionOutcome {
  loc: number;
}

/** Which parsers the given file kinds need, so heavy ones load only when used. */
export function parsersNeeded(kinds: Iterable<FileKind>): Set<keyof Parsers> {
  const needed = new Set<keyof Parsers>();
  for (const kind of kinds) {
    if (kind === 'csharp') needed.add('csharp');
    if (kind === 'tsconfig') needed.add('typescript');
  }
  return needed;
}

export function extractFile(kind: FileKind, filePath: string, text: string, parsers: Parsers): FileExtraction {
  try {
    return extractByKind(kind, filePath, text, parsers);
  } catch (error) {
    // A third-party parser that recurses per nesting level (TypeScript's for tsconfig, yaml's)
    // runs out of stack on a deeply nested file: that is the file's shape, not a bug.
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
    const message = `nested too deep to read (the ${kind} reader's stack ran out); the file's facts are missing`;
    return { problems: [{ code: 'file-too-deep', severity: 'warning', message }], loc: countNonBlankLines(text) };
  }
}

function extractByKind(kind: FileKind, filePath: string, text: string, parsers: Parsers): FileExtraction {
  const fileName = path.posix.basename(filePath);
  switch (kind) {
    case 'csharp': {
      if (!parsers.csharp) throw new Error('C# parser not loaded');
      const outcome = extractCSharp(parsers.csharp, text);
      return { ...outcome, loc: outcome.facts?.loc ?? countNonBlankLines(text) };
    }
    case 'msbuild-project':
      return withLoc(extractMsBuildProject(fileName, text), text);
    case 'msbuild-props':
      return withLoc(extractMsBuildProps(fileName, text), text);
    case 'packages-config':
      return withLoc(extractPackagesConfig(text), text);
    case 'solution':
      return withLoc(extractSolution(text), text);
    case 'package-json':
      return withLoc(extractPackageJson(text), text);
    case 'npm-lockfile':
      return withLoc(extractNpmLockfile(fileName, text), text);
    case 'nuget-lock':
      return withLoc(extractNuGetLock(text), text);
    case 'typescript':
    case 'javascript':
      return withLoc(extractJs(filePath, text), text);
    case 'tsconfig':
      if (!parsers.typescript) throw new Error('TypeScript not loaded');
      return withLoc(extractTsConfig(parsers.typescript, fileName, text), text);
    case 'proto':
      return withLoc(extractProto(text), text);
    case 'config':
      return withLoc(extractServiceConfig(fileName, text), text);
    default:
      // Languages whose extractors come later are still counted in the inventory.
      return { problems: [], loc: countNonBlankLines(text) };
  }
}

function withLoc(outcome: ExtractionOutcome<FileFacts>, text: string): FileExtraction {
  return { ...outcome, loc: countNonBlankLines(text) };
}

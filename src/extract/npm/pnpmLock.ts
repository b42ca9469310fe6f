/**
 * `pnpm-lock.yaml`: `importers` (workspaces; v5.3+) or the single project's top-level
 * `dependencies`. v6+ writes `{ specifier, version }`, v5 `specifiers` beside plain versions;
 * peer suffixes (`1.0.0(react@18.2.0)`, v5 `1.0.0_react@18.2.0`) are dropped.
 */
import { isCollection, parseDocument, visit } from 'yaml';
import type { ExtractionOutcome, LockedPackage, NpmLockfileFacts } from '../../core/facts.js';
import { isObject, stringOf } from './json.js';

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/**
 * The YAML as plain values. A mapping key that is itself a mapping or list (`? ? ? …`) is
 * refused before conversion: the yaml library stringifies such keys level by level, and 300
 * nested ones on one line (found by the fuzzer) took it 8 s, 500 over 90 s. No lockfile has one.
 */
function readYaml(text: string): unknown {
  const document = parseDocument(text, { logLevel: 'error' });
  const error = document.errors[0];
  if (error) throw error;
  let complexKey = false;
  visit(document, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return undefined;
      complexKey = true;
      return visit.BREAK;
    },
  });
  if (complexKey) throw new Error('a mapping key is itself a mapping or a list, which no lockfile has');
  return document.toJS({ maxAliasCount: 100 });
}

export function extractPnpmLock(text: string): ExtractionOutcome<NpmLockfileFacts> {
  let document: unknown;
  try {
    document = readYaml(text);
  } catch (error) {
    const linePos = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return {
      problems: [
        {
          code: 'npm-lockfile-invalid',
          severity: 'warning',
          message: `pnpm-lock.yaml cannot be parsed (${message})`,
          ...(linePos ? { line: linePos } : {}),
        },
      ],
    };
  }
  if (!isObject(document))
    return {
      problems: [{ code: 'npm-lockfile-invalid', severity: 'warning', message: 'pnpm-lock.yaml is not a mapping' }],
    };
  const importers = isObject(document.importers) ? document.importers : { '.': document };
  const locked: LockedPackage[] = [];
  for (const [importerPath, importer] of Object.entries(importers)) {
    if (!isObject(importer)) continue;
    const specifiers = isObject(importer.specifiers) ? importer.specifiers : {};
    for (const section of SECTIONS) {
      const deps = importer[section];
      if (!isObject(deps)) continue;
      for (const [name, value] of Object.entries(deps)) {
        const raw = isObject(value) ? stringOf(value.version) : stringOf(String(value ?? ''));
        const range = isObject(value) ? stringOf(value.specifier) : stringOf(specifiers[name]);
        if (!raw || raw.startsWith('link:') || raw.startsWith('file:')) continue;
        locked.push({
          name,
          version: stripPeerSuffix(raw),
          importer: importerPath === '.' ? '' : importerPath,
          ...(range ? { range } : {}),
        });
      }
    }
  }
  const lockfileVersion = document.lockfileVersion === undefined ? undefined : String(document.lockfileVersion);
  const packageCount = isObject(document.packages) ? Object.keys(document.packages).length : 0;
  return {
    facts: {
      kind: 'npm-lockfile',
      format: 'pnpm',
      ...(lockfileVersion ? { lockfileVersion } : {}),
      locked,
      packageCount,
    },
    problems: [],
  };
}

function stripPeerSuffix(version: string): string {
  const paren = version.indexOf('(');
  const base = paren >= 0 ? version.slice(0, paren) : version;
  return /^\d/.test(base) ? base.replace(/_.*$/, '') : base;
}

/** npm `package.json`: name, version, dependency ranges by kind, workspaces and `engines.node`. */
import type {
  ExtractionOutcome,
  ExtractionProblem,
  NpmDependency,
  NpmDependencyType,
  PackageJsonFacts,
} from '../../core/facts.js';
import { isObject, lineOfKey, parseJson, stringOf } from './json.js';

const DEPENDENCY_TYPES: readonly NpmDependencyType[] = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

export function extractPackageJson(text: string): ExtractionOutcome<PackageJsonFacts> {
  const parsed = parseJson(text, 'package-json-invalid', 'package.json');
  if (!parsed.ok) return { problems: [parsed.problem] };
  if (!isObject(parsed.value)) {
    return {
      problems: [{ code: 'package-json-invalid', severity: 'warning', message: 'package.json is not a JSON object' }],
    };
  }
  const manifest = parsed.value;
  const problems: ExtractionProblem[] = [];
  const dependencies: NpmDependency[] = [];
  for (const type of DEPENDENCY_TYPES) {
    const section = manifest[type];
    if (section === undefined) continue;
    if (!isObject(section)) {
      problems.push({
        code: 'package-json-invalid',
        severity: 'warning',
        message: `"${type}" is not an object; ignored`,
      });
      continue;
    }
    const sectionAt = lineOfKey(text, type);
    for (const [name, range] of Object.entries(section)) {
      if (typeof range !== 'string') {
        problems.push({
          code: 'package-json-invalid',
          severity: 'warning',
          message: `${type}.${name}: version is not a string; ignored`,
        });
        continue;
      }
      const { line } = lineOfKey(text, name, sectionAt.index);
      dependencies.push({ name, range: range.trim(), type, ...(line ? { line } : {}) });
    }
  }
  const name = stringOf(manifest.name);
  const version = stringOf(manifest.version);
  const enginesNode = isObject(manifest.engines) ? stringOf(manifest.engines.node) : undefined;
  return {
    facts: {
      kind: 'package-json',
      ...(name ? { name } : {}),
      ...(version ? { version } : {}),
      private: manifest.private === true,
      dependencies,
      workspaces: workspacesOf(manifest.workspaces),
      ...(enginesNode ? { enginesNode } : {}),
      ...entryPointsOf(manifest),
    },
    problems,
  };
}

/** Module resolution reads these; kept as written so TypeScript's resolver can apply them. */
const ENTRY_POINT_FIELDS = [
  'main',
  'module',
  'types',
  'typings',
  'type',
  'exports',
  'imports',
  'typesVersions',
  'browser',
] as const;

function entryPointsOf(manifest: Record<string, unknown>): { entryPoints?: Record<string, unknown> } {
  const entryPoints: Record<string, unknown> = {};
  for (const field of ENTRY_POINT_FIELDS) if (manifest[field] !== undefined) entryPoints[field] = manifest[field];
  return Object.keys(entryPoints).length > 0 ? { entryPoints } : {};
}

/** `"workspaces": [...]` (npm, yarn) or `{ "packages": [...] }` (yarn classic). */
function workspacesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.packages) ? value.packages : [];
  return list.filter((w): w is string => typeof w === 'string');
}

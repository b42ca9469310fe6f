/**
 * `yarn.lock`, classic (v1, its own syntax) and berry (YAML with `__metadata`);
 * `parseSyml` from @yarnpkg/parsers reads both. Keys are `name@range[, name@range…]`.
 */
import { parseSyml } from '@yarnpkg/parsers';
import type { ExtractionOutcome, LockedPackage, NpmLockfileFacts } from '../../core/facts.js';
import { isObject, stringOf } from './json.js';

export function extractYarnLock(text: string): ExtractionOutcome<NpmLockfileFacts> {
  let document: unknown;
  // parseSyml takes the classic syntax only behind its header; berry files are YAML with `__metadata`.
  const addedHeader = !/^__metadata:/m.test(text) && !text.includes('# yarn lockfile v1');
  try {
    document = parseSyml(addedHeader ? `# yarn lockfile v1\n${text}` : text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // The classic (peg) parser gives `location`, the YAML one `(line:column)` in its message.
    const reported =
      (error as { location?: { start?: { line?: number } } }).location?.start?.line ??
      Number(/\((\d+):\d+\)/.exec(message)?.[1] ?? 0);
    const line = reported > 0 ? reported - (addedHeader ? 1 : 0) : undefined;
    return {
      problems: [
        {
          code: 'npm-lockfile-invalid',
          severity: 'warning',
          message: `yarn.lock cannot be parsed (${message})`,
          ...(line ? { line } : {}),
        },
      ],
    };
  }
  if (!isObject(document))
    return { problems: [{ code: 'npm-lockfile-invalid', severity: 'warning', message: 'yarn.lock holds no entries' }] };
  const berry = isObject(document.__metadata);
  const locked: LockedPackage[] = [];
  const installed = new Set<string>();
  for (const [key, entry] of Object.entries(document)) {
    if (key === '__metadata' || !isObject(entry)) continue;
    const version = stringOf(entry.version);
    if (!version) continue;
    // parseSyml splits classic `a@1, a@^1:` keys itself; berry keys stay joined.
    const descriptors = key
      .split(/,\s*/)
      .map(parseDescriptor)
      .filter((d) => d !== undefined);
    if (descriptors.some((d) => d.range.startsWith('workspace:'))) continue;
    for (const { name, range } of descriptors) {
      locked.push({ name, version, range });
      installed.add(`${name}@${version}`);
    }
  }
  const lockfileVersion = berry ? stringOf((document.__metadata as Record<string, unknown>).version) : '1';
  return {
    facts: {
      kind: 'npm-lockfile',
      format: berry ? 'yarn-berry' : 'yarn-classic',
      ...(lockfileVersion ? { lockfileVersion } : {}),
      locked,
      packageCount: installed.size,
    },
    problems: [],
  };
}

/** `@scope/name@npm:^1.2.0` → name and range, with berry's `npm:` protocol dropped. */
function parseDescriptor(descriptor: string): { name: string; range: string } | undefined {
  const at = descriptor.indexOf('@', 1);
  if (at < 0) return undefined;
  const range = descriptor.slice(at + 1);
  return {
    name: descriptor.slice(0, at),
    range: range.startsWith('npm:') && !range.includes('@', 4) ? range.slice(4) : range,
  };
}

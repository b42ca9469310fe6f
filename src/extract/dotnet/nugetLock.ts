/** NuGet `packages.lock.json`: `dependencies` per target framework, each `Direct`, `Transitive`, `Project` or `CentralTransitive`. */
import type { ExtractionOutcome, NuGetLockFacts } from '../../core/facts.js';
import { isObject, parseJson, stringOf } from '../npm/json.js';

export function extractNuGetLock(text: string): ExtractionOutcome<NuGetLockFacts> {
  const parsed = parseJson(text, 'nuget-lock-invalid', 'packages.lock.json');
  if (!parsed.ok) return { problems: [parsed.problem] };
  if (!isObject(parsed.value) || !isObject(parsed.value.dependencies)) {
    return {
      problems: [
        { code: 'nuget-lock-invalid', severity: 'warning', message: 'packages.lock.json has no "dependencies" object' },
      ],
    };
  }
  const frameworks = Object.keys(parsed.value.dependencies).sort();
  const direct: NuGetLockFacts['direct'] = [];
  let transitiveCount = 0;
  for (const framework of frameworks) {
    const entries = parsed.value.dependencies[framework];
    if (!isObject(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      if (!isObject(entry)) continue;
      const resolved = stringOf(entry.resolved);
      const type = stringOf(entry.type);
      if (!resolved || type === 'Project') continue;
      if (type === 'Transitive') transitiveCount++;
      else {
        const requested = stringOf(entry.requested);
        direct.push({ name, resolved, framework, ...(requested ? { requested } : {}) });
      }
    }
  }
  const version = parsed.value.version;
  return {
    facts: {
      kind: 'nuget-lock',
      ...(typeof version === 'number' ? { lockfileVersion: version } : {}),
      frameworks,
      direct,
      transitiveCount,
    },
    problems: [],
  };
}

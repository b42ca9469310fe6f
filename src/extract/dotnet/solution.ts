/** Visual Studio `.sln`: the projects it lists (solution folders left out). */
import type { ExtractionOutcome, SolutionFacts } from '../../core/facts.js';
import { msbuildPath } from './paths.js';

const PROJECT_LINE = /^\s*Project\("\{([0-9A-Fa-f-]+)\}"\)\s*=\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"\{[0-9A-Fa-f-]+\}"/gm;
const SOLUTION_FOLDER = '2150E333-8FDC-42A3-9474-1A3956D46DE8';

export function extractSolution(text: string): ExtractionOutcome<SolutionFacts> {
  const projects: SolutionFacts['projects'] = [];
  for (const match of text.matchAll(PROJECT_LINE)) {
    const typeGuid = match[1]!.toUpperCase();
    if (typeGuid === SOLUTION_FOLDER) continue;
    projects.push({ name: match[2]!, path: msbuildPath(match[3]!), typeGuid });
  }
  const problems =
    projects.length === 0 && !/Microsoft Visual Studio Solution File/.test(text)
      ? [
          {
            code: 'solution-unrecognised' as const,
            severity: 'warning' as const,
            message: 'not a Visual Studio solution file',
          },
        ]
      : [];
  return { facts: { kind: 'solution', projects }, problems };
}

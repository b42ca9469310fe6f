/**
 * eol-framework: target frameworks (.NET Framework, .NET Core, .NET 5+) and Node.js
 * versions (`engines.node`) past — or close to — their end of support on the scan
 * date, from the dated table in lifecycle.ts.
 */
import semver from 'semver';
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { GraphNodeOf } from '../../src/core/graphData.js';
import type { Severity } from '../../src/core/result.js';
import { dotnetLifecycle, NODE_LIFECYCLE } from './lifecycle.js';

const DAY = 86_400_000;

export type EolFrameworkData =
  | { runtime: 'dotnet'; framework: string; product: string; endOfSupport: string; ended: boolean; project: string }
  | { runtime: 'node'; range: string; allowedMajors: string[]; endOfSupport: string; ended: true; project: string };

export default defineAnalyzer<EolFrameworkData>()({
  meta: {
    id: 'eol-framework',
    description: 'Target frameworks and Node.js versions past (or near) the end of vendor support.',
    defaultSeverity: 'warning',
    messages: {
      ended: '{project} targets {product} ({framework}), out of support since {date}',
      ending: '{project} targets {product} ({framework}), which reaches end of support on {date}',
      nodeEnded:
        '{project} allows only end-of-life Node.js ({majors}) in engines.node "{range}"; the newest allowed lost support on {date}',
    },
    needs: [],
    docs: 'analyzers/eol-framework/README.md',
  },
  options: z
    .object({
      /** Report frameworks whose support ends within this many days of the scan, as notes. */
      warnWithinDays: z.number().int().nonnegative().default(180),
      /** Out of support for longer than this: an error rather than a warning. */
      errorAfterYears: z.number().nonnegative().default(2),
    })
    .strict(),
  run({ graph, scanDate: scanTime, options, report }) {
    const scanDate = Date.parse(scanTime);
    const severityFor = (end: number): Severity =>
      scanDate - end > options.errorAfterYears * 365.25 * DAY ? 'error' : 'warning';
    for (const project of graph.nodesOfKind('project').sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const location = { repo: project.repo ?? '', ...(project.path ? { file: project.path } : {}) };
      for (const framework of frameworksOf(project)) {
        const lifecycle = dotnetLifecycle(framework);
        if (!lifecycle) continue;
        const end = Date.parse(lifecycle.endOfSupport);
        const ended = end <= scanDate;
        if (!ended && end - scanDate > options.warnWithinDays * DAY) continue;
        report({
          messageId: ended ? 'ended' : 'ending',
          args: { project: project.name, product: lifecycle.product, framework, date: lifecycle.endOfSupport },
          severity: ended ? severityFor(end) : 'note',
          location,
          data: {
            runtime: 'dotnet',
            framework,
            product: lifecycle.product,
            endOfSupport: lifecycle.endOfSupport,
            ended,
            project: project.id,
          },
          identity: [project.id, framework],
        });
      }
      const range = project.data?.ecosystem === 'npm' ? project.data.enginesNode : undefined;
      const node = range ? endOfLifeNodeRange(range, scanDate) : undefined;
      if (range && node) {
        report({
          messageId: 'nodeEnded',
          args: { project: project.name, majors: node.majors.join(', '), range, date: node.lastEnd },
          severity: severityFor(Date.parse(node.lastEnd)),
          location,
          data: {
            runtime: 'node',
            range,
            allowedMajors: node.majors,
            endOfSupport: node.lastEnd,
            ended: true,
            project: project.id,
          },
          identity: [project.id, 'engines.node'],
        });
      }
    }
  },
});

function frameworksOf(project: GraphNodeOf<'project'>): string[] {
  return project.data && project.data.ecosystem !== 'npm' ? project.data.targetFrameworks : [];
}

/** The Node.js lines a range allows, when every one of them is out of support; undefined otherwise. */
function endOfLifeNodeRange(range: string, scanDate: number): { majors: string[]; lastEnd: string } | undefined {
  if (semver.validRange(range) === null) return undefined;
  const lines = Object.keys(NODE_LIFECYCLE);
  const newestKnown = Math.max(...lines.map(Number));
  if (semver.intersects(range, `>=${newestKnown + 1}.0.0`)) return undefined; // allows a line newer than the table
  const allowed = lines.filter((line) => semver.intersects(range, `${line}.x`));
  if (allowed.length === 0 || allowed.some((line) => Date.parse(NODE_LIFECYCLE[line]!) > scanDate)) return undefined;
  const lastEnd = allowed
    .map((line) => NODE_LIFECYCLE[line]!)
    .sort()
    .at(-1)!;
  return { majors: allowed.sort((a, b) => Number(a) - Number(b)), lastEnd };
}

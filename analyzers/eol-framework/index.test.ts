import { describe, expect, it } from 'vitest';
import eol from './index.js';
import { DOTNET_LIFECYCLE, NODE_LIFECYCLE } from './lifecycle.js';
import { EstateGraph, runAnalyzer } from '../testing.js';
import { packageModel } from '../packageTesting.js';

function projects(entries: { id: string; frameworks?: string[]; engines?: string }[]): EstateGraph {
  const graph = new EstateGraph();
  for (const e of entries) {
    graph.addNode({
      id: `project:repo/${e.id}`,
      kind: 'project',
      name: e.id,
      repo: 'repo',
      path: e.id,
      data: { ...(e.frameworks ? { targetFrameworks: e.frameworks } : {}), ...(e.engines ? { ecosystem: 'npm', enginesNode: e.engines } : {}) },
    });
  }
  return graph;
}

const at = (date: string) => ({ scanDate: `${date}T00:00:00.000Z` });

describe('eol-framework', () => {
  it('reports .NET Framework 4.5.2, netcoreapp3.1 and net6.0 past their end of support, by age', async () => {
    const graph = projects([
      { id: 'Legacy.csproj', frameworks: ['net452'] },
      { id: 'Api.csproj', frameworks: ['netcoreapp3.1'] },
      { id: 'Worker.csproj', frameworks: ['net6.0-windows'] },
      { id: 'Client.csproj', frameworks: ['netstandard2.0', 'net462'] },
    ]);
    const { findings } = await runAnalyzer(eol, packageModel(graph, at('2025-06-01')));
    expect(findings.map((f) => [f.location.file, f.data.framework, f.severity])).toEqual([
      ['Api.csproj', 'netcoreapp3.1', 'error'],
      ['Legacy.csproj', 'net452', 'error'],
      ['Worker.csproj', 'net6.0-windows', 'warning'],
    ]);
    expect(findings[1]).toMatchObject({ message: 'Legacy.csproj targets .NET Framework 4.5.2 (net452), out of support since 2022-04-26', data: { endOfSupport: '2022-04-26', ended: true } });
  });

  it('notes a framework close to its end of support, judged on the scan date', async () => {
    const graph = projects([{ id: 'Client.csproj', frameworks: ['net462'] }, { id: 'Api.csproj', frameworks: ['net8.0'] }]);
    const before = await runAnalyzer(eol, packageModel(graph, at('2026-09-01')));
    expect(before.findings.map((f) => [f.data.framework, f.severity, f.data.ended])).toEqual([
      ['net8.0', 'note', false],
      ['net462', 'note', false],
    ]);
    const after = await runAnalyzer(eol, packageModel(graph, at('2027-02-01')));
    expect(after.findings.map((f) => [f.data.framework, f.severity])).toEqual([
      ['net8.0', 'warning'],
      ['net462', 'warning'],
    ]);
  });

  it('reports engines.node ranges that allow only end-of-life Node.js', async () => {
    const graph = projects([{ id: 'web/package.json', engines: '^8.9.0 || ^10.0.0' }, { id: 'admin/package.json', engines: '12.x' }]);
    const { findings } = await runAnalyzer(eol, packageModel(graph, at('2025-06-01')));
    expect(findings).toHaveLength(2);
    expect(findings.find((f) => f.location.file === 'web/package.json')).toMatchObject({
      message: 'web/package.json allows only end-of-life Node.js (8, 10) in engines.node "^8.9.0 || ^10.0.0"; the newest allowed lost support on 2021-04-30',
      data: { runtime: 'node', allowedMajors: ['8', '10'] },
    });
  });

  it('stays silent on supported frameworks, netstandard, open-ended and odd engines ranges', async () => {
    const graph = projects([
      { id: 'A.csproj', frameworks: ['net8.0', 'netstandard2.0', 'net48'] },
      { id: 'a/package.json', engines: '>=8' },
      { id: 'b/package.json', engines: '^20 || ^22' },
      { id: 'c/package.json', engines: 'node, the new one' },
    ]);
    const { findings } = await runAnalyzer(eol, packageModel(graph, at('2025-06-01')));
    expect(findings).toEqual([]);
  });

  it('keeps a dated table', () => {
    for (const { endOfSupport } of Object.values(DOTNET_LIFECYCLE)) expect(endOfSupport).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const date of Object.values(NODE_LIFECYCLE)) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

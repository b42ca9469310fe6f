import { describe, expect, it } from 'vitest';
import dependencyCycles from './index.js';
import { feedbackEdges } from './feedbackEdges.js';
import { EstateGraph, modelOf, runAnalyzer } from '../testing.js';

function namespaces(edges: [string, string, number][]): EstateGraph {
  const graph = new EstateGraph();
  for (const [from, to, weight] of edges) {
    for (const ns of [from, to]) graph.addNode({ id: `namespace:${ns}`, kind: 'namespace', name: ns });
    graph.addEdge(`namespace:${from}`, `namespace:${to}`, 'namespace-ref', weight);
  }
  return graph;
}

describe('dependency-cycles', () => {
  it('reports a two-namespace cycle once, cutting the lighter edge', async () => {
    const graph = namespaces([
      ['Billing', 'Notifications', 9],
      ['Notifications', 'Billing', 2],
      ['Reporting', 'Billing', 4],
    ]);
    const { findings } = await runAnalyzer(dependencyCycles, modelOf(graph));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'dependency-cycles',
      severity: 'warning',
      message: 'Namespaces Billing, Notifications form a dependency cycle (2 members); cut Notifications → Billing (2) to break it',
      data: {
        level: 'namespace',
        members: ['namespace:Billing', 'namespace:Notifications'],
        closingEdges: [{ from: 'namespace:Notifications', to: 'namespace:Billing', weight: 2 }],
      },
    });
  });

  it('keeps the message short for a large tangle, with everything in data', async () => {
    const ring = Array.from({ length: 10 }, (_, i) => [`N${i}`, `N${(i + 1) % 10}`, 1] as [string, string, number]);
    const { findings } = await runAnalyzer(dependencyCycles, modelOf(namespaces(ring)));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^Namespaces N0, N1, N2, N3, N4, N5 and 4 more form a dependency cycle \(10 members\); cut N\d → N\d \(1\) to break it$/);
    expect(findings[0]!.data.members).toHaveLength(10);
  });

  it('stays silent on a layered (acyclic) graph', async () => {
    const graph = namespaces([
      ['Web', 'Billing', 5],
      ['Billing', 'Common', 3],
      ['Web', 'Common', 1],
    ]);
    const { findings } = await runAnalyzer(dependencyCycles, modelOf(graph));
    expect(findings).toEqual([]);
  });

  it('finds project cycles and gives the same id on every run whatever the edge order', async () => {
    const build = (order: [string, string][]) => {
      const graph = new EstateGraph();
      for (const p of ['a', 'b', 'c']) graph.addNode({ id: `project:r/${p}`, kind: 'project', name: p, repo: 'r', path: `${p}.csproj` });
      for (const [from, to] of order) graph.addEdge(`project:r/${from}`, `project:r/${to}`, 'project-dep', 1);
      return graph;
    };
    const one = await runAnalyzer(dependencyCycles, modelOf(build([['a', 'b'], ['b', 'c'], ['c', 'a']])));
    const two = await runAnalyzer(dependencyCycles, modelOf(build([['c', 'a'], ['a', 'b'], ['b', 'c']])));
    expect(one.findings).toHaveLength(1);
    expect(one.findings[0]!.data.level).toBe('project');
    expect(one.findings[0]!.location).toMatchObject({ repo: 'r' });
    expect(two.findings.map((f) => f.id)).toEqual(one.findings.map((f) => f.id));
  });

  it('rejects unknown options as a diagnostic, not a crash', async () => {
    const { findings, diagnostics } = await runAnalyzer(dependencyCycles, modelOf(namespaces([])), { levels: ['galaxy'] });
    expect(findings).toEqual([]);
    expect(diagnostics[0]?.code).toBe('analyzer-options-invalid');
  });
});

describe('feedbackEdges', () => {
  it('breaks every cycle of a component', () => {
    const edges = [
      { from: 'a', to: 'b', weight: 5 },
      { from: 'b', to: 'c', weight: 5 },
      { from: 'c', to: 'a', weight: 1 },
      { from: 'b', to: 'a', weight: 1 },
    ];
    const cut = feedbackEdges(['a', 'b', 'c'], edges);
    expect(cut).toEqual([
      { from: 'c', to: 'a', weight: 1 },
      { from: 'b', to: 'a', weight: 1 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import changeCoupling from './index.js';
import { EstateGraph, modelOf, runAnalyzer } from '../testing.js';

function estate(): EstateGraph {
  const graph = new EstateGraph();
  for (const [repo, file] of [
    ['mono', 'Billing/InvoiceService.cs'],
    ['mono', 'Reporting/UsageReport.cs'],
    ['mono', 'Billing/Invoice.cs'],
    ['svc', 'Templates.cs'],
  ] as const) {
    graph.addNode({ id: `file:${repo}/${file}`, kind: 'file', name: file, repo, path: file });
  }
  return graph;
}

const coupling = (degree: number, hidden: boolean, crossRepo = false, extra: Record<string, unknown> = {}) => ({
  level: 'file',
  degree,
  revisions: [7, 6],
  hidden,
  crossRepo,
  ...extra,
});

describe('change-coupling', () => {
  it('reports hidden coupling as a warning and cross-repository coupling as a note', async () => {
    const graph = estate();
    graph.addEdge('file:mono/Billing/InvoiceService.cs', 'file:mono/Reporting/UsageReport.cs', 'co-change', 6, coupling(0.923, true));
    graph.addEdge('file:mono/Billing/Invoice.cs', 'file:svc/Templates.cs', 'co-change', 5, coupling(0.8, false, true, { tickets: ['HAR-1', 'HAR-2'] }));
    const { findings } = await runAnalyzer(changeCoupling, modelOf(graph));
    expect(findings).toHaveLength(2);
    expect(findings.find((f) => f.severity === 'warning')).toMatchObject({
      ruleId: 'change-coupling',
      message: 'mono/Billing/InvoiceService.cs and mono/Reporting/UsageReport.cs change together (6 shared changes, degree 92%) but no reference links them',
      location: { repo: 'mono', file: 'Billing/InvoiceService.cs' },
      related: [{ repo: 'mono', file: 'Reporting/UsageReport.cs' }],
      data: { level: 'file', shared: 6, degree: 0.923, hidden: true, crossRepo: false },
    });
    expect(findings.find((f) => f.severity === 'note')).toMatchObject({
      message: 'mono/Billing/Invoice.cs and svc/Templates.cs change together across repositories (5 shared changes, degree 80%) via tickets HAR-1, HAR-2',
      data: { tickets: ['HAR-1', 'HAR-2'], crossRepo: true },
    });
  });

  it('stays silent on coupling a static dependency explains, on weak coupling and on other edges', async () => {
    const graph = estate();
    graph.addEdge('file:mono/Billing/InvoiceService.cs', 'file:mono/Billing/Invoice.cs', 'co-change', 8, coupling(0.9, false));
    graph.addEdge('file:mono/Billing/InvoiceService.cs', 'file:mono/Reporting/UsageReport.cs', 'co-change', 3, coupling(0.35, true));
    graph.addEdge('file:mono/Billing/InvoiceService.cs', 'file:svc/Templates.cs', 'type-ref', 4);
    const { findings } = await runAnalyzer(changeCoupling, modelOf(graph));
    expect(findings).toEqual([]);
  });

  it('reports explained coupling too with includeStatic, and honours minDegree and levels', async () => {
    const graph = estate();
    graph.addEdge('file:mono/Billing/InvoiceService.cs', 'file:mono/Billing/Invoice.cs', 'co-change', 8, coupling(0.9, false));
    graph.addEdge('file:mono/Billing/InvoiceService.cs', 'file:mono/Reporting/UsageReport.cs', 'co-change', 3, coupling(0.35, true));
    expect((await runAnalyzer(changeCoupling, modelOf(graph), { includeStatic: true })).findings).toHaveLength(1);
    expect((await runAnalyzer(changeCoupling, modelOf(graph), { includeStatic: true, minDegree: 0.3 })).findings).toHaveLength(2);
    expect((await runAnalyzer(changeCoupling, modelOf(graph), { includeStatic: true, levels: ['project'] })).findings).toHaveLength(0);
  });
});

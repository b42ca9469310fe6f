import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../core/result.js';
import { renderPackageSummary } from './packageSummary.js';

const style = { head: [], border: [] };

function finding(ruleId: string, repo: string, severity: Finding['severity'], data: Record<string, unknown>): Finding {
  return { id: `${ruleId}-${repo}-${String(data.name ?? data.framework)}`, ruleId, severity, message: '', location: { repo }, data };
}

function result(findings: Finding[]): ScanResult {
  return {
    graph: {
      nodes: [
        { id: 'package:nuget:newtonsoft.json', kind: 'package', name: 'Newtonsoft.Json', data: { ecosystem: 'nuget' } },
        { id: 'package:npm:lodash', kind: 'package', name: 'lodash', data: { ecosystem: 'npm' } },
      ],
      edges: [
        { from: 'project:a/A.csproj', to: 'package:nuget:newtonsoft.json', kind: 'package-ref', weight: 1 },
        { from: 'project:b/B.csproj', to: 'package:nuget:newtonsoft.json', kind: 'package-ref', weight: 1 },
        { from: 'project:web/package.json', to: 'package:npm:lodash', kind: 'package-ref', weight: 1 },
      ],
    },
    findings,
  } as unknown as ScanResult;
}

describe('package summary', () => {
  it('counts by ecosystem and severity, ranks the most-behind packages and the exposed repos', () => {
    const text = renderPackageSummary(
      result([
        finding('outdated-package', 'a', 'error', { ecosystem: 'nuget', name: 'Newtonsoft.Json', current: '6.0.4', latest: '13.0.3', majorsBehind: 7, minorsBehind: 7, libyears: 8.6 }),
        finding('outdated-package', 'b', 'error', { ecosystem: 'nuget', name: 'Newtonsoft.Json', current: '6.0.4', latest: '13.0.3', majorsBehind: 7, minorsBehind: 7, libyears: 8.6 }),
        finding('outdated-package', 'web', 'note', { ecosystem: 'npm', name: 'lodash', current: '4.17.4', latest: '4.17.21', majorsBehind: 0, minorsBehind: 0, libyears: 4.1 }),
        finding('vulnerable-package', 'web', 'error', { ecosystem: 'npm', name: 'lodash' }),
        finding('eol-framework', 'a', 'error', { framework: 'net452' }),
      ]),
      style,
      10,
    ).join('\n');
    expect(text).toMatch(/│ npm\s+│\s+1 │\s+1 │\s+0\/0\/1 │\s+0 │\s+1 │/);
    expect(text).toMatch(/│ nuget\s+│\s+1 │\s+2 │\s+2\/0\/0 │\s+0 │\s+0 │/);
    expect(text).toMatch(/Newtonsoft\.Json \(nuget\) │ 6\.0\.4\s+│ 13\.0\.3\s+│\s+7 │\s+7 │\s+8\.6 │\s+2 │/);
    expect(text.indexOf('Newtonsoft.Json (nuget)')).toBeLessThan(text.indexOf('lodash (npm)'));
    expect(text.indexOf('│ web')).toBeLessThan(text.indexOf('│ a  '));
  });

  it('prints nothing for an estate without packages', () => {
    expect(renderPackageSummary({ graph: { nodes: [], edges: [] }, findings: [] } as unknown as ScanResult, style, 10)).toEqual([]);
  });
});

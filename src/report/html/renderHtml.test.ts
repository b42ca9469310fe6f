import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type ScanResult } from '../../core/result.js';
import { cspHash } from './embed.js';
import { DATA_ELEMENT_ID, renderHtml } from './renderHtml.js';

const client = { script: 'document.title = "x";', style: 'body { margin: 0 }' };
const payloadFile = '<img src=x onerror=alert(1)>.sql';
const payloadSql = "SELECT * FROM t WHERE a = '</script><script>alert(2)</script>'";

const result = {
  schemaVersion: SCHEMA_VERSION,
  tool: { name: 'assess', version: '0' },
  generatedAt: '2026-01-01T00:00:00.000Z',
  root: '/estate/<b>root</b>',
  repos: [],
  graph: { nodes: [{ id: 'repo:r', kind: 'repo', name: 'r', data: { git: false } }], edges: [] },
  findings: [
    {
      id: 'f1',
      ruleId: 'some-rule',
      messageId: 'm',
      severity: 'note',
      message: payloadSql,
      location: { repo: 'r', file: payloadFile, line: 1 },
      data: { query: payloadSql },
    },
  ],
  summaries: [],
  diagnostics: [],
  stats: {
    repos: 1,
    files: 1,
    filesByLanguage: {},
    loc: 1,
    projects: 0,
    types: 0,
    nodes: 1,
    edges: 0,
    diagnostics: 0,
    findings: 1,
    elapsedMs: 0,
  },
} as ScanResult;

describe('renderHtml', () => {
  const html = renderHtml(result, { client });

  it('carries scanned text only inside the escaped JSON, never as markup', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain("'</script>");
    expect(html).not.toContain('<b>root');
    expect(html.match(/<script/g)).toHaveLength(2);
    const json = html.slice(
      html.indexOf(`id="${DATA_ELEMENT_ID}">`) + DATA_ELEMENT_ID.length + 6,
      html.indexOf('</script>'),
    );
    const data = JSON.parse(json);
    expect(data.findings[0].file).toBe(payloadFile);
    expect(data.findings[0].data.query).toBe(payloadSql);
  });

  it('allows only its own inline script and style, by hash, and nothing remote', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${cspHash(client.script)}`);
    expect(csp).toContain(`style-src ${cspHash(client.style)}`);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(html).toContain(`<script>${client.script}</script>`);
  });

  it('is the same text for the same result', () => {
    expect(renderHtml(structuredClone(result), { client })).toBe(html);
  });

  it('refuses a client bundle that would end its own element', () => {
    expect(() => renderHtml(result, { client: { ...client, script: 'a("</script>")' } })).toThrow();
  });
});

/**
 * The JavaScript/TypeScript side of harbor-estate through the CLI: resolved imports
 * (tsconfig paths, a workspace package, a package of another repository), what stays
 * external and why, npm project dependencies across repositories, and the HTTP calls
 * from the front end and the Node gateway to the C# controllers and Node routes.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEdgeOfKind, type EdgeKind, type GraphEdgeOf } from '../../src/core/graphData.js';
import type { ScanResult } from '../../src/core/result.js';
import { projectRoot, scanFixtureEstate } from './cli.js';

interface Expected {
  importEdges: {
    from: string;
    to: string;
    kinds: string[];
    typeOnly?: boolean;
    package?: string;
    crossRepo?: boolean;
  }[];
  externalImports: { from: string; to: string; reason: string }[];
  crossRepoPackageEdges: { from: string; to: string; crossRepo: boolean }[];
  httpEdges: { from: string; to: string; method: string; route: string; action?: string; call: string }[];
  unmatchedCalls: { from: string; to: string; call: string }[];
  endpointsServed: { id: string; handler: string }[];
  skippedAsMinified: string[];
}

const expected = JSON.parse(
  readFileSync(path.join(projectRoot, 'fixtures/harbor-estate/expected.json'), 'utf8'),
) as Expected;

let work: string;
let result: ScanResult;
const edge = <K extends EdgeKind>(kind: K, from: string, to: string): GraphEdgeOf<K> | undefined =>
  result.graph.edges.filter(isEdgeOfKind(kind)).find((e) => e.from === from && e.to === to);

beforeAll(() => {
  ({ work, result } = scanFixtureEstate('harbor-estate', ['--quiet']));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('harbor-estate JS/TS imports', () => {
  it('resolves relative, tsconfig-paths, workspace and cross-repository package imports', () => {
    for (const e of expected.importEdges) {
      const found = edge('import', e.from, e.to);
      expect(found, `${e.from} → ${e.to}`).toBeDefined();
      expect(found!.data!.kinds).toEqual(e.kinds);
      expect(found!.data!.typeOnly ?? false, `typeOnly ${e.from} → ${e.to}`).toBe(e.typeOnly ?? false);
      if (e.package) expect(found!.data!.package).toBe(e.package);
      expect(found!.data!.crossRepo ?? false).toBe(e.crossRepo ?? false);
    }
  });

  it('keeps unresolvable and external specifiers as edges with the reason', () => {
    for (const e of expected.externalImports)
      expect(edge('import', e.from, e.to)?.data?.reason, `${e.from} → ${e.to}`).toBe(e.reason);
    // An import no manifest declares gets a package-ref from the owning manifest, marked so.
    expect(edge('package-ref', 'project:harbor-web/package.json', 'package:npm:moment')?.data).toMatchObject({
      source: 'import',
      undeclared: true,
    });
    // Declared ones keep the manifest's own edge untouched.
    expect(edge('package-ref', 'project:harbor-web/package.json', 'package:npm:jquery')?.data).toMatchObject({
      source: 'package.json',
      version: '^1.12.4',
    });
  });

  it('turns estate packages into project dependencies, across repositories and within a workspace', () => {
    for (const e of expected.crossRepoPackageEdges) {
      expect(edge('project-dep', e.from, e.to)?.data, `${e.from} → ${e.to}`).toMatchObject({
        crossRepo: e.crossRepo,
        ecosystem: 'npm',
        via: ['import', 'package'],
      });
    }
  });

  it('rolls file imports up to folder modules', () => {
    expect(edge('module-dep', 'module:harbor-web/src/app/invoices', 'module:harbor-web/src/shared')?.weight).toBe(2);
    expect(result.graph.nodes.find((n) => n.id === 'module:harbor-web/src/shared')).toMatchObject({
      kind: 'module',
      repo: 'harbor-web',
      data: { files: 3, language: 'TypeScript' },
    });
  });

  it('skips the minified vendor bundle with an info diagnostic', () => {
    for (const file of expected.skippedAsMinified) {
      const [repo, ...rest] = file.split('/');
      expect(result.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'js-minified-skipped', severity: 'info', repo, file: rest.join('/') }),
      );
    }
  });
});

describe('harbor-estate HTTP coupling', () => {
  it('links calls to the controller or Node file that serves them, with route, method, action and call', () => {
    for (const e of expected.httpEdges) {
      const found = edge('http-call', e.from, e.to);
      expect(found, `${e.from} → ${e.to}`).toBeDefined();
      const calls = found!.data!.calls;
      expect(calls, `${e.from} → ${e.to}`).toContainEqual(
        expect.objectContaining({
          method: e.method,
          route: e.route,
          call: e.call,
          ...(e.action ? { action: e.action } : {}),
        }),
      );
      expect(calls.every((c) => !c.ambiguous)).toBe(true);
      // Each call keeps its site: the caller's file (a file node of the estate) and line.
      for (const c of calls)
        expect(result.graph.nodes.some((n) => n.kind === 'file' && n.path === c.file && c.line > 0)).toBe(true);
    }
    const all = result.graph.edges.filter((e) => e.kind === 'http-call' && !e.to.startsWith('endpoint:unmatched:'));
    expect(all).toHaveLength(new Set(expected.httpEdges.map((e) => `${e.from}|${e.to}`)).size);
  });

  it('lists the call that matches no route, not dropping it', () => {
    const unmatched = result.graph.edges
      .filter(isEdgeOfKind('http-call'))
      .filter((e) => e.to.startsWith('endpoint:unmatched:'));
    expect(unmatched.map((e) => ({ from: e.from, to: e.to, call: e.data!.call }))).toEqual(expected.unmatchedCalls);
    expect(result.graph.nodes.find((n) => n.id === expected.unmatchedCalls[0]!.to)).toMatchObject({
      kind: 'endpoint',
      data: { unmatched: true },
    });
  });

  it('makes an endpoint node for each route served, with a serves edge from its handler', () => {
    for (const e of expected.endpointsServed) {
      expect(result.graph.nodes.find((n) => n.id === e.id)?.kind, e.id).toBe('endpoint');
      expect(edge('serves', e.handler, e.id), `${e.handler} serves ${e.id}`).toBeDefined();
    }
  });

  it('serves no route from private helpers of a controller', () => {
    const actions = result.graph.edges
      .filter(isEdgeOfKind('serves'))
      .filter((e) => e.from === 'type:Harbor.Web.Controllers.AccountController')
      .map((e) => e.data?.action);
    expect(actions).toContain('LogOff');
    expect(actions).not.toContain('RedirectToLocal');
    expect(actions).not.toContain('SignIn');
  });
});

import { describe, expect, it } from 'vitest';
import type { HttpCallData } from '../../core/graphData.js';
import { buildEstateGraph } from '../buildGraph.js';
import { jsRepo } from '../../../test/support/jsHttpEstate.js';

describe('unmatched HTTP calls say why', () => {
  it('dynamic URL, a path no route serves, a path served for other verbs only', () => {
    const repo = jsRepo('shop', {
      'api/server.ts':
        "import express from 'express';\nconst app = express();\napp.get('/orders/:id', show);\napp.listen(80);",
      'web/client.ts': [
        'export const a = (url) => fetch(url);',
        "export const b = () => fetch('/invoices');",
        "export const c = (id) => fetch('/orders/' + id, { method: 'DELETE' });",
        "export const d = (id) => fetch('/orders/' + id);",
      ].join('\n'),
    });
    const { graph } = buildEstateGraph([repo], new Map([['shop', 'shop']]));
    const reasons = graph
      .toJSON()
      .edges.filter((e) => e.kind === 'http-call')
      .map((e) => `${e.to} ${(e.data as HttpCallData).reason ?? 'matched'}`)
      .sort();
    expect(reasons).toEqual([
      'endpoint:unmatched:DELETE /orders/{} method-not-served',
      'endpoint:unmatched:GET /invoices no-route',
      'endpoint:unmatched:GET {} dynamic-url',
      'file:shop/api/server.ts matched',
    ]);
  });
});

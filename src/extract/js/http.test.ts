import { describe, expect, it } from 'vitest';
import { extractJs } from './extractJs.js';

const facts = (path: string, text: string) => extractJs(path, text).facts!;
const routes = (path: string, text: string) => facts(path, text).routes.map((r) => `${r.method} ${r.path}`);
const calls = (path: string, text: string) =>
  facts(path, text).httpCalls.map((c) => `${c.client} ${c.method ?? '?'} ${c.url}`);

describe('routes served', () => {
  it('Express: app and routers, route chains, prefixes mounted in the same file', () => {
    const source = `
const express = require('express');
const app = express();
const api = express.Router();
const admin = express.Router();
api.get('/invoices/:id', (req, res) => res.json({}));
admin.route('/users').get(list).delete(remove);
api.use('/admin', admin);
app.use('/api', api);
app.all('/ping', ping);
app.listen(3000);
`;
    expect(routes('server.js', source)).toEqual([
      'GET /api/invoices/:id',
      'DELETE /api/admin/users',
      'GET /api/admin/users',
      'ANY /ping',
    ]);
  });

  it('Express: records routers mounted from other files for the graph to prefix', () => {
    const f = facts(
      'app.ts',
      "import express from 'express';\nimport { usersRouter } from './routes/users';\nconst app = express();\napp.use('/users', usersRouter);\napp.use('/legacy', require('./routes/legacy'));",
    );
    expect(f.mounts).toEqual([
      { prefix: '/users', router: { specifier: './routes/users', name: 'usersRouter' }, line: 4 },
      { prefix: '/legacy', router: { specifier: './routes/legacy', name: 'default' }, line: 5 },
    ]);
  });

  it('Fastify: shorthand, route objects and plugins given `fastify`', () => {
    const source = `
import Fastify from 'fastify';
const server = Fastify({ logger: true });
server.get('/health', async () => 'ok');
server.route({ method: ['GET', 'HEAD'], url: '/items/:id', handler });
export default async function plugin(fastify) { fastify.post('/items', create); }
`;
    expect(routes('server.ts', source)).toEqual(['GET /health', 'GET /items/:id', 'HEAD /items/:id', 'POST /items']);
  });

  it('Nest: controller prefix and verb decorators', () => {
    const source = `
import { Controller, Get, Post } from '@nestjs/common';
@Controller('invoices')
export class InvoicesController {
  @Get() list() {}
  @Get(':id') one() {}
  @Post(':id/send') send() {}
  helper() {}
}`;
    const found = facts('invoices.controller.ts', source).routes;
    expect(found.map((r) => `${r.method} ${r.path} ${r.handler}`)).toEqual([
      'GET /invoices InvoicesController.list',
      'GET /invoices/:id InvoicesController.one',
      'POST /invoices/:id/send InvoicesController.send',
    ]);
  });

  it('stays silent on look-alikes: Map#get, lodash get, handler-less calls, files without a server framework', () => {
    expect(
      routes('a.ts', "const cache = new Map();\ncache.get('/x');\nimport _ from 'lodash';\n_.get(obj, 'a.b');"),
    ).toEqual([]);
    expect(routes('b.js', "const app = makeApp();\napp.get('/x', handler);")).toEqual([]);
    expect(routes('c.js', "const express = require('express');\nconst app = express();\napp.get('port');")).toEqual([]);
  });
});

describe('calls made', () => {
  it('fetch with template paths, methods and same-file base URLs', () => {
    const source =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the JavaScript under test holds a template literal
      "const BASE = '/api';\nexport const load = (id) => fetch(`${BASE}/invoices/${id}`);\nexport const send = (id) => window.fetch(BASE + '/invoices/' + id + '/send', { method: 'post' });";
    expect(calls('api.js', source)).toEqual(['fetch GET /api/invoices/{}', 'fetch POST /api/invoices/{}/send']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the call as written in that source
    expect(facts('api.js', source).httpCalls[0]!.call).toBe('`${BASE}/invoices/${id}`');
  });

  it('axios: verbs, config objects, instances with baseURL (env fallbacks)', () => {
    const source = `
import axios from 'axios';
const API = process.env.NOTIFICATIONS_URL || 'http://notifications:8080';
export const client = axios.create({ baseURL: API + '/api' });
axios.get('/projects/' + id);
axios({ url: '/reports/usage', method: 'PUT' });
client.post('/notifications', body);
client.request({ url: \`/notifications/\${id}\`, method: 'delete' });
`;
    expect(calls('client.ts', source)).toEqual([
      'axios GET /projects/{}',
      'axios PUT /reports/usage',
      'axios POST http://notifications:8080/api/notifications',
      'axios DELETE http://notifications:8080/api/notifications/{}',
    ]);
    expect(facts('client.ts', source).clientInstances).toEqual([
      { name: 'client', baseURL: 'http://notifications:8080/api', exported: true, line: 4 },
    ]);
  });

  it('jQuery and Angular HttpClient', () => {
    const jquery =
      "$.ajax({ url: '/invoices/' + id + '/send', type: 'POST' });\n$.getJSON('/projects/' + id);\njQuery.post('/Account/LogOff');\n$.ajax('/x', { method: 'DELETE' });";
    expect(calls('legacy.js', jquery)).toEqual([
      'jquery POST /invoices/{}/send',
      'jquery GET /projects/{}',
      'jquery POST /Account/LogOff',
      'jquery DELETE /x',
    ]);
    const angular = `
import { HttpClient } from '@angular/common/http';
export class InvoiceService {
  private readonly audit = inject(HttpClient);
  constructor(private http: HttpClient, private store: Store) {}
  list() { return this.http.get<Invoice[]>('/api/invoices'); }
  log() { return this.audit.post('/api/audit', {}); }
  other() { return this.store.get('/not-http'); }
}`;
    expect(calls('invoice.service.ts', angular)).toEqual(['angular GET /api/invoices', 'angular POST /api/audit']);
  });

  it('keeps verb calls on imported bindings as candidates, with the binding', () => {
    const f = facts(
      'use.ts',
      "import { api } from './api/client';\nimport { cache } from './cache';\napi.get('/projects');\ncache.get(key);",
    );
    expect(f.httpCalls).toEqual([
      {
        client: 'axios',
        method: 'GET',
        url: '/projects',
        call: "'/projects'",
        via: { specifier: './api/client', name: 'api' },
        line: 3,
      },
    ]);
  });

  it('stays silent on calls that are not HTTP', () => {
    expect(
      calls(
        'x.ts',
        "const m = new Map();\nm.get('/x');\nthis.store.get('/y');\nlocalStorage.getItem('/z');\nmyFetch('/w');",
      ),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractJs } from './extractJs.js';

const calls = (path: string, text: string) =>
  extractJs(path, text).facts!.httpCalls.map(
    (c) => `${c.line} ${c.client} ${c.method ?? '?'} ${c.url}${c.through ? ` via ${c.through.name}` : ''}`,
  );

describe('URLs built in the method that sends them', () => {
  it('a `const url` of each method is that method’s own, not ambiguous across methods', () => {
    const source = `
import { HttpClient } from '@angular/common/http';
export class AdminService {
  private readonly http = inject(HttpClient);
  gather(dataSource: string, symbol: string) {
    const url = \`/api/v1/admin/gather/\${dataSource}/\${encodeURIComponent(symbol)}\`;
    return this.http.post(url, undefined, { params });
  }
  fetchSymbolForDate(dataSource: string, date: string) {
    const url = \`/api/v1/symbol/\${dataSource}/\${date}\`;
    if (date) {
      const url = '/api/v1/symbol/today';
      return this.http.get(url);
    }
    return this.http.get(url);
  }
}`;
    expect(calls('admin.service.ts', source)).toEqual([
      '7 angular POST /api/v1/admin/gather/{}/{}',
      '13 angular GET /api/v1/symbol/today',
      '15 angular GET /api/v1/symbol/{}/{}',
    ]);
  });

  it('a `let` nothing assigns again is a constant; one that is reassigned is unknown and still hides an outer constant', () => {
    const source = `
const url = '/api/outer';
export class ConfigurationService {
  constructor(private http: HttpClient) {}
  load() {
    let url = \`\${document.baseURI}Home/Configuration\`;
    return this.http.get(url);
  }
  search(term: string) {
    let query = '/api/search';
    if (term) query += '?q=' + term;
    return this.http.get(query);
  }
}
export function paged(page) {
  let url = '/api/items';
  url = url + '/' + page;
  return fetch(url);
}`;
    expect(calls('configuration.service.ts', source)).toEqual([
      '7 angular GET {}Home/Configuration',
      '12 angular GET {}',
      '18 fetch GET {}',
    ]);
  });

  it('`this.field` set once in the class: an initializer or a constructor assignment', () => {
    const source = `
import { HttpClient } from '@angular/common/http';
import { environment } from '../environments/environment';
export class OrdersService {
  private readonly ordersUrl = \`\${environment.apiBaseUrl}/api/v1/orders\`;
  private basketUrl: string;
  private changing = '/a';
  constructor(private http: HttpClient, private configuredUrl: string) {
    this.basketUrl = '/api/v1/basket';
  }
  reset() { this.changing = '/b'; }
  list() { return this.http.get(this.ordersUrl + '?page=1'); }
  basket() { return this.http.get(\`\${this.basketUrl}/items\`); }
  other() { return this.http.get(this.changing); }
  configured() { return this.http.get(this.configuredUrl + '/x'); }
}`;
    expect(calls('orders.service.ts', source)).toEqual([
      '12 angular GET {}/api/v1/orders?page=1',
      '13 angular GET /api/v1/basket/items',
      '14 angular GET {}',
      '15 angular GET {}/x',
    ]);
  });
});

describe('requests made through a helper of the same file', () => {
  it('Angular: `this.get(path)` helpers, verb parameters, helpers calling helpers, destructured parameters', () => {
    const source = `
import { HttpClient, HttpParams } from '@angular/common/http';
export class ApiService {
  private readonly baseUrl = '/api/v1';
  constructor(private http: HttpClient) {}
  private get<T>(path: string, params?: HttpParams) {
    return this.http.get<T>(this.baseUrl + path, { params });
  }
  private send<T>(method: string, path: string, body?: unknown) {
    return this.http.request<T>(method, \`\${this.baseUrl}\${path}\`, { body });
  }
  private remove(path: string) { return this.send('DELETE', path); }
  users() { return this.get('/users'); }
  user(id: string) { return this.get(\`/users/\${id}\`); }
  rename(id: string, name: string) { return this.send('PUT', \`/users/\${id}\`, { name }); }
  drop(id: string) { return this.remove(\`/users/\${id}\`); }
  holding({ dataSource, symbol }: { dataSource: string; symbol: string }) {
    return this.http.get(\`/api/v1/portfolio/holding/\${dataSource}/\${symbol}\`);
  }
  aapl() { return this.holding({ dataSource: 'YAHOO', symbol: 'AAPL' }); }
}`;
    expect(calls('api.service.ts', source)).toEqual([
      '13 angular GET /api/v1/users via get',
      '14 angular GET /api/v1/users/{} via get',
      '15 angular PUT /api/v1/users/{} via send',
      '16 angular DELETE /api/v1/users/{} via remove',
      // A public method with a path of its own: other files call it too, so its request stays.
      '18 angular GET /api/v1/portfolio/holding/{}/{}',
      '20 angular GET /api/v1/portfolio/holding/YAHOO/AAPL via holding',
    ]);
  });

  it('fetch and axios wrappers: functions and arrow functions of the module, defaults filled in', () => {
    const source = `
import axios from 'axios';
const API = process.env.API_URL || 'http://localhost:5000';
const api = axios.create({ baseURL: API + '/api' });
async function request(path, init = {}) {
  const response = await fetch(\`\${API}\${path}\`, init);
  return response.json();
}
const getJson = (path, method = 'GET') => api.request({ url: path, method });
export const loadProjects = () => request('/projects');
export const saveProject = (p) => request(\`/projects/\${p.id}\`, { method: 'PUT' });
export const archive = (id) => getJson(\`/projects/\${id}/archive\`, 'POST');
export const listTags = () => getJson('/tags');
`;
    expect(calls('client.js', source)).toEqual([
      '10 fetch GET http://localhost:5000/projects via request',
      '11 fetch GET http://localhost:5000/projects/{} via request',
      '12 axios POST http://localhost:5000/api/projects/{}/archive via getJson',
      '13 axios GET http://localhost:5000/api/tags via getJson',
    ]);
  });

  it('keeps a helper’s request when nothing in the file calls it, and ignores calls that reach another class', () => {
    const source = `
import { HttpClient } from '@angular/common/http';
export class A {
  constructor(private http: HttpClient) {}
  private fetchOne(id: string) { return this.http.get(\`/api/a/\${id}\`); }
}
export class B {
  constructor(private http: HttpClient, private a: A) {}
  one() { return this.a.fetchOne('1'); }
  private fetchOne(id: string) { return this.http.get(\`/api/b/\${id}\`); }
  two() { return this.fetchOne('2'); }
}`;
    expect(calls('two.service.ts', source)).toEqual([
      '5 angular GET /api/a/{}',
      '11 angular GET /api/b/2 via fetchOne',
    ]);
  });
});

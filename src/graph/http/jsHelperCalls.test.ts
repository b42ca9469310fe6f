import { describe, expect, it } from 'vitest';
import { httpCallsOf, jsRepo } from '../../../test/support/jsHttpEstate.js';

const server = `
import express from 'express';
const app = express();
app.get('/c/api/v1/catalog/items', list);
app.get('/c/api/v1/catalog/items/:id', one);
app.post('/b/api/v1/basket', update);
app.get('/api/tags', tags);
app.listen(80);`;

const dataService = `
import { HttpClient } from '@angular/common/http';
export class DataService {
  constructor(private http: HttpClient) {}
  get(url: string, params?: unknown) { return this.http.get(url, { params }); }
  post(url: string, data: unknown) { return this.doPost(url, data); }
  private doPost(url: string, data: unknown) { return this.http.post(url, data); }
}`;

const catalogService = `
import { DataService } from '../shared/data.service';
import { ConfigurationService } from '../shared/configuration.service';
import { Store } from '../shared/store';
export class CatalogService {
  private catalogUrl = '';
  constructor(private service: DataService, private configuration: ConfigurationService, private store: Store) {
    this.catalogUrl = this.configuration.settings.purchaseUrl + '/c/api/v1/catalog/items';
  }
  items() { return this.service.get(this.catalogUrl); }
  item(id: string) { return this.service.get(this.catalogUrl + '/' + id); }
  cached() { return this.store.get('/c/api/v1/catalog/items'); }
}`;

const basketService = `
import { DataService } from '../shared/data.service';
export class BasketService {
  constructor(private data: DataService, private settings: Settings) {}
  save(basket) { return this.data.post(this.settings.purchaseUrl + '/b/api/v1/basket', basket); }
}`;

const fetchClient = `
const API = process.env.API_URL || '';
export async function request(path, init) {
  const response = await fetch(API + path, init);
  return response.json();
}`;

describe('requests made through helpers other files export', () => {
  it('fills an injected service’s helper (helpers calling helpers included) and an imported fetch wrapper', () => {
    const calls = httpCallsOf(
      jsRepo('shop', {
        'api/server.ts': server,
        'web/shared/data.service.ts': dataService,
        'web/shared/store.ts': 'export class Store { get(key: string) { return localStorage.getItem(key); } }',
        'web/catalog/catalog.service.ts': catalogService,
        'web/basket/basket.service.ts': basketService,
        'web/shared/api.js': fetchClient,
        'web/tags.js': "import { request } from './shared/api';\nexport const tags = () => request('/api/tags');",
      }),
    );
    expect(calls.filter((c) => !c.includes('data.service.ts') && !c.includes('api.js'))).toEqual([
      'web/basket/basket.service.ts:5 POST /b/api/v1/basket -> api/server.ts',
      'web/catalog/catalog.service.ts:10 GET /c/api/v1/catalog/items -> api/server.ts',
      'web/catalog/catalog.service.ts:11 GET /c/api/v1/catalog/items/{id} -> api/server.ts',
      'web/tags.js:2 GET /api/tags -> api/server.ts',
    ]);
    // The helpers' own requests stay listed, with URLs known only to their callers.
    expect(calls.filter((c) => c.includes('data.service.ts') || c.includes('api.js'))).toEqual([
      'web/shared/api.js:4 -> unmatched:GET {}',
      'web/shared/data.service.ts:5 -> unmatched:GET {}',
      'web/shared/data.service.ts:6 -> unmatched:POST {}',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { callPath, displayRoute, matchScore, parseRoute } from './routeTemplate.js';

const score = (url: string, template: string, ci = true) => matchScore(callPath(url)!, parseRoute(template), ci);

describe('route templates and call paths', () => {
  it('parses ASP.NET and Express parameters', () => {
    expect(displayRoute(parseRoute('Projects/{id:int}/{*rest}'), true)).toBe('/projects/{id}/{*rest}');
    expect(displayRoute(parseRoute('/users/:userId?'), false)).toBe('/users/{userId?}');
    expect(parseRoute('{controller=Home}/{action}/{id?}')[0]).toMatchObject({
      kind: 'param',
      name: 'controller',
      optional: true,
    });
  });

  it('reduces call URLs to paths: scheme, host, unknown base, query and trailing slash dropped', () => {
    expect(callPath('https://api.example.com/invoices/{}/send/?x=1')).toEqual([
      { kind: 'literal', text: 'invoices' },
      { kind: 'hole' },
      { kind: 'literal', text: 'send' },
    ]);
    expect(callPath('{}/api/items')).toEqual([
      { kind: 'literal', text: 'api' },
      { kind: 'literal', text: 'items' },
    ]);
    expect(callPath('{}')).toBeUndefined();
  });

  it('matches parameters and holes as wildcards, scoring a hole against a literal as a guess', () => {
    expect(score('/projects/42', 'projects/{id:int}')).toBe(2);
    expect(score('/projects/{}', 'projects/{id:int}')).toBe(2);
    expect(score('/projects/{}', 'projects/new')).toBe(3);
    expect(score('/Projects/NEW', 'projects/new')).toBe(0);
    expect(score('/account/logoff', 'account/logoff/{id?}')).toBe(0);
    expect(score('/files/a/b/c', 'files/{*path}')).toBe(2);
  });

  it('does not match what differs: literals, constraints, length, case for Fastify', () => {
    expect(score('/projects/new', 'projects/{id:int}')).toBeUndefined();
    expect(score('/projects/1/members', 'projects/{id}')).toBeUndefined();
    expect(score('/projects', 'projects/{id}')).toBeUndefined();
    expect(score('/Items', '/items', false)).toBeUndefined();
    expect(score('/invoices/1', 'projects/{id}')).toBeUndefined();
  });

  it('keeps the text around a hole, so `items{}` can only be a segment starting with items', () => {
    expect(callPath('{}/catalog/items{}')).toEqual([
      { kind: 'literal', text: 'catalog' },
      { kind: 'hole', prefix: 'items' },
    ]);
    expect(score('/catalog/items{}', 'catalog/items')).toBe(3);
    expect(score('/catalog/items{}', 'catalog/catalogbrands')).toBeUndefined();
    expect(score('/catalog/{}.json', 'catalog/brands.json')).toBe(3);
    expect(score('/catalog/{}.json', 'catalog/brands.xml')).toBeUndefined();
    expect(score('/catalog/items{}', 'catalog/{id}')).toBe(2);
  });
});

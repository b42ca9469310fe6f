import { beforeAll, describe, expect, it } from 'vitest';
import type { RepoModel } from '../../core/model.js';
import { extractFile, type Parsers } from '../../extract/extractFile.js';
import { loadCSharpParser } from '../../extract/csharp/extractCSharp.js';
import { aspnetRoutes } from './aspnetRoutes.js';

let parsers: Parsers;
beforeAll(async () => {
  parsers = { csharp: await loadCSharpParser() };
});

function repoOf(files: Record<string, string>): RepoModel {
  return {
    name: 'web',
    path: 'web',
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const outcome = extractFile('csharp', path, text, parsers);
      return {
        repo: 'web',
        path,
        kind: 'csharp' as const,
        loc: outcome.loc,
        ...(outcome.facts ? { facts: outcome.facts } : {}),
      };
    }),
  };
}

const routesOf = (files: Record<string, string>) =>
  aspnetRoutes([repoOf(files)])
    .map((r) => `${r.method} ${r.template} -> ${r.action ?? ''} (${r.style})`)
    .sort();

describe('aspnetRoutes', () => {
  it('composes attribute routes with prefixes, tokens and verbs', () => {
    expect(
      routesOf({
        'InvoicesController.cs': `
          [RoutePrefix("invoices")]
          public class InvoicesController : Controller {
            [HttpGet, Route("{id:int}")] public ActionResult Details(int id) { return null; }
            [HttpPost, Route("{id}/send")] public ActionResult Send(int id) { return null; }
            [Route("~/billing/summary")] public ActionResult Summary() { return null; }
          }`,
        'UsersController.cs': `
          [ApiController, Route("api/[controller]")]
          public class UsersController : ControllerBase {
            [HttpGet("{id}")] public IActionResult Get(int id) => Ok();
          }`,
      }),
    ).toEqual([
      'ANY billing/summary -> Summary (attribute)',
      'GET api/Users/{id} -> Get (attribute)',
      'GET invoices/{id:int} -> Details (attribute)',
      'POST invoices/{id}/send -> Send (attribute)',
    ]);
  });

  it('applies conventional routes to public actions only', () => {
    const routes = routesOf({
      'RouteConfig.cs': `
        public class RouteConfig {
          public static void RegisterRoutes(RouteCollection routes) {
            routes.MapRoute(name: "Default", url: "{controller}/{action}/{id}", defaults: new { id = UrlParameter.Optional });
          }
        }`,
      'AccountController.cs': `
        public class AccountController : Controller {
          public ActionResult Login() { return View(); }
          [HttpPost] public ActionResult LogOff() { return RedirectToLocal("/"); }
          private ActionResult RedirectToLocal(string url) { return null; }
          protected override void Dispose(bool disposing) { }
          public static string Helper() { return ""; }
          [NonAction] public void Audit() { }
        }`,
    });
    expect(routes.map((r) => r.split(' -> ')[1])).toEqual(
      expect.arrayContaining(['Login (conventional)', 'LogOff (conventional)']),
    );
    expect(routes.join('\n')).not.toMatch(/RedirectToLocal|Dispose|Helper|Audit/);
  });

  it('serves nothing from classes that are not controllers', () => {
    expect(
      routesOf({ 'InvoiceService.cs': 'public class InvoiceService { [HttpGet] public void Get() { } }' }),
    ).toEqual([]);
  });
});

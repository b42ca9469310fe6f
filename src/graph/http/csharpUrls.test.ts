import { beforeAll, describe, expect, it } from 'vitest';
import { EstateGraph } from '../../core/graph.js';
import type { RepoModel } from '../../core/model.js';
import { extractFile, type Parsers } from '../../extract/extractFile.js';
import { loadCSharpParser } from '../../extract/csharp/extractCSharp.js';
import { httpCallSites } from './callSites.js';

let parsers: Parsers;
beforeAll(async () => {
  parsers = { csharp: await loadCSharpParser() };
});

function repoOf(name: string, files: Record<string, string>): RepoModel {
  return {
    name,
    path: name,
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const outcome = extractFile('csharp', path, text, parsers);
      return {
        repo: name,
        path,
        kind: 'csharp' as const,
        loc: outcome.loc,
        ...(outcome.facts ? { facts: outcome.facts } : {}),
      };
    }),
  };
}

const callsOf = (...repos: RepoModel[]) =>
  httpCallSites(new EstateGraph(), repos, new Map()).map((s) => `${s.method ?? 'ANY'} ${s.url} @${s.file}:${s.line}`);

const HELPERS = `
namespace Shop.Web.Infrastructure;
public static class Api
{
    public static class Orders
    {
        public static string ById(string baseUri, string orderId) => $"{baseUri}/{orderId}";
        public static string All(string baseUri) { return baseUri; }
        public static string Page(string baseUri, bool paged = false) => paged ? baseUri + "/list?page=1" : baseUri + "/list";
    }
}`;

const SERVICE = `
namespace Shop.Web.Services;
public class OrderClient
{
    private const string Version = "v2";
    private readonly HttpClient _http;
    private readonly string _ordersUrl;

    public OrderClient(HttpClient http, IOptions<Settings> settings)
    {
        _http = http;
        _ordersUrl = $"{settings.Value.OrdersUrl}/api/{Version}/orders";
    }

    public async Task<string> Get(string id)
    {
        var uri = Api.Orders.ById(_ordersUrl, id);
        return await _http.GetStringAsync(uri);
    }

    public Task All() => _http.GetAsync(Api.Orders.All(_ordersUrl));
    public Task Page() => _http.GetAsync(Api.Orders.Page(_ordersUrl));

    public Task Cancel(string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, _ordersUrl + "/" + id + "/cancel");
        return _http.SendAsync(request);
    }

    public Task<Order> Find(int id) => _repository.GetAsync(id);
}`;

describe('C# URLs built by helpers, variables and fields', () => {
  it('binds a static helper in another file to the call arguments, through a local and a constructor-set field', () => {
    expect(callsOf(repoOf('web', { 'Infrastructure/Api.cs': HELPERS, 'Services/OrderClient.cs': SERVICE }))).toEqual([
      'GET {}/api/v2/orders/{} @Services/OrderClient.cs:18',
      'GET {}/api/v2/orders @Services/OrderClient.cs:21',
      'GET {}/api/v2/orders/list @Services/OrderClient.cs:22',
      'PUT {}/api/v2/orders/{}/cancel @Services/OrderClient.cs:26',
    ]);
  });

  it('leaves a call whose argument is no known URL at all (a repository GetAsync(id)) out', () => {
    const calls = callsOf(repoOf('web', { 'Services/OrderClient.cs': SERVICE }));
    expect(calls.some((c) => c.includes(':31'))).toBe(false);
  });

  it("reads an enclosing class's constant from a nested helper class", () => {
    const scenarios = `
namespace Shop.Tests;
public class CartScenarios
{
    private const string ApiBase = "api/v1/cart";
    public static class Get { public static string ById(int id) { return $"{ApiBase}/{id}"; } }
    public async Task Run(HttpClient client) { await client.GetAsync(Get.ById(1)); }
}`;
    expect(callsOf(repoOf('tests', { 'CartScenarios.cs': scenarios }))).toEqual([
      'GET api/v1/cart/{} @CartScenarios.cs:7',
    ]);
  });

  it('keeps the path that values assigned in several branches agree on, behind different hosts', () => {
    const setup = `
public class Setup
{
    public async Task Register(HttpClient client, bool eu, string selfHosted)
    {
        string url;
        if (eu) url = "https://api.example.eu/installations/";
        else if (selfHosted != null) url = $"{selfHosted}/installations/";
        else url = "https://api.example.com/installations/";
        await client.PostAsync(url + id, null);
    }
}`;
    expect(callsOf(repoOf('setup', { 'Setup.cs': setup }))).toEqual(['POST {}/installations/{} @Setup.cs:10']);
  });

  it('picks the helper nearest the caller when two projects each have one of the same name', () => {
    const config = (ns: string, path: string) => `
namespace ${ns}.Config;
public class UrlsConfig { public class OrdersOperations { public static string GetOrderDraft() => "${path}"; } }`;
    const caller = `
namespace Shop.Mobile.Services;
public class OrderApi
{
    private readonly HttpClient _client;
    private readonly UrlsConfig _urls;
    public Task Draft() { var uri = _urls.Orders + UrlsConfig.OrdersOperations.GetOrderDraft(); return _client.PostAsync(uri, null); }
}`;
    const repo = repoOf('bff', {
      'Web/UrlsConfig.cs': config('Shop.Web', '/api/v1/web-draft'),
      'Mobile/UrlsConfig.cs': config('Shop.Mobile', '/api/v1/orders/draft'),
      'Mobile/OrderApi.cs': caller,
    });
    expect(callsOf(repo)).toEqual(['POST {}/api/v1/orders/draft @Mobile/OrderApi.cs:7']);
  });
});

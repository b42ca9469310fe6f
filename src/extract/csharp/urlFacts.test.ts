import { beforeAll, describe, expect, it } from 'vitest';
import { factsOf, loadParser } from './testing.js';

beforeAll(loadParser);

const HELPERS = `
namespace Shop.Web.Infrastructure;
public static class Api
{
    public static class Orders
    {
        public static string ById(string baseUri, string orderId) => $"{baseUri}/{orderId}";
        public static string All(string baseUri) { return baseUri; }
        public static string Cancel(string baseUri)
        {
            var unused = 1;
            return baseUri + "/cancel";
        }
        public string NotStatic(string baseUri) => baseUri;
        public static int NotAString(string baseUri) => 1;
    }
}`;

const SERVICE = `
namespace Shop.Web.Services;
public class OrderClient
{
    private readonly HttpClient _http;
    private readonly string _ordersUrl;
    private const string Version = "v2";

    public async Task<string> Get(string id)
    {
        var uri = Api.Orders.ById(_ordersUrl, id);
        return await _http.GetStringAsync(uri);
    }

    public OrderClient(HttpClient http, IOptions<Settings> settings)
    {
        _http = http;
        _ordersUrl = $"{settings.Value.OrdersUrl}/o/api/{Version}/orders";
    }

    public Task Delete(string id) => _http.DeleteAsync($"{_ordersUrl}/{id}");

    public void Unrelated()
    {
        var uri = Compute();
        var other = Api.Orders.All(_ordersUrl);
    }
}`;

describe('URL facts', () => {
  it('records static string helpers with their parameters and returned expression', () => {
    const { urls } = factsOf(HELPERS);
    expect(urls?.stringMethods).toEqual([
      {
        name: 'ById',
        parameters: ['baseUri', 'orderId'],
        returns: {
          kind: 'join',
          parts: [
            { kind: 'name', text: 'baseUri' },
            { kind: 'text', text: '/' },
            { kind: 'name', text: 'orderId' },
          ],
        },
        ownerType: 'Shop.Web.Infrastructure.Api.Orders',
        line: 7,
      },
      {
        name: 'All',
        parameters: ['baseUri'],
        returns: { kind: 'name', text: 'baseUri' },
        ownerType: 'Shop.Web.Infrastructure.Api.Orders',
        line: 8,
      },
      {
        name: 'Cancel',
        parameters: ['baseUri'],
        returns: {
          kind: 'join',
          parts: [
            { kind: 'name', text: 'baseUri' },
            { kind: 'text', text: '/cancel' },
          ],
        },
        ownerType: 'Shop.Web.Infrastructure.Api.Orders',
        line: 9,
      },
    ]);
  });

  it('records URL arguments and, transitively, the values they name — not values no URL uses', () => {
    const { urls } = factsOf(SERVICE);
    expect(urls?.arguments).toEqual([
      { line: 12, column: 28, index: 0, value: { kind: 'name', text: 'uri' } },
      {
        line: 21,
        column: 44,
        index: 0,
        value: {
          kind: 'join',
          parts: [
            { kind: 'name', text: '_ordersUrl' },
            { kind: 'text', text: '/' },
            { kind: 'name', text: 'id' },
          ],
        },
      },
    ]);
    const values = urls?.values.map((v) => [v.name, v.ownerMember, v.value.kind, v.line]);
    expect(values).toEqual([
      ['Version', 'Version', 'text', 7],
      ['uri', 'Get', 'call', 11],
      ['_ordersUrl', 'OrderClient', 'join', 18],
    ]);
  });

  it('records calls on variables typed as a client, by their declared or created type', () => {
    const { urls } = factsOf(`
class Caller
{
    private readonly Basket.BasketClient _basket;
    public Caller(Catalog.CatalogClient catalog) { catalog.GetItemAsync(new Req()); }
    public async Task Run(GrpcChannel channel)
    {
        await _basket.GetBasketByIdAsync(new BasketRequest());
        var ordering = new Ordering.OrderingClient(channel);
        ordering.CreateDraft(new Draft());
        _logger.LogInformation("not a client");
    }
}`);
    expect(urls?.clientCalls.map((c) => [c.clientType, c.method, c.ownerMember, c.line])).toEqual([
      ['Catalog.CatalogClient', 'GetItemAsync', 'Caller', 5],
      ['Basket.BasketClient', 'GetBasketByIdAsync', 'Run', 8],
      ['Ordering.OrderingClient', 'CreateDraft', 'Run', 10],
    ]);
  });

  it('records nothing for a file without URL calls or helpers', () => {
    expect(factsOf('class A { void M() { var x = Foo(); x.Bar(); } }').urls).toBeUndefined();
  });
});

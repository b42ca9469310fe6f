import { beforeAll, describe, expect, it } from 'vitest';
import type { FileKind } from '../../core/fileKinds.js';
import type { RepoModel } from '../../core/model.js';
import { extractFile, type Parsers } from '../../extract/extractFile.js';
import { loadCSharpParser } from '../../extract/csharp/extractCSharp.js';
import { buildEstateGraph } from '../buildGraph.js';

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
      const kind: FileKind = path.endsWith('.proto') ? 'proto' : 'csharp';
      const outcome = extractFile(kind, path, text, parsers);
      return { repo: name, path, kind, loc: outcome.loc, ...(outcome.facts ? { facts: outcome.facts } : {}) };
    }),
  };
}

const PROTO = `syntax = "proto3";
option csharp_namespace = "Shop.Grpc";
package cart.v1;
service Cart {
  rpc GetCart (CartRequest) returns (CartReply);
  rpc ClearCart (CartRequest) returns (CartReply);
}`;

const SERVER = `
namespace Cart.Api.Grpc;
public class CartService : Cart.CartBase
{
    public override Task<CartReply> GetCart(CartRequest request, ServerCallContext context) => Task.FromResult(new CartReply());
    public Task<CartReply> Helper() => null;
}`;

const CLIENT = `
namespace Web.Bff.Services;
public class CartApi
{
    private readonly Cart.CartClient _cart;
    public CartApi(Cart.CartClient cart) { _cart = cart; }
    public async Task<CartReply> Get(string id) => await _cart.GetCartAsync(new CartRequest { Id = id });
    public void Clear(string id) => _cart.ClearCart(new CartRequest());
    public void Other(Shop.Other.PaymentClient payments) => payments.GetCartAsync(null);
}`;

const grpcEdges = (...repos: RepoModel[]) =>
  buildEstateGraph(repos, new Map(repos.map((r) => [r.name, r.path])))
    .graph.edgesOfKind('grpc-call')
    .map((e) => ({ from: e.from, to: e.to, data: e.data }));

describe('gRPC coupling', () => {
  it('links a generated client call to the type overriding the rpc, across repos, with the call site', () => {
    const edges = grpcEdges(
      repoOf('cart', { 'Protos/cart.proto': PROTO, 'Grpc/CartService.cs': SERVER }),
      repoOf('bff', { 'Services/CartApi.cs': CLIENT }),
    );
    expect(edges).toEqual([
      {
        from: 'type:Web.Bff.Services.CartApi',
        to: 'type:Cart.Api.Grpc.CartService',
        data: {
          service: 'cart.v1.Cart',
          proto: 'Protos/cart.proto',
          rpcs: ['GetCart'],
          calls: [{ rpc: 'GetCart', call: 'GetCartAsync', file: 'Services/CartApi.cs', line: 7 }],
        },
      },
    ]);
  });

  it('makes no edge without a .proto service, nor for a client of another service', () => {
    expect(grpcEdges(repoOf('cart', { 'Grpc/CartService.cs': SERVER, 'Services/CartApi.cs': CLIENT }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractProto } from './extractProto.js';

describe('extractProto', () => {
  it('reads the package, the C# namespace option and every rpc of every service', () => {
    const { facts } = extractProto(`syntax = "proto3";
// service Commented { rpc Nope (A) returns (B); }
option csharp_namespace = "Shop.Grpc.Cart";
package cart.v1;

message CartRequest { string id = 1; map<string, int32> counts = 2; }

service Cart {
  rpc GetCart (CartRequest) returns (CartReply) {
    option (google.api.http) = { get: "/v1/cart/{id}" };
  }
  /* a block comment with a } brace */
  rpc Watch (stream CartRequest) returns (stream CartReply);
}
service Admin { rpc Purge(PurgeRequest) returns (google.protobuf.Empty) {} }
`);
    expect(facts).toEqual({
      kind: 'proto',
      package: 'cart.v1',
      csharpNamespace: 'Shop.Grpc.Cart',
      services: [
        {
          name: 'Cart',
          line: 8,
          rpcs: [
            { name: 'GetCart', request: 'CartRequest', response: 'CartReply', line: 9 },
            { name: 'Watch', request: 'CartRequest', response: 'CartReply', line: 13 },
          ],
        },
        {
          name: 'Admin',
          line: 15,
          rpcs: [{ name: 'Purge', request: 'PurgeRequest', response: 'google.protobuf.Empty', line: 15 }],
        },
      ],
    });
  });

  it('keeps what it read of a truncated file and never throws', () => {
    const { facts } = extractProto('package p;\nservice S { rpc A (X) returns (Y); rpc B (');
    expect(facts?.services).toEqual([
      { name: 'S', line: 2, rpcs: [{ name: 'A', request: 'X', response: 'Y', line: 2 }] },
    ]);
    expect(extractProto('').facts).toEqual({ kind: 'proto', package: '', services: [] });
  });
});

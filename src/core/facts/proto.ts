/** Facts of one Protocol Buffers file: its gRPC services (see ../facts.ts for the contract). */

export interface ProtoRpc {
  name: string;
  request: string;
  response: string;
  line: number;
}

export interface ProtoService {
  name: string;
  rpcs: ProtoRpc[];
  line: number;
}

export interface ProtoFileFacts {
  kind: 'proto';
  /** `package basket.v1;`, '' when there is none. */
  package: string;
  /** `option csharp_namespace = "GrpcBasket";`: where the generated C# client and base live. */
  csharpNamespace?: string;
  services: ProtoService[];
}

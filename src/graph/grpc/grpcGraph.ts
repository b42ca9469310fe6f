/**
 * gRPC coupling: a `.proto` service (package, service, rpcs), the generated
 * client used in C# (`Basket.BasketClient` — injected, a field or `new`) and
 * the server type deriving from the generated base (`Basket.BasketBase`) and
 * overriding the rpcs. Each call of a client method named after an rpc
 * (`GetBasketByIdAsync` or `GetBasketById`) becomes a `grpc-call` edge from the
 * calling type (or file) to the implementing type, with the rpc and call site.
 */
import type { CSharpClientCall, CSharpTypeFacts, ProtoService } from '../../core/facts.js';
import type { EstateGraph } from '../../core/graph.js';
import type { GrpcCallRecord } from '../../core/graphData.js';
import { fileId, typeId } from '../../core/ids.js';
import type { RepoModel } from '../../core/model.js';

interface DeclaredService {
  service: ProtoService;
  qualified: string;
  proto: string;
  /** Types deriving from `<Service>Base`, with the rpcs each overrides. */
  implementations: { type: string; overrides: Set<string> }[];
}

export function addGrpcCoupling(graph: EstateGraph, repos: readonly RepoModel[]): void {
  const services = declaredServices(repos);
  if (services.size === 0) return;
  addImplementations(services, repos);
  const edges = new Map<
    string,
    { from: string; to: string; declared: DeclaredService; calls: GrpcCallRecord[]; ambiguous: boolean }
  >();
  for (const repo of repos)
    for (const file of repo.files) {
      if (file.facts?.kind !== 'csharp') continue;
      for (const call of file.facts.urls?.clientCalls ?? []) {
        const target = targetOf(call, services);
        if (!target) continue;
        const from =
          call.ownerType && graph.hasNode(typeId(call.ownerType))
            ? typeId(call.ownerType)
            : fileId(repo.name, file.path);
        const implementers = target.declared.implementations.filter((i) => i.overrides.has(target.rpc));
        for (const implementation of implementers) {
          const to = typeId(implementation.type);
          const key = `${from}\u0000${to}`;
          const entry = edges.get(key) ?? { from, to, declared: target.declared, calls: [], ambiguous: false };
          entry.calls.push({ rpc: target.rpc, call: call.method, file: file.path, line: call.line });
          entry.ambiguous ||= implementers.length > 1;
          edges.set(key, entry);
        }
      }
    }
  for (const { from, to, declared, calls, ambiguous } of [...edges.values()].sort((a, b) =>
    a.from + a.to < b.from + b.to ? -1 : 1,
  )) {
    if (!graph.hasNode(from) || !graph.hasNode(to)) continue;
    graph.addEdge(from, to, 'grpc-call', calls.length, {
      service: declared.qualified,
      proto: declared.proto,
      rpcs: [...new Set(calls.map((c) => c.rpc))].sort(),
      ...(ambiguous ? { ambiguous: true } : {}),
      calls,
    });
  }
}

/** Services by simple name; two .proto files declaring the same service (a copy in the client project) are one. */
function declaredServices(repos: readonly RepoModel[]): Map<string, DeclaredService[]> {
  const byName = new Map<string, DeclaredService[]>();
  for (const repo of repos)
    for (const file of repo.files) {
      if (file.facts?.kind !== 'proto') continue;
      for (const service of file.facts.services) {
        const qualified = file.facts.package ? `${file.facts.package}.${service.name}` : service.name;
        const list = byName.get(service.name) ?? [];
        if (!list.some((d) => d.qualified === qualified))
          list.push({ service, qualified, proto: file.path, implementations: [] });
        byName.set(service.name, list);
      }
    }
  return byName;
}

/** `class BasketService : Basket.BasketBase` (or `BasketBase` through `using static`). */
function addImplementations(services: Map<string, DeclaredService[]>, repos: readonly RepoModel[]): void {
  for (const repo of repos)
    for (const file of repo.files) {
      if (file.facts?.kind !== 'csharp') continue;
      for (const type of file.facts.types) {
        for (const base of type.bases) {
          const service = generatedName(base, 'Base');
          for (const declared of service ? (services.get(service) ?? []) : [])
            declared.implementations.push({ type: type.fullName, overrides: overridden(type) });
        }
      }
    }
}

function overridden(type: CSharpTypeFacts): Set<string> {
  return new Set(
    type.members.filter((m) => m.kind === 'method' && m.modifiers?.includes('override')).map((m) => m.name),
  );
}

/** The service a generated `Basket.BasketClient` / `BasketBase` belongs to: `Basket`; undefined for other names. */
function generatedName(written: string, suffix: 'Client' | 'Base'): string | undefined {
  const parts = written.replace(/^global::/, '').split('.');
  const last = parts[parts.length - 1]!;
  if (!last.endsWith(suffix) || last.length === suffix.length) return undefined;
  const service = last.slice(0, -suffix.length);
  // Generated classes nest in a class named after the service: `Basket.BasketClient`.
  const outer = parts[parts.length - 2];
  return outer === undefined || outer === service ? service : undefined;
}

function targetOf(
  call: CSharpClientCall,
  services: Map<string, DeclaredService[]>,
): { declared: DeclaredService; rpc: string } | undefined {
  const name = generatedName(call.clientType, 'Client');
  if (!name) return undefined;
  const rpc = call.method.endsWith('Async') ? call.method.slice(0, -'Async'.length) : call.method;
  for (const declared of services.get(name) ?? [])
    if (declared.service.rpcs.some((r) => r.name === rpc)) return { declared, rpc };
  return undefined;
}

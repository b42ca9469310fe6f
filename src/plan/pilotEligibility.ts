/**
 * What may be the pilot: a business area someone would extract. A bag of data
 * shapes — view models, DTOs, requests and responses, settings and options
 * classes — has nothing to cut because it does nothing; it is the least
 * risky cluster for being no service at all. And between the areas left, one
 * that owns tables or serves endpoints is a service in the making; one that
 * does neither is a library.
 */
import type { Cluster } from '../core/decomposition.js';
import type { GraphNode } from '../core/graphData.js';
import type { EstateView } from './estateView.js';

/** Type names that say "data shape, no behaviour" (`AddPhoneNumberViewModel`, `SmtpSettings`, `OrderDto`). */
const DATA_SHAPE_NAME =
  /(?:ViewModel|InputModel|Model|Dto|DTO|Request|Response|Settings|Options|Config|Configuration)s?$/;
/** Namespace or folder segments that hold data shapes (`Models.ManageViewModels`, `Core.Settings`). */
const DATA_SHAPE_SEGMENT = /^(?:\w*ViewModels|Models|Dtos?|DTOs?|Settings|Options|Config|Configuration|Contracts)$/i;

/**
 * At least this share of a bag's members are data shapes. An area's API holds many request and
 * response models next to its controllers and services (half its types, in a Web API), so a bag
 * is one that holds little else.
 */
const DATA_SHAPE_SHARE = 0.75;

/** Nearly all its members are data shapes by name or by the namespace or folder they sit in. */
export function isDataShapeBag(cluster: Cluster, nodes: ReadonlyMap<string, GraphNode>): boolean {
  const shapes = cluster.members.filter((member) => isDataShape(nodes.get(member)));
  return cluster.members.length > 0 && shapes.length >= DATA_SHAPE_SHARE * cluster.members.length;
}

function isDataShape(node: GraphNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'type') {
    const full = node.name;
    const name = full.slice(full.lastIndexOf('.') + 1);
    const namespace = node.data?.namespace ?? '';
    return DATA_SHAPE_NAME.test(name) || namespace.split('.').some((s) => DATA_SHAPE_SEGMENT.test(s));
  }
  const folders = (node.path ?? '').split('/').slice(0, -1);
  return folders.some((s) => DATA_SHAPE_SEGMENT.test(s));
}

/** Clusters that own a table or whose units serve an endpoint (an HTTP route, a gRPC method). */
export function servingClusters(view: EstateView): Set<string> {
  const serving = new Set<string>();
  for (const cluster of view.clusters) if (cluster.tables.length > 0) serving.add(cluster.id);
  for (const edge of view.source.graph.edges) {
    if (edge.kind !== 'serves') continue;
    const cluster = view.clusterOf.get(edge.from);
    if (cluster) serving.add(cluster);
  }
  return serving;
}

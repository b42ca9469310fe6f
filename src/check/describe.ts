/** Units as people name them in messages: `namespace Harbor.Billing (Harbor.Core)`, `table dbo.Users`. */
import type { UnitIndex } from './units.js';

export function describeUnit(units: UnitIndex, id: string): string {
  const node = units.node(id);
  if (!node) return id.startsWith('cluster:') ? `cluster ${id.slice('cluster:'.length)}` : id;
  switch (node.kind) {
    case 'namespace': {
      const project = node.data?.project ? units.node(node.data.project)?.name : undefined;
      return `namespace ${node.name}${project ? ` (${project})` : ''}`;
    }
    case 'module':
      return `folder ${node.repo}/${node.path}`;
    case 'procedure':
      return `routine ${node.name}`;
    case 'endpoint':
      return `endpoint ${node.name}`;
    default:
      return `${node.kind} ${node.name}`;
  }
}

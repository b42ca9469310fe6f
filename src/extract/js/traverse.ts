/** One cheap depth-first pass over a Babel AST, with each node's parent and the key it sits under. */
import type { Node } from '@babel/types';

export type Visitor = (node: Node, parent: Node | undefined, key: string | undefined) => void;

const SKIP_KEYS = new Set([
  'loc',
  'start',
  'end',
  'extra',
  'range',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'comments',
  'tokens',
  'errors',
]);

export function traverse(root: Node, visit: Visitor): void {
  // Explicit stack: deep expression chains in generated code would overflow recursion.
  const stack: [Node, Node | undefined, string | undefined][] = [[root, undefined, undefined]];
  while (stack.length > 0) {
    const [node, parent, key] = stack.pop()!;
    visit(node, parent, key);
    const children: [Node, Node, string][] = [];
    for (const childKey of Object.keys(node)) {
      if (SKIP_KEYS.has(childKey)) continue;
      const value = (node as unknown as Record<string, unknown>)[childKey];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push([item, node, childKey]);
      } else if (isNode(value)) children.push([value, node, childKey]);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

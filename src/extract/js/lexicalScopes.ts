/**
 * The blocks, functions and classes around the node being visited, kept during the one
 * pre-order walk: a walk visits a node's subtree before its next sibling, so the
 * enclosing nodes are exactly the open ones on a stack that still contain the node.
 */
import type { Node } from '@babel/types';

export interface Span {
  start: number;
  end: number;
}

export type FunctionNode = Extract<
  Node,
  {
    type:
      | 'FunctionDeclaration'
      | 'FunctionExpression'
      | 'ArrowFunctionExpression'
      | 'ClassMethod'
      | 'ClassPrivateMethod'
      | 'ObjectMethod';
  }
>;

const BLOCKS = new Set([
  'Program',
  'BlockStatement',
  'StaticBlock',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'SwitchStatement',
]);
const FUNCTIONS = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ClassMethod',
  'ClassPrivateMethod',
  'ObjectMethod',
]);
const CLASSES = new Set(['ClassDeclaration', 'ClassExpression']);

export function spanOf(node: Node): Span {
  return { start: node.start ?? 0, end: node.end ?? 0 };
}

export function contains(outer: Span, position: number): boolean {
  return outer.start <= position && position < outer.end;
}

/** One stack per role, so the innermost of each is its top: constant time per node. */
export class LexicalScopes {
  private readonly blocks: Span[] = [];
  private readonly functions: (Span & { node: FunctionNode })[] = [];
  private readonly classes: Span[] = [];
  private pending: Node | undefined;

  /** Call for every node in walk order; then `block`, `fn` and `cls` are what encloses it (not the node itself). */
  enter(node: Node): void {
    if (this.pending) this.open(this.pending);
    this.pending = undefined;
    const start = node.start ?? 0;
    for (const stack of [this.blocks, this.functions, this.classes])
      while (stack.length > 0 && !contains(stack[stack.length - 1]!, start)) stack.pop();
    if (BLOCKS.has(node.type) || FUNCTIONS.has(node.type) || CLASSES.has(node.type)) this.pending = node;
  }

  get block(): Span | undefined {
    return this.blocks[this.blocks.length - 1];
  }

  get fn(): FunctionNode | undefined {
    return this.functions[this.functions.length - 1]?.node;
  }

  get cls(): Span | undefined {
    return this.classes[this.classes.length - 1];
  }

  private open(node: Node): void {
    const span = spanOf(node);
    if (BLOCKS.has(node.type)) this.blocks.push(span);
    else if (FUNCTIONS.has(node.type)) this.functions.push({ ...span, node: node as FunctionNode });
    else this.classes.push(span);
  }
}

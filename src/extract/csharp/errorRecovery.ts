import type { CSharpTypeKind } from '../../core/facts.js';
import { normalizeName } from './names.js';
import { forEachChild, visitAs } from './traversal.js';
import { openTypeOwner } from './typeOwners.js';
import { nodeText, startLine, type WalkContext } from './walkContext.js';

const TYPE_KEYWORDS: ReadonlyMap<string, CSharpTypeKind> = new Map([
  ['class', 'class'],
  ['interface', 'interface'],
  ['struct', 'struct'],
  ['enum', 'enum'],
  ['record', 'record'],
]);

const NAMESPACE_NAME_KINDS = new Set(['identifier', 'qualified_name']);

/**
 * An ERROR node. tree-sitter often recovers from an unbalanced brace by
 * flattening `namespace N {` or `public class C {` into loose tokens of an
 * ERROR node. Those keyword + name pairs still declare a namespace or a type
 * for the rest of the node (the type then spans to the node's end, with no
 * members); everything else is walked as usual.
 */
export function visitError(ctx: WalkContext): void {
  const enclosingNamespace = ctx.namespace;
  const enclosingOwner = ctx.owner;
  const endLine = ctx.cursor.endPosition.row + 1;
  let expecting: Expectation = null;
  let modifiers: string[] = [];
  let headingLine = 0;
  try {
    forEachChild(ctx, (kind) => {
      if (kind.name === 'comment') return visitAs(ctx, kind);
      if (!kind.named) {
        expecting = nextExpectation(expecting, kind.name);
        if (expecting === null) {
          modifiers = [];
          headingLine = 0;
        } else if (expecting !== 'namespace') {
          headingLine ||= startLine(ctx);
        }
        return visitAs(ctx, kind);
      }
      if (kind.name === 'modifier') {
        modifiers.push(nodeText(ctx));
        headingLine ||= startLine(ctx);
        return;
      }
      if (expecting === 'namespace' && NAMESPACE_NAME_KINDS.has(kind.name)) {
        const name = normalizeName(nodeText(ctx));
        ctx.namespace = enclosingNamespace === '' ? name : `${enclosingNamespace}.${name}`;
        if (!ctx.namespaces.includes(ctx.namespace)) ctx.namespaces.push(ctx.namespace);
      } else if (expecting !== null && expecting !== 'namespace' && kind.name === 'identifier') {
        ctx.owner = enclosingOwner; // a second recovered type is a sibling, not nested
        const heading = { name: nodeText(ctx), kind: expecting, modifiers, line: headingLine, endLine };
        ctx.owner = openTypeOwner(ctx, heading).owner;
      } else {
        visitAs(ctx, kind);
      }
      expecting = null;
      modifiers = [];
      headingLine = 0;
    });
  } finally {
    ctx.namespace = enclosingNamespace;
    ctx.owner = enclosingOwner;
  }
}

type Expectation = CSharpTypeKind | 'namespace' | null;

function nextExpectation(current: Expectation, token: string): Expectation {
  if (token === 'namespace') return 'namespace';
  if (current === 'record' && token === 'struct') return 'record struct';
  if (current === 'record' && token === 'class') return 'record';
  return TYPE_KEYWORDS.get(token) ?? null;
}

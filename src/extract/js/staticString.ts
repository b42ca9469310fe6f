/**
 * What a string expression evaluates to as far as the file shows: literals,
 * templates, `+` concatenation and `const` strings of the same file; every part
 * that cannot be known statically becomes the hole `{}`.
 */
import type { Expression, Node } from '@babel/types';

export const HOLE = '{}';

export class StringConstants {
  private readonly declared = new Map<string, Node>();

  /** Records `const NAME = expr`; a name declared twice is ambiguous and dropped. */
  declare(name: string, init: Node): void {
    if (this.declared.has(name)) this.declared.set(name, { type: 'Identifier', name: '\u0000ambiguous' } as Node);
    else this.declared.set(name, init);
  }

  /** The static text of `node`, or undefined when no part of it is a literal. */
  evaluate(node: Node | null | undefined): string | undefined {
    const text = this.text(node, new Set());
    return text === undefined || text.replaceAll(HOLE, '') === '' ? undefined : text;
  }

  private text(node: Node | null | undefined, seen: Set<string>): string | undefined {
    if (!node) return undefined;
    switch (node.type) {
      case 'StringLiteral':
        return node.value;
      case 'TemplateLiteral': {
        let out = node.quasis[0]?.value.cooked ?? '';
        node.expressions.forEach((expression, i) => {
          out += this.text(expression, seen) ?? HOLE;
          out += node.quasis[i + 1]?.value.cooked ?? '';
        });
        return out;
      }
      case 'BinaryExpression':
        if (node.operator !== '+') return undefined;
        return joinParts(this.text(node.left, seen), this.text(node.right as Expression, seen));
      case 'LogicalExpression':
        // `process.env.API_URL || 'http://localhost:5000'`: the fallback is the only value the file shows.
        return node.operator === '&&' ? undefined : (this.text(node.left, seen) ?? this.text(node.right, seen));
      case 'Identifier': {
        const init = this.declared.get(node.name);
        if (!init || seen.has(node.name)) return undefined;
        seen.add(node.name);
        const value = this.text(init, seen);
        seen.delete(node.name);
        return value;
      }
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TypeCastExpression':
      case 'ParenthesizedExpression':
        return this.text(node.expression, seen);
      default:
        return undefined;
    }
  }
}

function joinParts(left: string | undefined, right: string | undefined): string | undefined {
  if (left === undefined && right === undefined) return undefined;
  return (left ?? HOLE) + (right ?? HOLE);
}

/** A property of an object literal by (non-computed) key. */
export function propertyOf(node: Node | null | undefined, key: string): Node | undefined {
  if (node?.type !== 'ObjectExpression') return undefined;
  for (const property of node.properties) {
    if (property.type !== 'ObjectProperty' || property.computed) continue;
    const name =
      property.key.type === 'Identifier'
        ? property.key.name
        : property.key.type === 'StringLiteral'
          ? property.key.value
          : undefined;
    if (name === key) return property.value;
  }
  return undefined;
}

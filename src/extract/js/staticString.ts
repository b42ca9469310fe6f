/**
 * What a string expression evaluates to as far as the file shows: literals,
 * templates, `+` concatenation, `const` strings of the same file (the one in scope
 * where it is used) and `this.field` values the class sets once; every part that
 * cannot be known statically becomes the hole `{}`.
 */
import type { Expression, Node } from '@babel/types';
import { contains, type Span } from './lexicalScopes.js';

export const HOLE = '{}';

/** Parameters of a helper standing for the text its callers pass (`path` in `get(path) { … }`), inside `span` only. */
export interface ParameterSlots {
  span: Span;
  texts: ReadonlyMap<string, string>;
}

interface Declared {
  init: Node;
  scope: Span;
  /** A `let`: constant only while nothing in the file assigns its name. */
  reassignable: boolean;
}

export class StringConstants {
  private readonly declared = new Map<string, Declared[]>();
  /** `this.x` values by field name: initializers and `this.x = …` assignments, with their class. */
  private readonly fields = new Map<string, { value: Node | undefined; cls: Span }[]>();

  /** Where each name is assigned to, to tell a `let` set once from one that changes. */
  private readonly assigned = new Map<string, number[]>();

  /** Records `const NAME = expr` (or a `let`) in its block; the same name in another block is another constant. */
  declare(name: string, init: Node, scope: Span, reassignable = false): void {
    this.declared.set(name, [...(this.declared.get(name) ?? []), { init, scope, reassignable }]);
  }

  /** `name = …`, `name += …`, `name++` at `position`: a `let` of that name whose block holds it is not constant. */
  reassign(name: string, position: number): void {
    this.assigned.set(name, [...(this.assigned.get(name) ?? []), position]);
  }

  /** Records a value `this.name` gets in the class: its initializer, an assignment, or `undefined` (a parameter property). */
  assignField(name: string, value: Node | undefined, cls: Span): void {
    this.fields.set(name, [...(this.fields.get(name) ?? []), { value, cls }]);
  }

  /** The static text of `node`, or undefined when no part of it is a literal. */
  evaluate(node: Node | null | undefined, slots?: ParameterSlots): string | undefined {
    const text = this.text(node, new Set(), slots);
    return text === undefined || text.replaceAll(HOLE, '') === '' ? undefined : text;
  }

  private text(node: Node | null | undefined, seen: Set<Node>, slots: ParameterSlots | undefined): string | undefined {
    if (!node) return undefined;
    switch (node.type) {
      case 'StringLiteral':
        return node.value;
      case 'TemplateLiteral': {
        let out = node.quasis[0]?.value.cooked ?? '';
        node.expressions.forEach((expression, i) => {
          out += this.text(expression, seen, slots) ?? HOLE;
          out += node.quasis[i + 1]?.value.cooked ?? '';
        });
        return out;
      }
      case 'BinaryExpression':
        if (node.operator !== '+') return undefined;
        return joinParts(this.text(node.left, seen, slots), this.text(node.right as Expression, seen, slots));
      case 'LogicalExpression':
        // `process.env.API_URL || 'http://localhost:5000'`: the fallback is the only value the file shows.
        return node.operator === '&&'
          ? undefined
          : (this.text(node.left, seen, slots) ?? this.text(node.right, seen, slots));
      case 'Identifier': {
        const slot = slots && contains(slots.span, node.start ?? 0) ? slots.texts.get(node.name) : undefined;
        if (slot !== undefined) return slot;
        return this.follow(this.visibleDeclaration(node.name, node.start ?? 0), seen, slots);
      }
      case 'MemberExpression':
        return node.object.type === 'ThisExpression' && !node.computed && node.property.type === 'Identifier'
          ? this.follow(this.fieldValue(node.property.name, node.start ?? 0), seen, slots)
          : undefined;
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TypeCastExpression':
      case 'ParenthesizedExpression':
        return this.text(node.expression, seen, slots);
      default:
        return undefined;
    }
  }

  private follow(init: Node | undefined, seen: Set<Node>, slots: ParameterSlots | undefined): string | undefined {
    if (!init || seen.has(init)) return undefined;
    seen.add(init);
    const value = this.text(init, seen, slots);
    seen.delete(init);
    return value;
  }

  /** The `const` of that name in the innermost block around `position`; two in the same block are ambiguous. */
  private visibleDeclaration(name: string, position: number): Node | undefined {
    let best: Declared | undefined;
    let ambiguous = false;
    for (const d of this.declared.get(name) ?? []) {
      if (!contains(d.scope, position)) continue;
      if (!best || d.scope.start > best.scope.start) {
        best = d;
        ambiguous = false;
      } else if (d.scope.start === best.scope.start) ambiguous = true;
    }
    // A reassigned `let` still shadows what is outside its block; its value is just not known.
    const changes = best?.reassignable && (this.assigned.get(name) ?? []).some((p) => contains(best.scope, p));
    return ambiguous || changes ? undefined : best?.init;
  }

  /** What `this.name` holds in the innermost class around `position`, when the class gives it exactly one value. */
  private fieldValue(name: string, position: number): Node | undefined {
    const values = (this.fields.get(name) ?? []).filter((f) => contains(f.cls, position));
    const innermost = Math.max(...values.map((f) => f.cls.start));
    // `private url = ''` then set in the constructor: the empty string only holds the place.
    const own = values.filter((f) => f.cls.start === innermost && !isEmptyString(f.value));
    return own.length === 1 ? own[0]!.value : undefined;
  }
}

function isEmptyString(node: Node | undefined): boolean {
  return node?.type === 'StringLiteral' && node.value === '';
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

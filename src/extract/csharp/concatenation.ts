import type { CSharpStringValue } from '../../core/facts.js';
import { HOLE, readStringValue } from './stringValues.js';
import { visit } from './traversal.js';
import { startPosition, type WalkContext } from './walkContext.js';

/** The string built so far from the operands of a `+` chain. */
interface Parts {
  text: string;
  /** Some operand is a string (literal, interpolated, or a concatenation of them). */
  hasString: boolean;
  dynamic: boolean;
}

/**
 * `"SELECT * " + "FROM Users " + "WHERE Id = " + id`: the operands joined,
 * each non-string operand a hole. Null when no operand is a string or the
 * top operator is not `+`. `a + b + c` nests to the left as `((a + b) + c)`,
 * so the walk goes down the left spine in a loop and back up level by level:
 * a 5,000-term concatenation costs no stack. Every operand and operator is
 * walked once (an `&&` still counts as a decision point).
 */
export function readConcatenation(ctx: WalkContext): CSharpStringValue | null {
  const { line, column } = startPosition(ctx);
  const { cursor, kinds } = ctx;
  let depth = 0;
  for (;;) {
    if (!cursor.gotoFirstChild()) break; // cannot happen for a binary expression; stay safe
    depth++;
    skipComments(ctx);
    if (kinds.current(cursor).name !== 'binary_expression') break;
  }
  const parts = depth > 0 ? readOperand(ctx) : { text: HOLE, hasString: false, dynamic: true };
  for (; depth > 0; depth--) {
    let operator = '';
    while (cursor.gotoNextSibling()) {
      const kind = kinds.current(cursor);
      const field = kind.named ? kinds.field(cursor) : '';
      if (field === 'right') append(parts, readOperand(ctx));
      else {
        if (!kind.named) operator = kind.name;
        visit(ctx);
      }
    }
    cursor.gotoParent();
    if (operator !== '+') Object.assign(parts, { text: HOLE, hasString: false, dynamic: true });
  }
  if (!parts.hasString) return null;
  return { text: parts.text, form: 'concatenation', dynamic: parts.dynamic, line, column };
}

/** Leaves the cursor on the first non-comment child, visiting the comments passed. */
function skipComments(ctx: WalkContext): void {
  const { cursor, kinds } = ctx;
  while (kinds.current(cursor).name === 'comment') {
    visit(ctx);
    if (!cursor.gotoNextSibling()) return;
  }
}

function readOperand(ctx: WalkContext): Parts {
  const value = readStringValue(ctx);
  if (value === null) return { text: HOLE, hasString: false, dynamic: true };
  return { text: value.text, hasString: true, dynamic: value.dynamic };
}

function append(parts: Parts, operand: Parts): void {
  parts.text += operand.text;
  parts.hasString ||= operand.hasString;
  parts.dynamic ||= operand.dynamic;
}

import type Parser from 'tree-sitter';
import type { Position } from '../../core/facts.js';

export const MAX_REPORTED_SYNTAX_ERRORS = 20;

export interface SyntaxErrors {
  positions: Position[];
  count: number;
}

/**
 * ERROR and MISSING nodes in document order. A separate walk, run only for
 * trees that have errors, so clean files pay no per-node `nodeIsMissing` call.
 */
export function collectSyntaxErrors(tree: Parser.Tree): SyntaxErrors {
  const positions: Position[] = [];
  let count = 0;
  const cursor = tree.walk();
  for (;;) {
    if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing) {
      count++;
      if (positions.length < MAX_REPORTED_SYNTAX_ERRORS) {
        const { row, column } = cursor.startPosition;
        positions.push({ line: row + 1, column: column + 1 });
      }
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return { positions, count };
    }
  }
}

/** Parenthesis bookkeeping over lexer tokens, shared by the statement splitter, rewriters and readers. */
import type { Token } from './lexer.js';

/** The index of the `)` closing the `(` at `open`; the token count when it is never closed. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.text === '(') depth++;
    else if (tokens[i]!.text === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

/** Parenthesis depth before each token (a stray `)` never goes below 0). */
export function depthsOf(tokens: readonly Token[]): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.text === ')') depth = Math.max(0, depth - 1);
    depths.push(depth);
    if (token.text === '(') depth++;
  }
  return depths;
}

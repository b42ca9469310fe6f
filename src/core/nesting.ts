/**
 * How deeply brackets nest, for the recursive-descent parsers (Babel,
 * TypeScript's JSON reader, node-sql-parser): they run out of stack a few
 * hundred levels deep in the main thread (Babel at ~310 `[`), deeper in a
 * worker, whose stack is larger. Text nested past the limit is not handed to
 * them, so a file's outcome does not depend on which thread read it (`--jobs`).
 */
export const MAX_PARSED_NESTING = 200;

/** The deepest run of unclosed `(`, `[` and `{`, counted up to `limit` + 1; strings and comments count too. */
export function bracketDepth(text: string, limit: number = MAX_PARSED_NESTING): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if ((c === 0x29 || c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

/** Why a text is not parsed, when it nests too deeply; undefined when it may be. */
export function tooDeeplyNested(text: string): string | undefined {
  return bracketDepth(text) > MAX_PARSED_NESTING
    ? `brackets nest more than ${MAX_PARSED_NESTING} deep, past what the parser can take; not parsed`
    : undefined;
}

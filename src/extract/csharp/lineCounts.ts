/**
 * Lines of code: a line counts when it holds a non-whitespace character outside
 * every comment (`//`, `///`, `/* … *\/`). Comment ranges come from the syntax
 * tree, so `"http://x"` inside a string is code. Preprocessor lines
 * (`#region`, `#if`) count as code.
 */
export interface CodeLines {
  /** Code lines in the whole text. */
  readonly total: number;
  /** Code lines within 1-based lines `first..last`, inclusive. */
  between(first: number, last: number): number;
}

/** `comments` is a flat list of [start, end) string offsets, in any order. */
export function countCodeLines(text: string, comments: readonly number[]): CodeLines {
  const ranges = sortedRanges(comments);
  // codeBefore[n] = code lines among lines 1..n
  const codeBefore: number[] = [0];
  let rangeIndex = 0;
  let nextCommentStart = ranges[0] ?? Number.POSITIVE_INFINITY;
  let lineHasCode = false;
  let code = 0;
  for (let i = 0; i < text.length; i++) {
    if (i === nextCommentStart) {
      const end = ranges[rangeIndex + 1] ?? i;
      rangeIndex += 2;
      nextCommentStart = ranges[rangeIndex] ?? Number.POSITIVE_INFINITY;
      // Line breaks inside a block comment still end lines.
      for (; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
          if (lineHasCode) code++;
          codeBefore.push(code);
          lineHasCode = false;
        }
      }
      i--;
      continue;
    }
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      if (lineHasCode) code++;
      codeBefore.push(code);
      lineHasCode = false;
    } else if (!lineHasCode && !isWhitespace(ch)) {
      lineHasCode = true;
    }
  }
  if (lineHasCode) code++;
  codeBefore.push(code);
  return {
    total: code,
    between(first: number, last: number): number {
      const lastLine = Math.min(last, codeBefore.length - 1);
      const firstLine = Math.max(first, 1);
      if (lastLine < firstLine) return 0;
      return (codeBefore[lastLine] ?? 0) - (codeBefore[firstLine - 1] ?? 0);
    },
  };
}

function isWhitespace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 13 || ch === 11 || ch === 12 || ch === 0xa0 || ch === 0xfeff;
}

/** Sorted, non-overlapping flat ranges (comments never overlap; sorting guards walk order). */
function sortedRanges(flat: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i] ?? 0, flat[i + 1] ?? 0]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  let lastEnd = -1;
  for (const [start, end] of pairs) {
    if (start < lastEnd || end <= start) continue;
    out.push(start, end);
    lastEnd = end;
  }
  return out;
}

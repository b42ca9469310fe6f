/** Non-blank lines: the LOC figure for files no language extractor counts more precisely. */
export function countNonBlankLines(text: string): number {
  let count = 0;
  let lineHasContent = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (lineHasContent) count++;
      lineHasContent = false;
    } else if (code > 32 && code !== 0xfeff) {
      lineHasContent = true;
    }
  }
  return lineHasContent ? count + 1 : count;
}

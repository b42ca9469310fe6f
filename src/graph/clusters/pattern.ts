/**
 * Pin patterns: one syntax for type names, file paths and table names.
 * `**` matches any run of characters, `*` any run without `/` (so `*.Billing.*`
 * matches `Harbor.Billing.Invoice`), `?` one character; matching ignores case,
 * as C# namespaces and SQL names are compared by people.
 */
export function compilePattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** Whether any of the compiled patterns matches one of the names. */
export function matchesAny(patterns: readonly RegExp[], names: readonly string[]): boolean {
  return patterns.some((pattern) => names.some((name) => pattern.test(name)));
}

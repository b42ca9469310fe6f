/**
 * What one gateway route does to a call path: whether it matches, and the path it
 * forwards. Paths are written as displayed (`/b/api/{}/items`, `{}` = not known
 * statically); a route never matches on a part of the path that is not known.
 */
import type { GatewayPathRewrite, GatewayRouteFact } from '../../core/facts.js';

export interface GatewayMatch {
  /** The path forwarded downstream, before the service's own path base is taken off. */
  path: string;
  /** Literal characters the match pinned down: the more, the more specific the route. */
  specificity: number;
}

export function matchGatewayRoute(route: GatewayRouteFact, path: string): GatewayMatch | undefined {
  const { kind, value } = route.match;
  const same = (a: string, b: string) => (route.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase());
  if (kind === 'prefix') {
    const head = path.slice(0, value.length);
    if (head.includes('{}') || !same(head, value)) return undefined;
    return { path: applyRewrites(route.rewrites, path, {}, value), specificity: value.length };
  }
  if (kind === 'path')
    return same(path, value)
      ? { path: applyRewrites(route.rewrites, path, {}, value), specificity: value.length }
      : undefined;
  if (kind === 'regex') {
    const pattern = safePattern(value);
    return pattern?.test(path) && !path.includes('{}') ? { path, specificity: 1 } : undefined;
  }
  const captures = matchTemplate(value, path, same);
  return captures
    ? { path: applyRewrites(route.rewrites, path, captures.values, ''), specificity: captures.literals }
    : undefined;
}

/** Ocelot/YARP templates: `{name}` is one segment; `{*name}`, `{**name}` or a final `{name}` (Ocelot's `{everything}`) the rest. */
function matchTemplate(
  template: string,
  path: string,
  same: (a: string, b: string) => boolean,
): { values: Record<string, string>; literals: number } | undefined {
  const pattern = segments(template);
  const parts = segments(path);
  const values: Record<string, string> = {};
  let literals = 0;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const placeholder = /^\{\*{0,2}([^}:=?]+)[^}]*\}$/.exec(p);
    if (placeholder && (p.startsWith('{*') || i === pattern.length - 1)) {
      values[placeholder[1]!] = parts.slice(i).join('/');
      return { values, literals };
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (placeholder) values[placeholder[1]!] = part;
    else if (part === '{}' || !same(part, p)) return undefined;
    else literals += p.length + 1;
  }
  return pattern.length === parts.length ? { values, literals } : undefined;
}

function applyRewrites(
  rewrites: readonly GatewayPathRewrite[],
  path: string,
  captures: Record<string, string>,
  matchedPrefix: string,
): string {
  let out = path;
  for (const rewrite of rewrites) {
    switch (rewrite.kind) {
      case 'replace-prefix':
        out = rewrite.value + out.slice(matchedPrefix.length);
        break;
      case 'template':
        out = rewrite.value.replace(/\{\*{0,2}([^}:=?]+)[^}]*\}/g, (_, name: string) => captures[name] ?? '{}');
        break;
      case 'remove-prefix':
        if (out.toLowerCase().startsWith(rewrite.value.toLowerCase())) out = out.slice(rewrite.value.length) || '/';
        break;
      case 'add-prefix':
        out = rewrite.value.replace(/\/$/, '') + out;
        break;
      case 'set':
        out = rewrite.value;
        break;
    }
  }
  return out.startsWith('/') ? out.replace(/\/{2,}/g, '/') : `/${out}`;
}

/** A route regex from an untrusted file, refused when it could backtrack badly (a quantified group holding a quantifier). */
function safePattern(source: string): RegExp | undefined {
  if (source.length > 200 || /\([^)]*[+*}][^)]*\)\s*[+*{]/.test(source)) return undefined;
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    return undefined;
  }
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

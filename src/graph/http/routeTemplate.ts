/**
 * Route templates and call paths as segments, and matching one against the other.
 * Route parameters (`{id:int}`, `:id`, `{*rest}`) and call holes (`{}`, the parts
 * of a URL not known statically) are wildcards; a match's score counts them, so
 * the most specific route can win.
 */

export type RouteSegment =
  | { kind: 'literal'; text: string }
  | { kind: 'param'; name: string; optional: boolean; catchAll: boolean; constraint?: string };

/** A hole may keep literal text around it (`items{}` from `"items" + filter`): the route segment must start and end with it. */
export type CallSegment = { kind: 'literal'; text: string } | { kind: 'hole'; prefix?: string; suffix?: string };

/** ASP.NET `{id:int?}`, `{*path}`, `{controller=Home}`; Express/Fastify/Nest `:id`, `:id?`, `*`. */
export function parseRoute(template: string): RouteSegment[] {
  return splitPath(template).map((part): RouteSegment => {
    const braced = /^\{\*{0,2}([^}:=?]+)(?::([^}=?]+))?(=[^}]*)?(\?)?\}$/.exec(part);
    if (braced)
      return {
        kind: 'param',
        name: braced[1]!,
        optional: Boolean(braced[3] || braced[4]),
        catchAll: part.startsWith('{*'),
        ...(braced[2] ? { constraint: braced[2].split(':')[0]!.replace(/\(.*$/, '') } : {}),
      };
    const colon = /^:([\w$]+)(?:\(.*\))?(\?)?$/.exec(part);
    if (colon) return { kind: 'param', name: colon[1]!, optional: Boolean(colon[2]), catchAll: false };
    if (part === '*' || part === '(.*)' || part === '**')
      return { kind: 'param', name: '*', optional: true, catchAll: true };
    return { kind: 'literal', text: part };
  });
}

/** The path of a call URL: scheme and host dropped, an unknown base (`{}` before the first `/`) dropped, query and fragment dropped. */
export function callPath(url: string): CallSegment[] | undefined {
  let rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\/\/[^/]*/, '');
  // Nothing but holes: the URL is not known statically at all.
  if (rest.includes('{}') && rest.replace(/\{\}|\//g, '') === '') return undefined;
  rest = rest.replace(/^\{\}(?=\/|$)/, '').replace(/[?#].*$/, '');
  const segments = splitPath(rest).map(
    (part): CallSegment => (part.includes('{}') ? holeSegment(part) : { kind: 'literal', text: part }),
  );
  return segments;
}

function holeSegment(part: string): CallSegment {
  const prefix = part.slice(0, part.indexOf('{}'));
  const suffix = part.slice(part.lastIndexOf('{}') + 2);
  return { kind: 'hole', ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

/** Whether a route literal can be what a call hole with text around it (`items{}`) produces. */
function holeFits(hole: { prefix?: string; suffix?: string }, text: string, caseInsensitive: boolean): boolean {
  const fold = (t: string) => (caseInsensitive ? t.toLowerCase() : t);
  const literal = fold(text);
  return literal.startsWith(fold(hole.prefix ?? '')) && literal.endsWith(fold(hole.suffix ?? ''));
}

/**
 * How loosely the route matches (lower is more specific), or undefined when it does not:
 * a route parameter costs 2, a call hole standing where the route has a literal costs 3 (a guess).
 */
export function matchScore(
  call: readonly CallSegment[],
  route: readonly RouteSegment[],
  caseInsensitive: boolean,
): number | undefined {
  let score = 0;
  let i = 0;
  for (; i < route.length; i++) {
    const r = route[i]!;
    const c = call[i];
    if (r.kind === 'param' && r.catchAll) return score + 2;
    if (!c) return route.slice(i).every((s) => s.kind === 'param' && s.optional) ? score : undefined;
    if (r.kind === 'literal') {
      if (c.kind === 'hole') {
        if (!holeFits(c, r.text, caseInsensitive)) return undefined;
        score += 3;
      } else if (caseInsensitive ? c.text.toLowerCase() !== r.text.toLowerCase() : c.text !== r.text) return undefined;
    } else {
      if (c.kind === 'literal' && !satisfies(c.text, r.constraint)) return undefined;
      score += 2;
    }
  }
  return i === call.length ? score : undefined;
}

function satisfies(text: string, constraint: string | undefined): boolean {
  switch (constraint) {
    case 'int':
    case 'long':
      return /^-?\d+$/.test(text);
    case 'bool':
      return /^(true|false)$/i.test(text);
    case 'guid':
      return /^[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}$/i.test(text);
    case 'alpha':
      return /^[a-z]+$/i.test(text);
    default:
      return true;
  }
}

/** `/invoices/{id}`: the route as an endpoint id shows it; ASP.NET literals lower-cased. */
export function displayRoute(segments: readonly RouteSegment[], caseInsensitive: boolean): string {
  const parts = segments.map((s) =>
    s.kind === 'literal'
      ? caseInsensitive
        ? s.text.toLowerCase()
        : s.text
      : `{${s.catchAll ? '*' : ''}${s.name}${s.optional && !s.catchAll ? '?' : ''}}`,
  );
  return `/${parts.join('/')}`;
}

export function displayCall(segments: readonly CallSegment[]): string {
  return `/${segments.map((s) => (s.kind === 'literal' ? s.text : `${s.prefix ?? ''}{}${s.suffix ?? ''}`)).join('/')}`;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

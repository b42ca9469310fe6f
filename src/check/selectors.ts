/**
 * Config selectors (`namespace:Harbor.Billing.**`, `table:identity.*`,
 * `repo:harbor-web`, `cluster:billing`) matched against the units of a dependency. A namespace
 * pattern is dotted (`*` one segment, `**` any number, `X.**` is X and below);
 * the others are globs over `/` paths (`dir/**` is the folder and all below it);
 * table names are matched case-insensitively.
 */
import path from 'node:path';
import type { DependencyKind } from '../core/check.js';
import type { RuleKind } from '../config/rules.js';
import type { UnitIndex } from './units.js';

type Facet = 'cluster' | 'repo' | 'project' | 'namespace' | 'path' | 'table' | 'endpoint';
type Facets = Partial<Record<Facet, string[]>>;

export class SelectorMatcher {
  private readonly patterns = new Map<string, { facet: Facet; regex: RegExp }>();
  private readonly facets = new Map<string, Facets>();

  constructor(private readonly units: UnitIndex) {}

  /** Whether any of the selectors names the unit. */
  matches(selectors: readonly string[] | undefined, unit: string): boolean {
    if (!selectors) return true;
    const facets = this.facetsOf(unit);
    return selectors.some((selector) => {
      const { facet, regex } = this.compiled(selector);
      return (facets[facet] ?? []).some((value) => regex.test(value));
    });
  }

  private compiled(selector: string): { facet: Facet; regex: RegExp } {
    let compiled = this.patterns.get(selector);
    if (!compiled) {
      const colon = selector.indexOf(':');
      const facet = selector.slice(0, colon) as Facet;
      const pattern = selector.slice(colon + 1);
      compiled = {
        facet,
        regex:
          facet === 'namespace'
            ? dottedPattern(pattern)
            : globPattern(pattern, facet === 'table' || facet === 'cluster'),
      };
      this.patterns.set(selector, compiled);
    }
    return compiled;
  }

  private facetsOf(unit: string): Facets {
    let facets = this.facets.get(unit);
    if (!facets) {
      facets = this.resolve(unit);
      this.facets.set(unit, facets);
    }
    return facets;
  }

  private resolve(unit: string): Facets {
    // A cluster of the baseline's decomposition answers to its id (`billing`, `members-2`).
    if (unit.startsWith('cluster:')) return { cluster: [unit.slice('cluster:'.length)] };
    const node = this.units.node(unit);
    const repo = node?.repo ? { repo: [node.repo] } : {};
    switch (node?.kind) {
      case 'repo':
        return { repo: [node.name] };
      case 'project':
        return { ...repo, ...this.projectFacets(unit) };
      case 'namespace': {
        const project = node.data?.project;
        return { ...repo, namespace: [node.name], ...(project ? this.projectFacets(project) : {}) };
      }
      case 'module':
        return { ...repo, path: node.repo && node.path ? [`${node.repo}/${node.path}`] : [] };
      case 'table':
      case 'procedure':
        return { ...repo, table: [node.name.toLowerCase(), unit.slice(unit.indexOf(':') + 1)] };
      case 'endpoint':
        return { ...repo, endpoint: [node.name] };
      default:
        return {};
    }
  }

  /** A project answers to its path (`repo/src/X/X.csproj`), its folder and its name. */
  private projectFacets(project: string): Facets {
    const node = this.units.node(project);
    if (!node?.repo || !node.path) return {};
    const file = `${node.repo}/${node.path}`;
    return { project: [file, node.name], path: [path.posix.dirname(file)] };
  }
}

/** Whether a rule's `kinds` (absent: all) cover a dependency kind. */
export function coversKind(kinds: readonly RuleKind[] | undefined, kind: DependencyKind): boolean {
  if (!kinds) return true;
  return kinds.some(
    (k) =>
      k === kind ||
      (k === 'table' && (kind === 'read' || kind === 'write' || kind === 'execute')) ||
      (k === 'call' && (kind === 'http' || kind === 'grpc')),
  );
}

function dottedPattern(pattern: string): RegExp {
  const parts = pattern.split('.');
  let source = '';
  parts.forEach((part, i) => {
    const dot = i === 0 ? '' : '\\.';
    if (part === '**') source += i === 0 ? '(?:[^.]+(?:\\.[^.]+)*)?' : `(?:${dot}[^.]+)*`;
    else source += dot + part.split('*').map(escapeRegex).join('[^.]*');
  });
  return new RegExp(`^${source}$`);
}

function globPattern(pattern: string, ignoreCase: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '/' && pattern.slice(i) === '/**') {
      // `src/core/**` is the folder and everything below it
      source += '(?:/.*)?';
      break;
    }
    if (char === '*' && pattern[i + 1] === '*') {
      // `**/` matches no folder too
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += escapeRegex(char);
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
}

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** Test support for the C# extractor: one parser, facts of a snippet, and common views of them. */
import { expect } from 'vitest';
import type { CSharpCallSite, CSharpFileFacts, CSharpTypeFacts, CSharpTypeReference } from '../../core/facts.js';
import { extractCSharp, loadCSharpParser, type CSharpParser } from './extractCSharp.js';

let parser: CSharpParser | undefined;

/** For `beforeAll`: loads the (cached) parser. */
export async function loadParser(): Promise<void> {
  parser = await loadCSharpParser();
}

/** Facts of `text`, which must parse without problems (or, with `allowWarnings`, without errors). */
export function factsOf(text: string, { allowWarnings = false } = {}): CSharpFileFacts {
  if (!parser) throw new Error('call loadParser() in beforeAll first');
  const outcome = extractCSharp(parser, text);
  expect(allowWarnings ? outcome.problems.filter((p) => p.severity === 'error') : outcome.problems).toEqual([]);
  if (!outcome.facts) throw new Error('no facts');
  return outcome.facts;
}

/** References of the first type declared in `text`. */
export function referencesOf(text: string): CSharpTypeReference[] {
  const type = factsOf(text).types[0];
  if (!type) throw new Error('no type');
  return type.references;
}

/** Referenced names of the first type, sorted. */
export function namesOf(text: string): string[] {
  return referencesOf(text)
    .map((r) => r.name)
    .sort();
}

/** Wraps statements in a method of class `C`. */
export function inMethod(statements: string): string {
  return `class C { void M(object o) { ${statements} } }`;
}

export function typeNamed(file: CSharpFileFacts, fullName: string): CSharpTypeFacts {
  const type = file.types.find((t) => t.fullName === fullName);
  if (!type) throw new Error(`no type ${fullName} in ${file.types.map((t) => t.fullName).join(', ')}`);
  return type;
}

/** Call sites in `body`, placed in method `M` of `Harbor.Data.Repo`. */
export function sitesIn(body: string): CSharpCallSite[] {
  return factsOf(`namespace Harbor.Data {\n class Repo {\n  void M(int id) {\n${body}\n  }\n }\n}`).callSites;
}

/** A call site reduced to what most tests check. */
export function shape(site: CSharpCallSite | undefined): unknown {
  if (!site) throw new Error('no call site');
  return {
    method: site.method,
    receiver: site.receiver,
    isConstructor: site.isConstructor,
    strings: site.strings.map(({ index, parameter, value }) => ({ index, parameter, text: value.text })),
    identifiers: site.identifiers,
  };
}

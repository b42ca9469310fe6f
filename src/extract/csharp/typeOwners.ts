import type { CSharpTypeFacts, CSharpTypeKind } from '../../core/facts.js';
import { ReferenceOwner } from './referenceOwner.js';
import type { WalkContext } from './walkContext.js';

export interface TypeHeading {
  name: string;
  kind: CSharpTypeKind;
  modifiers: string[];
  line: number;
  endLine: number;
}

export interface DeclaredType {
  readonly owner: ReferenceOwner;
  readonly facts: CSharpTypeFacts;
}

/**
 * Registers a type declared inside the current owner (a type or the file);
 * the caller makes the returned owner `ctx.owner` while walking the body.
 */
export function openTypeOwner(ctx: WalkContext, heading: TypeHeading): DeclaredType {
  const enclosing = ctx.owner;
  const prefix = enclosing.type?.fullName ?? ctx.namespace;
  const facts: CSharpTypeFacts = {
    name: heading.name,
    fullName: prefix === '' ? heading.name : `${prefix}.${heading.name}`,
    namespace: ctx.namespace,
    kind: heading.kind,
    modifiers: heading.modifiers,
    bases: [],
    attributes: [],
    members: [],
    references: [],
    line: heading.line,
    endLine: heading.endLine,
    loc: 0, // set from line counts once the file is walked
    complexity: 1,
  };
  const declared = { owner: new ReferenceOwner(enclosing, facts), facts };
  ctx.types.push(declared);
  return declared;
}

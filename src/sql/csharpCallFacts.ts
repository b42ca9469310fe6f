/**
 * The C# call-site facts this layer reads. Until the `calls` branch (which adds
 * them to `CSharpFileFacts` in src/core/facts.ts) is merged, the contract is
 * mirrored here, field for field; after the merge this file only re-exports.
 */
import type { CSharpFileFacts } from '../core/facts.js';

export interface CSharpStringValue {
  text: string;
  form: 'regular' | 'verbatim' | 'raw' | 'interpolated' | 'concatenation';
  dynamic: boolean;
  line: number;
  column: number;
}

export interface CSharpNamedValueArgument {
  index: number;
  parameter?: string;
  identifier: string;
}

export interface CSharpCallSite {
  method: string;
  receiver?: string;
  isConstructor: boolean;
  strings: { index: number; parameter?: string; value: CSharpStringValue }[];
  identifiers: CSharpNamedValueArgument[];
  ownerType?: string;
  ownerMember?: string;
  line: number;
  column: number;
}

export interface CSharpStringDeclaration {
  name: string;
  kind: 'local' | 'const' | 'field' | 'property' | 'assignment';
  value: CSharpStringValue;
  ownerType?: string;
  ownerMember?: string;
}

/** C# facts with the call-site fields (present once the extractor produces them). */
export type CSharpFactsWithCalls = CSharpFileFacts & {
  callSites?: CSharpCallSite[];
  stringDeclarations?: CSharpStringDeclaration[];
};

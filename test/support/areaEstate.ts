/**
 * A one-project monolith of areas for clustering tests: each area is a ring of
 * types that use each other, all of them using a `Common` hub, so the
 * namespaces are the areas unless a test moves a type into another one.
 */
import type { EstateBuilder } from './estateBuilder.js';

export const MONOLITH_PROJECT = 'Shop/Shop.csproj';

export interface AreaSpec {
  /** Namespace segment under `Shop.`: `Billing` → `Shop.Billing.*`. */
  name: string;
  /** Type names of the area, in ring order. */
  types: readonly string[];
}

/** Declares the areas' types and references; returns the full names by area, and the Common hub types. */
export function declareAreas(
  b: EstateBuilder,
  areas: readonly AreaSpec[],
  options: { common?: boolean } = {},
): { byArea: Map<string, string[]>; common: string[] } {
  const inMonolith = (file: string) => ({ repo: 'shop', file, project: MONOLITH_PROJECT });
  const common = options.common === false ? [] : ['Shop.Common.Guard', 'Shop.Common.Clock'];
  for (const type of common) b.type(type, inMonolith(`Common/${type.split('.').pop()}.cs`));
  const byArea = new Map<string, string[]>();
  for (const area of areas) {
    const names = area.types.map((t) => `Shop.${area.name}.${t}`);
    byArea.set(area.name, names);
    names.forEach((name, i) => {
      b.type(name, inMonolith(`${area.name}/${area.types[i]}.cs`));
      b.typeRef(name, names[(i + 1) % names.length]!, 3);
      if (i % 2 === 0) b.typeRef(name, names[(i + 2) % names.length]!, 2);
      for (const hub of common) b.typeRef(name, hub, 1);
    });
  }
  return { byArea, common };
}

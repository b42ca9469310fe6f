/**
 * TypeScript's compiler API, the copy ts-morph bundles (so tsconfig reading and module
 * resolution keep the exact compiler they had), loaded without the 4 MB of ts-morph around
 * it: a third less start-up for the one thread that needs it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ts as Ts } from 'ts-morph';

export type TypeScript = typeof Ts;

let loaded: TypeScript | undefined;

/** Synchronous, loaded once per thread on first use. */
export function loadTypeScript(): TypeScript {
  loaded ??= requireTypeScript();
  return loaded;
}

function requireTypeScript(): TypeScript {
  const require = createRequire(import.meta.url);
  const viaTsMorph = createRequire(require.resolve('ts-morph'));
  // @ts-morph/common's entry is dist/ts-morph-common.js, which itself requires './typescript'.
  const bundled = path.join(path.dirname(viaTsMorph.resolve('@ts-morph/common')), 'typescript.js');
  try {
    return require(bundled) as TypeScript;
  } catch (error) {
    // Another layout of ts-morph's packages: its own export is the same compiler, only slower to reach.
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return (require('ts-morph') as { ts: TypeScript }).ts;
  }
}

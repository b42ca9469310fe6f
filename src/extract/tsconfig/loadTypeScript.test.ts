import { createRequire } from 'node:module';
import type { ts as Ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { loadTypeScript } from './loadTypeScript.js';

describe('loadTypeScript', () => {
  it('is the compiler ts-morph bundles, so resolution and tsconfig reading stay as they were', () => {
    const { ts } = createRequire(import.meta.url)('ts-morph') as { ts: typeof Ts };
    const loaded = loadTypeScript();
    expect(loaded.version).toBe(ts.version);
    expect(typeof loaded.resolveModuleName).toBe('function');
    expect(loadTypeScript()).toBe(loaded);
  });
});

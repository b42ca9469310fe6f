import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { factorWeightsOf } from './candidates.js';
import { loadConfig } from './load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assess-candidates-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const load = (config: unknown) => {
  writeFileSync(path.join(dir, 'assess.config.json'), JSON.stringify(config));
  return loadConfig(dir).config;
};

describe('candidates in assess.config.json', () => {
  it('takes the factor weights given and leaves the others to their defaults', () => {
    expect(factorWeightsOf(load({ candidates: { weights: { inboundCalls: 2, churn: 0 } } }).candidates)).toEqual({
      inboundCalls: 2,
      churn: 0,
    });
    expect(factorWeightsOf(load({}).candidates)).toEqual({});
  });

  it('names the offending key: a misspelt factor, a negative weight, a stray key', () => {
    expect(() => load({ candidates: { weights: { inboundCall: 2 } } })).toThrow(
      'candidates.weights.inboundCall: unknown key',
    );
    expect(() => load({ candidates: { weights: { size: -1 } } })).toThrow(/candidates\.weights\.size: /);
    expect(() => load({ candidates: { pilot: 'billing' } })).toThrow('candidates.pilot: unknown key');
  });
});

/**
 * Names from scanned code that a plain object would answer from its prototype
 * (`$.hasOwnProperty`, a file called `constructor`): they must read as unknown
 * names, and every result must survive the structured clone a worker sends back.
 */
import { describe, expect, it } from 'vitest';
import { classifyFile } from '../discover/classify.js';
import { parseWindow } from '../history/window.js';
import { extractFile } from './extractFile.js';

describe('names that Object.prototype also has', () => {
  it('a jQuery member such as $.hasOwnProperty is not an HTTP call', () => {
    const text = [
      "import $ from 'jquery';",
      "if ($.hasOwnProperty('default')) $.constructor('x');",
      "$.toString('/api/not-a-call');",
      "$.get('/api/orders');",
    ].join('\n');
    const outcome = extractFile('javascript', 'wwwroot/js/site.js', text, {});
    const facts = structuredClone(outcome.facts);
    expect(facts).toMatchObject({ kind: 'js' });
    const calls = (facts as { httpCalls?: { method: string; url?: unknown }[] }).httpCalls ?? [];
    expect(calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('a file named like a prototype member has no kind', () => {
    expect(classifyFile('constructor')).toBeUndefined();
    expect(classifyFile('__proto__')).toBeUndefined();
    expect(classifyFile('x.hasOwnProperty')).toBeUndefined();
  });

  it('a history window in such units is not a duration', () => {
    expect(parseWindow('3constructor')).toBeUndefined();
  });

  it('an MSBuild props file named like a prototype member is read as an imported props file', () => {
    const outcome = extractFile(
      'msbuild-props',
      'constructor',
      '<Project><PropertyGroup><LangVersion>latest</LangVersion></PropertyGroup></Project>',
      {},
    );
    expect(structuredClone(outcome.facts)).toMatchObject({ file: 'imported' });
  });
});

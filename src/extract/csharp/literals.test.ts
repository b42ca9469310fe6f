import { describe, expect, it } from 'vitest';
import { attributeArgumentText } from './literals.js';
import { normalizeName, stripAttributeSuffix } from './names.js';

describe('attributeArgumentText', () => {
  it('unquotes regular strings and decodes escapes', () => {
    expect(attributeArgumentText('string_literal', '"api/{id}"')).toBe('api/{id}');
    expect(attributeArgumentText('string_literal', String.raw`"a\"b\\c\n\u0041"`)).toBe('a"b\\c\nA');
    expect(attributeArgumentText('string_literal', '"utf8"u8')).toBe('utf8');
  });

  it('unquotes verbatim strings', () => {
    expect(attributeArgumentText('verbatim_string_literal', '@"C:\\temp\\""x"""')).toBe('C:\\temp\\"x"');
  });

  it('unquotes raw strings, single- and multi-line', () => {
    expect(attributeArgumentText('raw_string_literal', '"""say "hi" """')).toBe('say "hi" ');
    expect(attributeArgumentText('raw_string_literal', '""""\n    line one\n      line two\n    """"')).toBe(
      'line one\n  line two',
    );
  });

  it('keeps other expressions as written', () => {
    expect(attributeArgumentText('integer_literal', '42')).toBe('42');
    expect(attributeArgumentText('typeof_expression', 'typeof(Invoice)')).toBe('typeof(Invoice)');
    expect(attributeArgumentText('interpolated_string_expression', '$"{Base}/x"')).toBe('$"{Base}/x"');
  });
});

describe('names', () => {
  it('normalises global:: and alias::', () => {
    expect(normalizeName('global::Harbor . Billing')).toBe('Harbor.Billing');
    expect(normalizeName('Ali::Invoice')).toBe('Ali.Invoice');
  });

  it('strips a trailing Attribute except from Attribute itself', () => {
    expect(stripAttributeSuffix('ObsoleteAttribute')).toBe('Obsolete');
    expect(stripAttributeSuffix('Mvc.RouteAttribute')).toBe('Mvc.Route');
    expect(stripAttributeSuffix('Attribute')).toBe('Attribute');
    expect(stripAttributeSuffix('System.Attribute')).toBe('System.Attribute');
    expect(stripAttributeSuffix('Route')).toBe('Route');
  });
});

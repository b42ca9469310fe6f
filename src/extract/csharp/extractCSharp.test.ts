import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, factsOf, typeNamed } from './testing.js';
import { loadCSharpParser } from './extractCSharp.js';

beforeAll(loadParser);

describe('loadCSharpParser', () => {
  it('returns one cached parser', async () => {
    expect(await loadCSharpParser()).toBe(await loadCSharpParser());
  });
});

describe('usings', () => {
  it('reads plain, static, global, alias and global:: forms', () => {
    const file = facts(
      [
        'using System;',
        'using static System.Math;',
        'global using Harbor.Common;',
        'global using static global::Harbor.Guard;',
        'using Inv = Harbor.Billing.Invoice;',
        'namespace A { using Inner.Ns; }',
      ].join('\n'),
    );
    expect(file.usings).toEqual([
      { target: 'System', isStatic: false, isGlobal: false, line: 1 },
      { target: 'System.Math', isStatic: true, isGlobal: false, line: 2 },
      { target: 'Harbor.Common', isStatic: false, isGlobal: true, line: 3 },
      { target: 'Harbor.Guard', isStatic: true, isGlobal: true, line: 4 },
      { target: 'Harbor.Billing.Invoice', alias: 'Inv', isStatic: false, isGlobal: false, line: 5 },
      { target: 'Inner.Ns', isStatic: false, isGlobal: false, line: 6 },
    ]);
    // Namespaces named by usings are not type references.
    expect(file.fileReferences).toEqual([]);
  });
});

describe('namespaces and type names', () => {
  it('composes nested block namespaces and names nested types', () => {
    const file = facts(`
namespace Harbor {
  namespace Billing.Core {
    public class Invoice {
      public class Line { private struct Amount { } }
      public enum Status { Open, Paid }
    }
  }
  interface IRoot { }
}`);
    expect(file.namespaces).toEqual(['Harbor', 'Harbor.Billing.Core']);
    expect(file.types.map((t) => [t.fullName, t.namespace, t.kind])).toEqual([
      ['Harbor.Billing.Core.Invoice', 'Harbor.Billing.Core', 'class'],
      ['Harbor.Billing.Core.Invoice.Line', 'Harbor.Billing.Core', 'class'],
      ['Harbor.Billing.Core.Invoice.Line.Amount', 'Harbor.Billing.Core', 'struct'],
      ['Harbor.Billing.Core.Invoice.Status', 'Harbor.Billing.Core', 'enum'],
      ['Harbor.IRoot', 'Harbor', 'interface'],
    ]);
    expect(typeNamed(file, 'Harbor.Billing.Core.Invoice.Line.Amount').modifiers).toEqual(['private']);
  });

  it('applies a file-scoped namespace to every following declaration', () => {
    const file = facts(`using System;

namespace Harbor.Shipping;

public sealed record Parcel(string Id, decimal Weight);
file class Helper { }
internal readonly record struct Point(int X, int Y);
public record class Box;
public delegate void Shipped(Parcel parcel);`);
    expect(file.namespaces).toEqual(['Harbor.Shipping']);
    expect(file.types.map((t) => [t.fullName, t.kind, t.modifiers])).toEqual([
      ['Harbor.Shipping.Parcel', 'record', ['public', 'sealed']],
      ['Harbor.Shipping.Helper', 'class', ['file']],
      ['Harbor.Shipping.Point', 'record struct', ['internal', 'readonly']],
      ['Harbor.Shipping.Box', 'record', ['public']],
      ['Harbor.Shipping.Shipped', 'delegate', ['public']],
    ]);
    expect(typeNamed(file, 'Harbor.Shipping.Parcel').members.map((m) => [m.name, m.kind])).toEqual([
      ['Id', 'property'],
      ['Weight', 'property'],
    ]);
  });

  it('strips generic parameters from names and bases, keeping qualified bases as written', () => {
    const file = facts(`
namespace Data {
  public abstract partial class Repository<TEntity, TKey> : Models.Base<TEntity>, global::Data.IRepository<TEntity>, IDisposable
      where TEntity : class, IEntity, new()
  { }
  enum Small : byte { A }
}`);
    const repo = typeNamed(file, 'Data.Repository');
    expect(repo.name).toBe('Repository');
    expect(repo.modifiers).toEqual(['public', 'abstract', 'partial']);
    expect(repo.bases).toEqual(['Models.Base', 'Data.IRepository', 'IDisposable']);
    expect(typeNamed(file, 'Data.Small').bases).toEqual([]);
  });

  it('puts types in the global namespace when none is declared', () => {
    const file = facts('class Program { static void Main() { } }');
    expect(file.namespaces).toEqual([]);
    expect(file.types[0]).toMatchObject({ name: 'Program', fullName: 'Program', namespace: '' });
  });
});

describe('text encodings', () => {
  it('handles a leading BOM and CRLF line endings', () => {
    const text =
      '\uFEFFusing System;\r\n\r\nnamespace Crlf\r\n{\r\n    // note\r\n    public class Doc : Base\r\n    {\r\n    }\r\n}\r\n';
    const file = facts(text);
    expect(file.usings).toEqual([{ target: 'System', isStatic: false, isGlobal: false, line: 1 }]);
    expect(file.types[0]).toMatchObject({ fullName: 'Crlf.Doc', bases: ['Base'], line: 6, endLine: 8, loc: 3 });
    expect(file.loc).toBe(7);
    expect(file.syntaxErrorCount).toBe(0);
  });
});

describe('top-level statements', () => {
  it('reports references outside types as file references', () => {
    const file = facts(`using Harbor.Billing;
[assembly: InternalsVisibleTo("Harbor.Tests")]
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddScoped<IInvoiceService, InvoiceService>();
if (args.Length > 0) Console.WriteLine(nameof(Program));
record Dto(int Id);`);
    expect(file.fileReferences.map((r) => r.name).sort()).toEqual(
      ['Console', 'IInvoiceService', 'InternalsVisibleTo', 'InvoiceService', 'Program', 'WebApplication'].sort(),
    );
    expect(file.types.map((t) => t.fullName)).toEqual(['Dto']);
    expect(file.complexity).toBe(2);
  });
});

function facts(text: string) {
  return factsOf(text, { allowWarnings: true });
}

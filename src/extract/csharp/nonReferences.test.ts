import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, factsOf as extract, namesOf, inMethod } from './testing.js';

beforeAll(loadParser);

describe('names that are not type references', () => {
  it('ignores predefined and implicit types', () => {
    expect(
      namesOf(
        inMethod(
          'int a = 0; string s = ""; object b = null; dynamic d = null; var v = 1; ' +
            'decimal? m = null; nint p = 0; bool[] f = null; (int, string) t = default;',
        ),
      ),
    ).toEqual([]);
  });

  it('ignores type parameters of the type, its methods and local functions', () => {
    expect(
      namesOf(`class Repo<TEntity> where TEntity : class {
        TEntity Find() => default(TEntity);
        TResult Map<TResult>(Func<TEntity, TResult> map) { var t = typeof(TResult); return map(default); }
        void M() { T Local<T>(T x) => x; }
        delegate TOut Converter<TOut>(TEntity input);
      }`),
    ).toEqual(['Func']);
  });

  it('ignores member names, method calls, locals, parameters and properties', () => {
    expect(
      namesOf(`class Billing {
        public int Invoice { get; set; }
        private Ledger _ledger;
        public void Customer() { }
        public void Run(Account account, IList<Row> items) {
          var invoice = Load();
          invoice.Total.ToString();
          account.Close();
          _ledger.Post();
          Invoice.ToString();
          Customer();
          Process(invoice, count: 1);
          this.Process(null, 2);
          items.Where(x => x.Ok).Select(y => y.Id);
          foreach (var line in invoice.Lines) line.Touch();
        }
      }`),
    ).toEqual(['Account', 'IList', 'Ledger', 'Row']);
  });

  it('ignores names inside string literals and comments', () => {
    expect(
      namesOf(
        inMethod(`
        // Invoice.Create() in a comment
        /* new Customer() */
        var s = "Supplier.Load() new Payment()";
        var v = @"Refund.Issue()";
        var r = """Voucher.Redeem()""";
        var i = $"{o} Ledger.Post()";`),
      ),
    ).toEqual([]);
  });

  it('ignores nameof of a local, a method, a local function or a member access on a value', () => {
    expect(
      namesOf(`class C {
        object Get(int id) => null;
        void M(object o) {
          var count = 1;
          int Local() => 0;
          var names = new[] { nameof(count), nameof(Get), nameof(Local), nameof(o.ToString) };
        }
      }`),
    ).toEqual([]);
  });

  it('ignores namespaces, using targets and the implicit args of top-level statements', () => {
    const file = extract(`using Harbor.Billing;
using static Harbor.Guard;
namespace Harbor.Web { }`);
    expect(file.fileReferences).toEqual([]);
    expect(extract('args.ToString();').fileReferences).toEqual([]);
  });
});

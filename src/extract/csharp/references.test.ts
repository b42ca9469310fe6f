import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, factsOf as extract, referencesOf, namesOf, inMethod } from './testing.js';

beforeAll(loadParser);

describe('type positions', () => {
  it('finds member, parameter, return and local types, generic arguments included', () => {
    expect(
      namesOf(`class C : Base<Invoice>, IService {
        private readonly IRepository<Invoice> _repo;
        public Customer? Owner { get; set; }
        public event EventHandler<ChangedArgs> Changed;
        public List<Line[]> Lines(Dictionary<string, Money> totals, ref Amount amount) {
          Tax tax = null;
          (Discount d, int n) pair = default;
          return null;
        }
      }`),
    ).toEqual(
      [
        'Amount',
        'Base',
        'ChangedArgs',
        'Customer',
        'Dictionary',
        'Discount',
        'EventHandler',
        'IRepository',
        'IService',
        'Invoice',
        'Line',
        'List',
        'Money',
        'Tax',
      ].sort(),
    );
  });

  it('finds types in expressions: new, typeof, default, casts, is/as, patterns, catch, generic calls', () => {
    expect(
      namesOf(
        inMethod(`
        var a = new Invoice();
        var t = typeof(Report);
        var d = default(Period);
        var c = (Currency)o;
        var s = o as Supplier;
        if (o is Payment p) { }
        if (o is Refund) { }
        if (o is Models.Credit) { }
        var label = o switch { Voucher v => "v", Coupon => "c", _ => "" };
        try { } catch (BillingException ex) { }
        var items = Get<Item>();
        var arr = new Row[3];
        Func<Query, Answer> f = null;
        var n = nameof(Ledger);
        var q = from Entry e in source select e;`),
      ),
    ).toEqual(
      [
        'Answer',
        'BillingException',
        'Coupon',
        'Currency',
        'Entry',
        'Func',
        'Invoice',
        'Item',
        'Ledger',
        'Models.Credit',
        'Payment',
        'Period',
        'Query',
        'Refund',
        'Report',
        'Row',
        'Supplier',
        'Voucher',
      ].sort(),
    );
  });

  it('records static member access by its left-hand side, qualified names whole', () => {
    expect(
      namesOf(
        inMethod(`
        InvoiceService.Create();
        var rate = Harbor.Billing.Tax.Rate;
        var empty = string.Empty;
        Outer<Inner>.Nested.Run();
        global::System.Console.WriteLine();
        Ali::Models.Invoice.Parse("x");`),
      ),
    ).toEqual(
      ['Ali.Models.Invoice', 'Harbor.Billing.Tax', 'Inner', 'InvoiceService', 'Outer.Nested', 'System.Console'].sort(),
    );
  });

  it('normalises global:: and alias:: in type positions', () => {
    expect(namesOf('class C { global::Harbor.Invoice a; Ali::Invoice b; Models.Invoice c; }')).toEqual([
      'Ali.Invoice',
      'Harbor.Invoice',
      'Models.Invoice',
    ]);
  });

  it('finds attribute types without the Attribute suffix, and generic constraints', () => {
    expect(
      namesOf(`[Serializable, DataContractAttribute]
      class Repo<T> where T : IEntity, new() {
        void Save<U>([NotNull] U item) where U : class, IAudited { }
      }`),
    ).toEqual(['DataContract', 'IAudited', 'IEntity', 'NotNull', 'Serializable']);
  });

  it('merges by name with count and first line', () => {
    const refs = referencesOf(`class C {
      Invoice a;
      Invoice b;
      List<Invoice> c;
    }`);
    expect(refs.find((r) => r.name === 'Invoice')).toEqual({ name: 'Invoice', count: 3, line: 2 });
  });

  it('keeps nested types separate: each reports its own body', () => {
    const file = extract(`class Outer {
      Customer customer;
      class Inner { Supplier supplier; }
    }`);
    expect(file.types.map((t) => [t.fullName, t.references.map((r) => r.name)])).toEqual([
      ['Outer', ['Customer']],
      ['Outer.Inner', ['Supplier']],
    ]);
  });
});

describe('modern and legacy syntax', () => {
  it('walks lambdas, local functions, LINQ, interpolations, switch expressions and unsafe code', () => {
    expect(
      namesOf(`unsafe class C {
        int* p;
        void M(int[] values) {
          Func<int, Result> f = x => new Result(x);
          Action a = delegate(Widget w) { };
          Report Local() => Factory.Build();
          var s = $"{typeof(Audit)} {new Stamp()}";
          var q = from v in values join Customer c in customers on v equals c.Id select new Summary { V = v };
          fixed (byte* b = buffer) { }
          var size = sizeof(Header);
        }
      }`),
    ).toEqual(
      [
        'Action',
        'Audit',
        'Customer',
        'Factory',
        'Func',
        'Header',
        'Report',
        'Result',
        'Stamp',
        'Summary',
        'Widget',
      ].sort(),
    );
  });

  it('reads both branches of #if and skips preprocessor symbols', () => {
    expect(
      namesOf(`class C {
#if DEBUG && TRACE
        DebugLogger log;
#else
        ReleaseLogger log;
#endif
#region Helpers
        Helper h;
#endregion
      }`),
    ).toEqual(['DebugLogger', 'Helper', 'ReleaseLogger']);
  });

  it('reads a record with a primary constructor and base call', () => {
    expect(namesOf('record Order(Customer Buyer, [property: Key] int Id) : Entity(Id), IAggregate;')).toEqual(
      ['Customer', 'Entity', 'IAggregate', 'Key'].sort(),
    );
  });

  it('marks names seen only as the left side of a member access as candidates', () => {
    const refs = referencesOf(`class C {
        Invoice current;
        void M() { Tax.Round(1); DateTime.UtcNow.ToString(); Invoice.Create(); }
      }`);
    expect(refs.find((r) => r.name === 'Tax')).toMatchObject({ candidate: true });
    expect(refs.find((r) => r.name === 'DateTime.UtcNow')).toMatchObject({ candidate: true });
    // Seen in a type position too: a certain reference.
    expect(refs.find((r) => r.name === 'Invoice')).toEqual({ name: 'Invoice', count: 2, line: 2 });
  });
});

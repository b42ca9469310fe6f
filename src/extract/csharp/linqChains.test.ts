import { beforeAll, describe, expect, it } from 'vitest';
import type { CSharpLinqChain } from '../../core/facts.js';
import { factsOf, loadParser } from './testing.js';

beforeAll(loadParser);

const inRepository = (body: string) =>
  factsOf(`namespace Shop.Data {
 class OrderRepository {
  private readonly DbSet<Order> _orders;
  private List<Order> _cache;
  async Task M(int id, List<int> ids, IQueryable<Order> query) {
${body}
  }
 }
}`).linq;
const chainsIn = (body: string): CSharpLinqChain[] => inRepository(body)?.chains ?? [];
const stepNames = (chain: CSharpLinqChain | undefined) => chain?.steps.map((s) => s.name);

describe('LINQ chains', () => {
  it('records a method chain once, with its root, steps and lambda predicate', () => {
    const [chain, ...rest] = chainsIn(
      'var items = await _context.CatalogItems.Where(c => c.BrandId == id && !c.Retired).OrderBy(c => c.Name).ToListAsync();',
    );
    expect(rest).toEqual([]);
    expect(chain?.root).toBe('_context');
    expect(stepNames(chain)).toEqual(['CatalogItems', 'Where', 'OrderBy', 'ToListAsync']);
    expect(chain?.steps[1]?.arguments?.[0]).toEqual({
      kind: 'lambda',
      parameters: ['c'],
      body: {
        kind: 'binary',
        op: '&&',
        left: {
          kind: 'binary',
          op: '==',
          left: { kind: 'member', path: ['c', 'BrandId'] },
          right: { kind: 'member', path: ['id'] },
        },
        right: { kind: 'not', operand: { kind: 'member', path: ['c', 'Retired'] } },
      },
    });
    expect(chain).toMatchObject({
      assignedTo: 'items',
      ownerType: 'Shop.Data.OrderRepository',
      ownerMember: 'M',
      line: 6,
    });
    expect(chain?.text).toBe(
      '_context.CatalogItems.Where(c => c.BrandId == id && !c.Retired).OrderBy(c => c.Name).ToListAsync()',
    );
  });

  it('reads Set<T>(), navigation paths and calls in predicates', () => {
    const [chain] = chainsIn(
      'var o = _db.Set<Order>().Include(x => x.Items).FirstOrDefault(x => x.Buyer.Email == email && ids.Contains(x.Id));',
    );
    expect(chain?.steps[0]).toMatchObject({ name: 'Set', typeArguments: ['Order'], arguments: [] });
    const predicate = chain?.steps[2]?.arguments?.[0];
    expect(predicate).toMatchObject({
      body: {
        left: { left: { kind: 'member', path: ['x', 'Buyer', 'Email'] } },
        right: { kind: 'call', method: 'Contains', target: { kind: 'member', path: ['ids'] } },
      },
    });
  });

  it('reads query syntax as the method steps it means, joined with the call made on it', () => {
    const [chain, ...rest] = chainsIn(`var list = (from c in _db.Items
        join b in _db.Brands on c.BrandId equals b.Id
        where c.Name.StartsWith("a")
        orderby c.Name descending, c.Id
        select c).ToList();`);
    expect(rest).toEqual([]);
    expect(chain?.querySyntax).toBe(true);
    expect(chain?.root).toBe('_db');
    expect(stepNames(chain)).toEqual(['Items', 'Join', 'Where', 'OrderByDescending', 'ThenBy', 'Select', 'ToList']);
    expect(chain?.steps[1]?.arguments?.[0]).toEqual({ kind: 'member', path: ['_db', 'Brands'] });
    expect(chain?.steps[2]?.arguments?.[0]).toMatchObject({ kind: 'lambda', parameters: ['c', 'b'] });
  });

  it('records a query expression with no call on it', () => {
    const [chain] = chainsIn('var q = from c in _db.Items where c.Id == id select c;');
    expect(stepNames(chain)).toEqual(['Items', 'Where', 'Select']);
  });

  it('marks a chain in a loop body, not the loop source', () => {
    const [source, inner] = chainsIn(
      'foreach (var order in _orders.Where(o => o.Open)) { var n = this._orders.Count(x => x.BuyerId == order.BuyerId); }',
    );
    expect(source).toMatchObject({ root: '_orders', assignedTo: 'order', iterated: true });
    expect(source?.inLoop).toBeUndefined();
    expect(inner).toMatchObject({ root: 'this', inLoop: true });
    expect(stepNames(inner)).toEqual(['_orders', 'Count']);
  });

  it('notes collections declared as queryable or in memory, and nothing for other types', () => {
    const collections = inRepository('var sum = 0; string s = "";')?.collections;
    expect(collections).toEqual([
      { name: '_orders', kind: 'query', element: 'Order', ownerType: 'Shop.Data.OrderRepository' },
      { name: '_cache', kind: 'memory', element: 'Order', ownerType: 'Shop.Data.OrderRepository' },
      { name: 'ids', kind: 'memory', element: 'int', ownerType: 'Shop.Data.OrderRepository', ownerMember: 'M' },
      { name: 'query', kind: 'query', element: 'Order', ownerType: 'Shop.Data.OrderRepository', ownerMember: 'M' },
    ]);
  });

  it('notes properties of class and generic types, for navigations; not predefined types', () => {
    const facts = factsOf(`class Order { public int Id { get; set; } public string Name { get; set; }
      public virtual Buyer Buyer { get; set; } public ICollection<OrderItem> Items { get; set; } public Address? Ship { get; set; } }`);
    expect(facts.linq?.properties).toEqual([
      { ownerType: 'Order', name: 'Buyer', type: 'Buyer' },
      { ownerType: 'Order', name: 'Items', type: 'ICollection<OrderItem>' },
      { ownerType: 'Order', name: 'Ship', type: 'Address' },
    ]);
  });

  it('notes a local declared by a cast to a queryable', () => {
    const collections = inRepository('var root = (IQueryable<Order>)_context.Orders;')?.collections;
    expect(collections).toContainEqual({
      name: 'root',
      kind: 'query',
      element: 'Order',
      ownerType: 'Shop.Data.OrderRepository',
      ownerMember: 'M',
    });
  });

  it('gives a chain the declared type of its root, a parameter or a field', () => {
    const facts = factsOf(`class Mapper { private ShopContext _db;
      int A(Basket basket) => basket.Lines.Count(l => l.Open);
      int B() => _db.Orders.Count(o => o.Open); }`);
    expect(facts.linq?.chains.map((c) => [c.root, c.rootType])).toEqual([
      ['basket', 'Basket'],
      ['_db', 'ShopContext'],
    ]);
  });

  it('records nothing for a file without LINQ', () => {
    expect(factsOf('class A { int M(int x) { return x + 1; } }').linq).toBeUndefined();
  });
});

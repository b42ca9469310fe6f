import { describe, expect, it } from 'vitest';
import type { SqlBlock, SqlPredicateLeaf, SqlPredicateNode } from '../../core/facts/sql.js';
import type { LocatedQuery, SqlEstate } from '../../core/sqlEstate.js';
import { estate } from '../../../test/support/estateBuilder.js';
import {
  EF6_CONTEXT,
  EF6_SERVICE,
  EF_CORE_DOMAIN,
  EF_CORE_ENTITIES,
  EF_CORE_MODEL,
  EF_CORE_REPOSITORY,
  EF_CORE_TEST,
} from '../../../test/support/efEstates.js';
import { judgeBlock } from '../serve.js';
import { runAnalyzer } from '../../../test/support/analyzerTester.js';
import unindexedQuery from '../../../analyzers/unindexed-query/index.js';
import nonSargablePredicate from '../../../analyzers/non-sargable-predicate/index.js';

async function sqlOf(files: Record<string, string>): Promise<SqlEstate> {
  const builder = estate();
  for (const [file, text] of Object.entries(files)) builder.csharpSource('shop', file, text);
  const built = await builder.build();
  expect(built.estate.model.diagnostics).toEqual([]);
  return built.provided.sql!;
}

const leaves = (node: SqlPredicateNode | undefined): SqlPredicateLeaf[] =>
  node === undefined ? [] : node.kind === 'leaf' ? [node] : node.items.flatMap(leaves);

/** What a test asserts of a query: its tables, predicate columns by kind, and which accesses no index serves. */
function shape(sql: SqlEstate, located: LocatedQuery) {
  const block = located.query.blocks[0] as SqlBlock;
  const schema = sql.schemaFor(located)!;
  const verdicts = judgeBlock(block, schema, 'transactsql');
  return {
    line: located.query.line,
    tables: block.accesses.map((a) => a.table.name),
    where: leaves(block.where).map(
      (l) =>
        `${block.accesses[l.access!]!.table.name}.${l.column} ${l.op}${l.nonSargable ? ` (${l.nonSargable})` : ''}`,
    ),
    unserved: verdicts.filter((v) => !v.served).map((v) => `${v.table.table.name} ${v.kind} ${v.columns.join(',')}`),
  };
}

describe('EF Core LINQ read as queries', async () => {
  const sql = await sqlOf({
    'src/Data/ShopContext.cs': EF_CORE_MODEL,
    'src/Data/Entities.cs': EF_CORE_ENTITIES,
    'src/Data/ProductRepository.cs': EF_CORE_REPOSITORY,
    'tests/Shop.Tests/ProductTests.cs': EF_CORE_TEST,
    'src/Domain/Basket.cs': EF_CORE_DOMAIN,
  });
  const linq = sql.queries.filter((q) => q.query.api === 'ef-linq');
  const byLine = (line: number) => {
    const found = linq.find((q) => q.query.line === line);
    if (!found) throw new Error(`no LINQ query at line ${line}: ${linq.map((q) => q.query.line).join(', ')}`);
    return shape(sql, found);
  };

  it('reads a filter served by the configured index, and its ordering', () => {
    expect(byLine(6)).toEqual({ line: 6, tables: ['Product'], where: ['Product.BrandId eq'], unserved: [] });
    expect(linq.find((q) => q.query.line === 6)?.query.blocks[0]?.accesses[0]?.orderBy).toEqual(['product_name']);
  });

  it('finds a filter no index serves', () => {
    expect(byLine(7)).toMatchObject({ where: ['Product.Sku eq'], unserved: ['Product where Sku'] });
  });

  it('reads Contains on a string as a leading wildcard, on the mapped column name', () => {
    expect(byLine(8)).toMatchObject({ where: ['Product.product_name range (leading-wildcard)'] });
  });

  it('joins an Include along the foreign key EF indexes, and a navigation path on its key', () => {
    // As for SQL text, the inner side of a join is served by the index on its join column.
    expect(byLine(9)).toEqual({
      line: 9,
      tables: ['Orders', 'OrderLines', 'Customer'],
      where: ['Customer.Email eq'],
      unserved: [],
    });
    const accesses = linq.find((q) => q.query.line === 9)?.query.blocks[0]?.accesses;
    expect(accesses?.map((a) => a.joinColumns)).toEqual([undefined, ['OrderId'], ['Id']]);
  });

  it('reads the model configured through a builder parameter, one configuration class after another in a file', () => {
    const tables = sql.schemas[0]!.schema.tables;
    const customer = [...tables.values()].find((t) => t.table.name === 'Customer');
    expect(customer?.indexes.map((i) => [i.kind, i.columns])).toContainEqual(['unique', ['Email']]);
    const orders = [...tables.values()].find((t) => t.table.name === 'Orders');
    expect(orders?.indexes.map((i) => [i.kind, i.columns])).toContainEqual(['index', ['CustomerId', 'Placed']]);
  });

  it('does not join a many-to-many navigation on a key the child does not have', () => {
    expect(byLine(29)).toMatchObject({ tables: ['Product'], unserved: [] });
  });

  it('reads Any over a collection navigation as the child table joined on its foreign key', () => {
    expect(byLine(32)).toEqual({
      line: 32,
      tables: ['Orders', 'OrderLines'],
      where: ['OrderLines.Quantity range'],
      // Orders has no filter of its own to drive a seek on the lines: the range on Quantity is the restriction, unindexed.
      unserved: ['OrderLines where Quantity'],
    });
  });

  it('reads ExecuteDelete as a write of the filtered rows', () => {
    expect(byLine(31)).toMatchObject({
      tables: ['Product'],
      where: ['Product.Sku eq'],
      unserved: ['Product where Sku'],
    });
    expect(linq.find((q) => q.query.line === 31)?.query.blocks[0]?.accesses[0]?.mode).toBe('write');
  });

  it('joins nothing for an Include of an owned type, and maps it', () => {
    expect(byLine(30)).toMatchObject({ tables: ['Orders'], where: ['Orders.Id eq'], unserved: [] });
  });

  it('resolves a schema given as a constant', () => {
    const orders = linq.find((q) => q.query.line === 10)?.query.blocks[0]?.accesses[0]?.table;
    expect(orders).toEqual({ schema: 'sales', name: 'Orders' });
  });

  it('maps an owned type member to the owner table column', () => {
    expect(byLine(10)).toMatchObject({
      tables: ['Orders'],
      where: ['Orders.ShipTo_City eq'],
      unserved: ['Orders where ShipTo_City'],
    });
  });

  it('reads Find as a key lookup', () => {
    expect(byLine(11)).toMatchObject({ where: ['Product.Id eq'], unserved: [] });
  });

  it('reads query syntax with a join: the range variable ranges over the joined set', () => {
    expect(byLine(12)).toEqual({
      line: 12,
      tables: ['Product', 'Brand'],
      where: ['Brand.Title eq'],
      // Brand drives the join (Product has no filter), and nothing indexes its Title.
      unserved: ['Brand where Title'],
    });
  });

  it('reads a date part of a column as a function of it', () => {
    expect(byLine(13)).toMatchObject({ where: ['Product.Created eq (function)'] });
  });

  it('reads Contains on a captured list as IN, served by the key', () => {
    expect(byLine(14)).toMatchObject({ where: ['Product.Id in'], unserved: [] });
  });

  it('judges a composite index by its leading column', () => {
    expect(byLine(15)).toMatchObject({ where: ['Orders.CustomerId eq', 'Orders.Placed range'], unserved: [] });
  });

  it('reads a query built in a local across statements as one query, where it runs', () => {
    expect(linq.some((q) => q.query.line === 18 || q.query.line === 19)).toBe(false);
    expect(byLine(20)).toMatchObject({
      tables: ['Orders'],
      where: ['Orders.Status eq'],
      unserved: ['Orders where Status'],
    });
  });

  it('follows a local declared by a cast to IQueryable, and each filter added to it', () => {
    expect(byLine(27)).toMatchObject({
      tables: ['Product'],
      where: ['Product.BrandId eq', 'Product.Price range'],
      unserved: [],
    });
  });

  it('reads nothing from lists and arrays of the same entities', () => {
    expect(linq.filter((q) => q.file.startsWith('tests/'))).toEqual([]);
  });

  it("reads nothing from a loaded object's collection or an entity's own one, named like a context's set", () => {
    expect(linq.filter((q) => q.file === 'src/Domain/Basket.cs')).toEqual([]);
  });

  it('says what it read and what it could not map', () => {
    expect(sql.linq.coverage).toEqual({
      queries: 16,
      mapped: 15,
      notMapped: { 'generic-entity': 1, 'unknown-member': 1 },
      inMemory: 9,
    });
  });

  it('gives every query the C# expression as text, a stable key and the application role', () => {
    const first = linq[0]!;
    expect(first.query.text).toBe(
      '_context.Products.Where(p => p.BrandId == brandId).OrderBy(p => p.Name).ToListAsync()',
    );
    expect(first.role).toBe('application');
    expect(new Set(linq.map((q) => q.key)).size).toBe(linq.length);
  });
});

describe('EF6 LINQ read as queries', async () => {
  const sql = await sqlOf({
    'Catalog/Models/CatalogDb.cs': EF6_CONTEXT,
    'Catalog/Services/CatalogService.cs': EF6_SERVICE,
  });
  const byLine = (line: number) =>
    shape(sql, sql.queries.find((q) => q.query.api === 'ef-linq' && q.query.line === line)!);

  it('maps Entity<T>().ToTable, [Table] and [Column]', () => {
    expect(byLine(6)).toEqual({
      line: 6,
      tables: ['CatalogItem', 'Brands'],
      where: ['CatalogItem.Id eq'],
      unserved: [],
    });
    expect(byLine(7)).toMatchObject({
      where: ['CatalogItem.item_name range'],
      unserved: ['CatalogItem where item_name'],
    });
  });

  it('judges a sorted page by its ordering column', () => {
    expect(byLine(8)).toMatchObject({ where: [], unserved: ['CatalogItem order-by item_name'] });
  });

  it('reads Set<T>() as the entity set', () => {
    expect(byLine(9)).toMatchObject({ tables: ['Brands'], unserved: ['Brands where Brand'] });
  });

  it('serves a filter on a navigation foreign key by the index EF creates for it', () => {
    expect(byLine(10)).toMatchObject({ where: ['CatalogItem.CatalogBrandId eq'], unserved: [] });
  });

  it('notes a member the model does not map', () => {
    expect(byLine(11)).toMatchObject({ where: [] });
    expect(sql.linq.coverage.notMapped).toEqual({ 'unknown-member': 1 });
  });
});

describe('LINQ judged by the SQL analyzers', () => {
  const declare = (b: ReturnType<typeof estate>) =>
    b
      .csharpSource('shop', 'src/Data/ShopContext.cs', EF_CORE_MODEL)

      .csharpSource('shop', 'src/Data/Entities.cs', EF_CORE_ENTITIES)
      .csharpSource('shop', 'src/Data/ProductRepository.cs', EF_CORE_REPOSITORY);

  it('unindexed-query reports a LINQ filter as it reports SQL text, with the C# expression as the query', async () => {
    const { findings } = await runAnalyzer(unindexedQuery, declare);
    const sku = findings.find((f) => f.location.line === 7);
    expect(sku).toMatchObject({
      message: 'dbo.Product filters on Sku, which no index serves (full scan)',
      location: { repo: 'shop', file: 'src/Data/ProductRepository.cs', line: 7 },
      data: {
        table: 'dbo.product',
        columns: ['Sku'],
        kind: 'where',
        api: 'ef-linq',
        query: '_context.Products.FirstOrDefaultAsync(p => p.Sku == sku)',
        predicates: ['p.Sku == sku'],
      },
    });
    expect(sku?.data.suggestions).toEqual(['CREATE INDEX [IX_Product_Sku] ON [dbo].[Product] ([Sku]);']);
    // 8 (`Name.Contains`) and 13 (`Created.Year`) are non-sargable-predicate's: no index could serve them.
    expect(findings.map((f) => f.location.line)).toEqual([7, 10, 12, 20, 31, 32]);
    // Same input, same fingerprints.
    const again = await runAnalyzer(unindexedQuery, declare);
    expect(again.findings.map((f) => f.id)).toEqual(findings.map((f) => f.id));
  });

  it('non-sargable-predicate reports a leading wildcard and a function of a column written in LINQ', async () => {
    const { findings } = await runAnalyzer(nonSargablePredicate, declare);
    expect(findings.map((f) => [f.location.line, f.message])).toEqual([
      [
        8,
        '`p.Name.Contains(term)` starts its LIKE pattern with a wildcard; no index on product_name can be used for it',
      ],
      [13, '`p.Created.Year == year` wraps the column in a function; no index on Created can be used for it'],
    ]);
  });
});

describe('EF inheritance', () => {
  it('maps a derived entity without a table of its own to its base table (table per hierarchy)', async () => {
    const sql = await sqlOf({
      // The domain class of the same name comes first and derives from no mapped entity.
      'src/Core/Policies.cs': `namespace Vault.Core { public class GroupProjectAccessPolicy : BasePolicy { public int GroupId { get; set; } } public abstract class BasePolicy { } }`,
      'src/Data/PolicyContext.cs': `using Microsoft.EntityFrameworkCore;
namespace Vault.Data
{
    public class AccessPolicy { public int Id { get; set; } public int ProjectId { get; set; } }
    public class GroupProjectAccessPolicy : AccessPolicy { public int GroupId { get; set; } }
    public class Audit { public int Id { get; set; } }
    public class PolicyContext : DbContext
    {
        public DbSet<AccessPolicy> AccessPolicies { get; set; }
        public DbSet<GroupProjectAccessPolicy> GroupProjectAccessPolicy { get; set; }
        public DbSet<Audit> Audits { get; set; }
        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<AccessPolicy>().ToTable("AccessPolicy");
            builder.Entity<Audit>().ToTable("AuditLog");
        }
    }
    public class PolicyReader
    {
        private readonly PolicyContext _db;
        public int Count(int group) => _db.GroupProjectAccessPolicy.Count(p => p.GroupId == group);
        public int Audited(int id) => _db.Audits.Count(a => a.Id == id);
    }
}`,
    });
    const linq = sql.queries.filter((q) => q.query.api === 'ef-linq');
    expect(linq.map((q) => q.query.blocks[0]!.accesses[0]!.table.name).sort()).toEqual(['AccessPolicy', 'AuditLog']);
  });
});

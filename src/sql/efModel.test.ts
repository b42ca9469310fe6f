import { describe, expect, it } from 'vitest';
import type { RepoModel } from '../core/model.js';
import { extractSqlFacts } from '../extract/sql/extractSql.js';
import { extractCSharp, loadCSharpParser } from '../extract/csharp/extractCSharp.js';
import { buildSqlEstate } from './estate.js';

const parser = await loadCSharpParser();

function repoOf(files: Record<string, string>): RepoModel {
  return {
    name: 'shop',
    path: 'shop',
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const facts = extractCSharp(parser, text).facts;
      const sql = extractSqlFacts('csharp', text, facts).sql;
      return {
        repo: 'shop',
        path,
        kind: 'csharp' as const,
        loc: 1,
        ...(facts ? { facts } : {}),
        ...(sql ? { sql } : {}),
      };
    }),
  };
}

describe('EF model → schema', () => {
  it('names tables from DbSets or [Table], keys from attributes, fluent calls or the Id convention', () => {
    const estate = buildSqlEstate([
      repoOf({
        'ShopContext.cs': `public class ShopContext : DbContext {
        public DbSet<Order> Orders { get; set; }
        public DbSet<Customer> Customers { get; set; }
        protected override void OnModelCreating(ModelBuilder b) { b.Entity<Order>().HasIndex(o => o.PlacedUtc); }
      }`,
        'Order.cs':
          'public class Order { public int Id { get; set; } public DateTime PlacedUtc { get; set; } public int CustomerId { get; set; } }',
        'Customer.cs':
          '[Table("Clients", Schema = "crm")] public class Customer { [Key] public string Code { get; set; } [Index(IsUnique = true)] public string Email { get; set; } }',
      }),
    ]);
    const schema = estate.schemas[0]!.schema;
    const describe = (key: string) => schema.tables.get(key)?.indexes.map((i) => `${i.kind}:${i.columns.join('+')}`);
    expect(estate.schemas.map((d) => d.id)).toEqual(['transactsql']);
    expect([...schema.tables.keys()].sort()).toEqual(['crm.clients', 'dbo.orders']);
    expect(describe('dbo.orders')).toEqual(['index:PlacedUtc', 'primary-key:Id']);
    expect(describe('crm.clients')).toEqual(['primary-key:Code', 'unique:Email']);
    expect(schema.tables.get('dbo.orders')!.sources[0]).toMatchObject({ file: 'Order.cs', source: 'ef-model' });
  });

  it('adds nothing for code without EF', () => {
    expect(buildSqlEstate([repoOf({ 'A.cs': 'public class A { public int Id { get; set; } }' })]).schemas).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { factsOf, loadParser } from '../../extract/csharp/testing.js';
import { readMigrations } from './migrations.js';
import { readModelHints } from './modelHints.js';

beforeAll(loadParser);

const read = (text: string) => readMigrations(factsOf(text).callChains ?? []);
const hints = (text: string) => readModelHints(factsOf(text));
const keys = (tables: ReturnType<typeof read>) =>
  tables.map((t) => [
    t.table.schema ?? '',
    t.table.name,
    t.declares,
    t.indexes.map((i) => `${i.kind}:${i.columns.join('+')}`),
  ]);

describe('EF migrations', () => {
  it('reads EF6 CreateTable with its PrimaryKey/Index chain, CreateIndex and AddPrimaryKey', () => {
    const tables = read(`
      CreateTable(
          "dbo.Users",
          c => new
              {
                  Id = c.Int(nullable: false, identity: true),
                  Email = c.String(nullable: false, maxLength: 256), // "not a ) paren"
              })
          .PrimaryKey(t => t.Id)
          .Index(t => t.Email, unique: true, name: "UX_Users_Email");
      CreateTable("dbo.Members", c => new { ProjectId = c.Int(), UserId = c.Int() })
          .PrimaryKey(t => new { t.ProjectId, t.UserId })
          .ForeignKey("dbo.Users", t => t.UserId)
          .Index(t => t.UserId);
      CreateIndex("dbo.Invoices", new[] { "CustomerId", "IssuedUtc" }, unique: false, name: "IX_Invoices_Customer");
      CreateIndex("dbo.Invoices", "Number", true);
      AddPrimaryKey("dbo.Payments", "Id");
      AddColumn("dbo.Users", "PhoneNumber", c => c.String());`);
    expect(keys(tables)).toEqual([
      ['dbo', 'Users', true, ['primary-key:Id', 'unique:Email']],
      ['dbo', 'Members', true, ['primary-key:ProjectId+UserId', 'index:UserId']],
      ['dbo', 'Invoices', false, ['index:CustomerId+IssuedUtc']],
      ['dbo', 'Invoices', false, ['unique:Number']],
      ['dbo', 'Payments', false, ['primary-key:Id']],
      ['dbo', 'Users', false, []],
    ]);
    expect(tables[0]!.columns).toEqual([
      { name: 'Id', type: 'int' },
      { name: 'Email', type: 'string' },
    ]);
    expect(tables[0]!.indexes[1]!.name).toBe('UX_Users_Email');
    expect(tables[5]!.columns).toEqual([{ name: 'PhoneNumber' }]);
  });

  it('reads EF Core CreateTable constraints and CreateIndex with filter', () => {
    const tables = read(`
      migrationBuilder.CreateTable(
          name: "Orders",
          schema: "sales",
          columns: table => new
          {
              Id = table.Column<int>(type: "int", nullable: false),
              Code = table.Column<string>(maxLength: 20, nullable: false)
          },
          constraints: table =>
          {
              table.PrimaryKey("PK_Orders", x => x.Id);
              table.UniqueConstraint("AK_Orders_Code", x => x.Code);
          });
      migrationBuilder.CreateIndex(
          name: "IX_Orders_Customer",
          schema: "sales",
          table: "Orders",
          columns: new[] { "CustomerId", "PlacedUtc" },
          filter: "[Deleted] = 0");`);
    expect(keys(tables)).toEqual([
      ['sales', 'Orders', true, ['primary-key:Id', 'unique:Code']],
      ['sales', 'Orders', false, ['index:CustomerId+PlacedUtc']],
    ]);
    expect(tables[0]!.columns).toEqual([
      { name: 'Id', type: 'int' },
      { name: 'Code', type: 'string' },
    ]);
    expect(tables[1]!.indexes[0]!.filter).toBe('[Deleted] = 0');
    expect(tables[1]!.indexes[0]!.filterLeaves).toEqual([{ column: 'Deleted', op: 'eq', value: '0' }]);
  });

  it('reads generic EF Core AddColumn<T> and array column types', () => {
    const tables = read(`
      migrationBuilder.AddColumn<bool>(name: "ForcePasswordReset", table: "User", nullable: false, defaultValue: false);
      migrationBuilder.CreateTable(name: "Cache", columns: table => new { Value = table.Column<byte[]>(nullable: true) });`);
    expect(tables.map((t) => [t.table.name, t.declares, t.columns])).toEqual([
      ['Cache', true, [{ name: 'Value', type: 'byte[]' }]],
      ['User', false, [{ name: 'ForcePasswordReset' }]],
    ]);
  });

  it('finds nothing in ordinary code', () => {
    expect(read('var table = CreateTableView(); // CreateTable("dbo.X", c => new { })')).toEqual([]);
  });
});

describe('EF model hints', () => {
  it('reads DbSets, [Table]/[Key]/[Index] attributes and fluent HasKey/HasIndex/ToTable', () => {
    const facts = hints(`
      public class ShopContext : DbContext {
        public DbSet<Order> Orders { get; set; }
        public DbSet<Customer> Customers { get; set; }
        protected override void OnModelCreating(ModelBuilder b) {
          b.Entity<Order>().HasIndex(o => new { o.CustomerId, o.PlacedUtc }).IsUnique();
          b.Entity<Order>().ToTable("SalesOrders", "sales");
          b.Entity<Customer>().HasKey(c => c.Code);
          b.Entity<User>().HasMany(u => u.Roles).WithMany().Map(m => m.ToTable("UserRoles"));
        }
      }
      [Table("Customers", Schema = "crm")]
      [Index(nameof(Email), IsUnique = true)]
      public class Customer {
        [Key] public string Code { get; set; }
        public string Email { get; set; }
        [Index("IX_Name_City", 1)] public string Name { get; set; }
        [Index("IX_Name_City", 2)] public string City { get; set; }
      }
      public class Repository<T> { public DbSet<T> Set { get; set; } }`);
    expect(facts.sets).toEqual([
      { entity: 'Order', name: 'Orders' },
      { entity: 'Customer', name: 'Customers' },
    ]);
    expect(facts.tables).toEqual([
      { entity: 'Customer', table: { schema: 'crm', name: 'Customers' } },
      { entity: 'Order', table: { schema: 'sales', name: 'SalesOrders' } },
    ]);
    expect(facts.keys.map((k) => `${k.entity}:${k.kind}:${k.columns.join('+')}`).sort()).toEqual([
      'Customer:index:Name+City',
      'Customer:primary-key:Code',
      'Customer:primary-key:Code',
      'Customer:unique:Email',
      'Order:unique:CustomerId+PlacedUtc',
    ]);
  });

  it("reads an IEntityTypeConfiguration<T> and keeps a many-to-many Map lambda's join table out of it", () => {
    const facts = hints(`
      public class UserConfiguration : IEntityTypeConfiguration<User> {
        public void Configure(EntityTypeBuilder<User> builder) {
          builder.HasIndex(u => u.Email).IsUnique();
          builder.HasMany(u => u.Roles).WithMany(r => r.Users).Map(m => { m.ToTable("UserRoles"); m.MapLeftKey("UserId"); });
          builder.ToTable("Users", "auth");
        }
      }`);
    expect(facts.tables).toEqual([{ entity: 'User', table: { schema: 'auth', name: 'Users' } }]);
    expect(facts.keys.map((k) => `${k.entity}:${k.kind}:${k.columns.join('+')}`)).toEqual(['User:unique:Email']);
  });
});

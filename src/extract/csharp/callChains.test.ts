import { beforeAll, describe, expect, it } from 'vitest';
import type { CSharpCallChain } from '../../core/facts.js';
import { factsOf, inMethod, loadParser } from './testing.js';

beforeAll(loadParser);

const chainsIn = (statements: string): CSharpCallChain[] | undefined => factsOf(inMethod(statements)).callChains;
const names = (chains: CSharpCallChain[] | undefined): string[][] =>
  (chains ?? []).map((c) => c.links.map((l) => l.name));

describe('call chains: EF migrations', () => {
  it('records an EF Core CreateTable with named arguments, the columns object and the constraints block', () => {
    const [chain] = chainsIn(`
      migrationBuilder.CreateTable(
          name: "Orders",
          columns: table => new
          {
              Id = table.Column<int>(nullable: false),
              Data = table.Column<byte[]>(nullable: true)
          },
          constraints: table =>
          {
              table.PrimaryKey("PK_Orders", x => x.Id);
          });`)!;
    expect(chain).toEqual({
      links: [
        {
          name: 'CreateTable',
          line: 2,
          arguments: [
            { name: 'name', value: { kind: 'string', text: 'Orders' } },
            {
              name: 'columns',
              value: {
                kind: 'lambda',
                parameters: ['table'],
                body: {
                  kind: 'object',
                  members: [
                    {
                      name: 'Id',
                      value: {
                        kind: 'chain',
                        links: [
                          {
                            name: 'Column',
                            line: 6,
                            typeArguments: ['int'],
                            arguments: [{ name: 'nullable', value: { kind: 'literal', text: 'false' } }],
                          },
                        ],
                      },
                    },
                    {
                      name: 'Data',
                      value: {
                        kind: 'chain',
                        links: [
                          {
                            name: 'Column',
                            line: 7,
                            typeArguments: ['byte[]'],
                            arguments: [{ name: 'nullable', value: { kind: 'literal', text: 'true' } }],
                          },
                        ],
                      },
                    },
                  ],
                },
              },
            },
            {
              name: 'constraints',
              value: {
                kind: 'lambda',
                parameters: ['table'],
                statements: [
                  {
                    kind: 'chain',
                    links: [
                      {
                        name: 'PrimaryKey',
                        line: 11,
                        arguments: [
                          { value: { kind: 'string', text: 'PK_Orders' } },
                          { value: { kind: 'lambda', parameters: ['x'], body: { kind: 'name', text: 'x.Id' } } },
                        ],
                      },
                    ],
                  },
                ],
              },
            },
          ],
        },
      ],
    });
  });

  it('records an EF6 CreateTable with the calls chained on it, once, and the shapes of arrays, nameof and projections', () => {
    const chains = chainsIn(`
      CreateTable("dbo.Members", c => new { ProjectId = c.Int() })
          .PrimaryKey(t => new { t.ProjectId, t.UserId })
          .Index(t => t.UserId, unique: true);
      CreateIndex("dbo.Invoices", new[] { "CustomerId", @"Issued""Utc" }, name: nameof(Invoice.Number));
      this.AddColumn("dbo.Users", ["Phone"], (c => c.String()));`);
    expect(names(chains)).toEqual([['CreateTable', 'PrimaryKey', 'Index'], ['CreateIndex'], ['AddColumn']]);
    expect(chains![0]!.links[1]!.arguments).toEqual([
      {
        value: {
          kind: 'lambda',
          parameters: ['t'],
          body: {
            kind: 'object',
            members: [{ value: { kind: 'name', text: 't.ProjectId' } }, { value: { kind: 'name', text: 't.UserId' } }],
          },
        },
      },
    ]);
    expect(chains![1]!.links[0]!.arguments).toEqual([
      { value: { kind: 'string', text: 'dbo.Invoices' } },
      {
        value: {
          kind: 'array',
          items: [
            { kind: 'string', text: 'CustomerId' },
            { kind: 'string', text: 'Issued"Utc' },
          ],
        },
      },
      { name: 'name', value: { kind: 'nameof', text: 'Invoice.Number' } },
    ]);
    expect(chains![2]!.links[0]!.arguments?.slice(1)).toEqual([
      { value: { kind: 'array', items: [{ kind: 'string', text: 'Phone' }] } },
      {
        value: {
          kind: 'lambda',
          parameters: ['c'],
          body: { kind: 'chain', links: [{ name: 'String', line: 6, arguments: [] }] },
        },
      },
    ]);
  });

  it('records nothing for ordinary chains, however lambda-heavy', () => {
    expect(
      chainsIn('var adults = people.Where(p => p.Age > 17).Select(p => new { p.Name }).ToList(); Log("CreateTable");'),
    ).toBeUndefined();
  });
});

describe('call chains: EF model configuration', () => {
  it('records HasKey / HasIndex / ToTable chains made on Entity<T>()', () => {
    const chains = chainsIn(`
      modelBuilder.Entity<Order>().HasIndex(o => new { o.CustomerId, o.PlacedUtc }).IsUnique();
      modelBuilder.Entity<Order>().ToTable("SalesOrders", "sales").HasKey(o => o.Id);`);
    expect(names(chains)).toEqual([
      ['Entity', 'HasIndex', 'IsUnique'],
      ['Entity', 'ToTable', 'HasKey'],
    ]);
    expect(chains![0]!.links[0]).toEqual({ name: 'Entity', line: 2, typeArguments: ['Order'], arguments: [] });
  });

  it('leaves out configuration calls on builders whose entity no type names (migration snapshots)', () => {
    const chains = chainsIn(`
      modelBuilder.Entity("Bit.Core.Cipher", b => { b.HasKey("Id"); b.HasIndex("UserId"); b.ToTable("Cipher"); });`);
    expect(chains).toBeUndefined();
  });

  it('records configuration on a builder a local holds, naming its entity', () => {
    const chains = chainsIn(`
      var e = modelBuilder.Entity<Order>();
      e.HasKey(o => o.Id);`);
    expect(chains?.map((c) => [c.links[0]?.name, c.configures])).toEqual([['HasKey', 'Order']]);
  });

  it('records every configuration chain of an IEntityTypeConfiguration<T>, with the method a lambda body is passed to', () => {
    const file = factsOf(`
class UserConfiguration : IEntityTypeConfiguration<User> {
  public void Configure(EntityTypeBuilder<User> builder) {
    builder.HasKey(u => u.Id);
    builder.HasMany(u => u.Roles).WithMany().Map(m => m.ToTable("UserRoles"));
    builder.OwnsOne(u => u.Address, a => { a.ToTable("Addresses"); });
  }
}`);
    expect(file.callChains?.map((c) => [c.links.map((l) => l.name).join('.'), c.inLambdaOf])).toEqual([
      ['HasKey', undefined],
      ['ToTable', 'Map'],
      ['ToTable', 'OwnsOne'],
    ]);
  });
});

describe('call chains: a model configured through a builder parameter', () => {
  it('names the entity of an EntityTypeBuilder<T> or EntityTypeConfiguration<T> parameter the chain starts on', () => {
    const chains = factsOf(`class ShopContext {
      void ConfigureCustomer(EntityTypeBuilder<Customer> builder) { builder.ToTable("Customer"); }
      void ConfigureItem(EntityTypeConfiguration<Models.Item> item) { item.HasKey(i => i.Id); }
      void Other(ModelBuilder b) { b.HasKey(x => x.Id); }
      void Held(ModelBuilder b) { var eCipher = b.Entity<Cipher>(); eCipher.ToTable(nameof(Cipher)); } }`).callChains;
    expect(chains?.map((c) => [c.links[0]?.name, c.configures])).toEqual([
      ['ToTable', 'Customer'],
      ['HasKey', 'Models.Item'],
      ['ToTable', 'Cipher'],
    ]);
  });
});

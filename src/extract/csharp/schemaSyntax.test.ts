import { beforeAll, describe, expect, it } from 'vitest';
import { factsOf, loadParser, typeNamed } from './testing.js';

beforeAll(loadParser);

describe('EF schema syntax beyond ordinary facts', () => {
  it('gives [Table], [Index] and [PrimaryKey] their arguments as expressions, and no other attribute', () => {
    const type = typeNamed(
      factsOf(`
[Table("Customers", Schema = "crm"), Route("api/customers")]
[Index(nameof(Email), IsUnique = true)]
[System.ComponentModel.DataAnnotations.Schema.Table(Names.Customers)]
public class Customer { [Key] public string Code { get; set; } }`),
      'Customer',
    );
    expect(type.attributes.map((a) => [a.name, a.arguments])).toEqual([
      [
        'Table',
        [{ value: { kind: 'string', text: 'Customers' } }, { name: 'Schema', value: { kind: 'string', text: 'crm' } }],
      ],
      ['Route', undefined],
      [
        'Index',
        [{ value: { kind: 'nameof', text: 'Email' } }, { name: 'IsUnique', value: { kind: 'literal', text: 'true' } }],
      ],
      ['System.ComponentModel.DataAnnotations.Schema.Table', [{ value: { kind: 'name', text: 'Names.Customers' } }]],
    ]);
    expect(type.members[0]?.attributes).toEqual([{ name: 'Key', args: [], line: 5 }]);
  });

  it('keeps the type of DbSet<T> properties only', () => {
    const type = typeNamed(
      factsOf(`
class ShopContext : DbContext {
  public DbSet<Order> Orders { get; set; }
  public Microsoft.EntityFrameworkCore.DbSet<Models.Customer> Customers => Set<Models.Customer>();
  public List<Order> Recent { get; set; }
  private DbSet<Order> _orders;
}`),
      'ShopContext',
    );
    expect(type.members.map((m) => [m.name, m.genericType])).toEqual([
      ['Orders', { name: 'DbSet', arguments: ['Order'] }],
      ['Customers', { name: 'Microsoft.EntityFrameworkCore.DbSet', arguments: ['Models.Customer'] }],
      ['Recent', undefined],
      ['_orders', undefined],
    ]);
  });

  it('keeps generic bases (IEntityTypeConfiguration<T>, List<T>) with their type arguments', () => {
    const file = factsOf(`
class UserConfiguration : IEntityTypeConfiguration<User>, IDisposable { }
class Users : List<User> { }`);
    expect(typeNamed(file, 'UserConfiguration').genericBases).toEqual([
      { name: 'IEntityTypeConfiguration', arguments: ['User'] },
    ]);
    expect(typeNamed(file, 'UserConfiguration').bases).toEqual(['IEntityTypeConfiguration', 'IDisposable']);
    expect(typeNamed(file, 'Users').genericBases).toEqual([{ name: 'List', arguments: ['User'] }]);
    expect(typeNamed(file, 'UserConfiguration').typeParameters).toBeUndefined();
  });
});

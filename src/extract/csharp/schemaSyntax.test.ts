import { beforeAll, describe, expect, it } from 'vitest';
import { factsOf, loadParser, typeNamed } from './testing.js';

beforeAll(loadParser);

describe('EF schema syntax beyond ordinary facts', () => {
  it('keeps IEntityTypeConfiguration<T> bases with their type argument, and no other generic base', () => {
    const file = factsOf(`
class UserConfiguration : IEntityTypeConfiguration<User>, IDisposable { }
class Users : List<User> { }`);
    expect(typeNamed(file, 'UserConfiguration').genericBases).toEqual([{ name: 'IEntityTypeConfiguration', arguments: ['User'] }]);
    expect(typeNamed(file, 'UserConfiguration').bases).toEqual(['IEntityTypeConfiguration', 'IDisposable']);
    expect(typeNamed(file, 'Users').genericBases).toBeUndefined();
  });
});

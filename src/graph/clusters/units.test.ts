import { describe, expect, it } from 'vitest';
import { estate } from '../../../test/support/estateBuilder.js';
import { owningProjects } from './units.js';

describe('the project a file belongs to', () => {
  it('is the project listing it, else the nearest project whose manifest sits in one of its folders', async () => {
    const { estate: built } = await estate()
      .dotnetProject('shop', 'src/Web/Web.csproj')
      .npmProject('shop', 'src/Web/Client/package.json', { private: true })
      .file('shop', 'src/Web/Startup.cs', { project: 'src/Web/Web.csproj' })
      .file('shop', 'src/Web/Client/src/app/cart.service.ts')
      .file('shop', 'src/Web/Server/banner.ts')
      .file('shop', 'tools/seed.ts')
      .build();
    const owner = owningProjects(built.graph);
    expect(owner.get('file:shop/src/Web/Startup.cs')).toBe('project:shop/src/Web/Web.csproj');
    // npm packages list no files: the front end's code is the package's whose folder holds it.
    expect(owner.get('file:shop/src/Web/Client/src/app/cart.service.ts')).toBe(
      'project:shop/src/Web/Client/package.json',
    );
    expect(owner.get('file:shop/src/Web/Server/banner.ts')).toBe('project:shop/src/Web/Web.csproj');
    expect(owner.get('file:shop/tools/seed.ts')).toBeUndefined();
  });
});

/**
 * TS/JS and SQL sources of one generated repository: a web package (modules
 * that import each other and npm packages, fetch the repository's API, a few
 * legacy CommonJS files) and a database project (tables, indexes, procedures).
 */
const NPM_PACKAGES = [
  ['axios', '^0.27.2'],
  ['lodash', '^4.17.21'],
  ['rxjs', '^7.8.1'],
  ['date-fns', '^2.30.0'],
  ['express', '^4.18.2'],
];

export function packageJsonOf(name, random) {
  const dependencies = Object.fromEntries(NPM_PACKAGES.filter(() => random.chance(0.7)));
  dependencies.lodash = '^4.17.21';
  return `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'src/index.ts', dependencies, devDependencies: { typescript: '^4.9.5' } }, null, 2)}\n`;
}

export const TSCONFIG = `${JSON.stringify({ compilerOptions: { target: 'es2019', module: 'commonjs', strict: true, baseUrl: '.' }, include: ['src'] }, null, 2)}\n`;

/** A TS module of about LINES lines importing IMPORTS (module names in the same package). */
export function tsModuleSource(name, { imports, entity, route, lines }) {
  const head = imports.map((m) => `import { ${pascal(m)} } from './${m}';`);
  head.push("import { debounce } from 'lodash';");
  const fields = entity.columns.map((c) => `  ${camel(c.name)}: ${tsType(c.type)};`);
  const body = [];
  let i = 0;
  while (body.length + fields.length + head.length < lines - 25) {
    const other = imports[i % Math.max(imports.length, 1)];
    body.push(
      `  step${i}(items: ${pascal(entity.name)}Row[], limit: number): ${pascal(entity.name)}Row[] {`,
      `    const out: ${pascal(entity.name)}Row[] = [];`,
      '    for (const item of items) {',
      `      if (item.id > limit && out.length < 50) out.push(item);`,
      '    }',
      other ? `    return new ${pascal(other)}().filter(out);` : '    return out;',
      '  }',
      '',
    );
    i++;
  }
  return `${head.join('\n')}

export interface ${pascal(entity.name)}Row {
${fields.join('\n')}
}

export class ${pascal(name)} {
  private readonly cache = new Map<number, ${pascal(entity.name)}Row>();

  async load(id: number): Promise<${pascal(entity.name)}Row> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const response = await fetch(\`/api/${route}/\${id}\`);
    const row = (await response.json()) as ${pascal(entity.name)}Row;
    this.cache.set(id, row);
    return row;
  }

  filter(rows: ${pascal(entity.name)}Row[]): ${pascal(entity.name)}Row[] {
    return rows.filter((row) => row.id > 0);
  }

  readonly refresh = debounce(() => this.cache.clear(), 250);

${body.join('\n')}
}
`;
}

export function indexSource(modules) {
  return `${modules.map((m) => `export { ${pascal(m)} } from './${m}';`).join('\n')}\n`;
}

/** Legacy CommonJS: require, a jQuery-style ajax helper. */
export function legacyJsSource(name, route) {
  return `'use strict';
const _ = require('lodash');

function ${camel(name)}(id, done) {
  var url = '/api/${route}/' + id;
  return fetch(url)
    .then(function (response) { return response.json(); })
    .then(function (data) { done(null, _.pick(data, ['id', 'name'])); })
    .catch(function (error) { done(error); });
}

module.exports = { ${camel(name)}: ${camel(name)} };
`;
}

const SQL_TYPES = {
  string: 'NVARCHAR(200)',
  int: 'INT',
  decimal: 'DECIMAL(18, 2)',
  DateTime: 'DATETIME2',
  bool: 'BIT',
  Guid: 'UNIQUEIDENTIFIER',
  long: 'BIGINT',
};

export function tableScript(entity) {
  const columns = entity.columns.map(
    (c, i) => `    [${c.name}] ${SQL_TYPES[c.type]} ${i === 0 ? 'IDENTITY(1,1) NOT NULL' : 'NULL'},`,
  );
  const indexed = entity.columns[1]?.name ?? 'Id';
  return `CREATE TABLE [dbo].[${entity.table}] (
${columns.join('\n')}
    CONSTRAINT [PK_${entity.table}] PRIMARY KEY CLUSTERED ([Id] ASC)
);
GO

CREATE NONCLUSTERED INDEX [IX_${entity.table}_${indexed}] ON [dbo].[${entity.table}] ([${indexed}]);
GO
`;
}

export function procedureScript(entity, joined) {
  const first = entity.columns[1]?.name ?? 'Id';
  const join = joined ? `    INNER JOIN [dbo].[${joined.table}] j ON j.[Id] = t.[Id]\n` : '';
  return `CREATE PROCEDURE [dbo].[usp_Search${entity.name}]
    @term NVARCHAR(100)
AS
BEGIN
    SET NOCOUNT ON;
    SELECT t.[Id], t.[${first}]
    FROM [dbo].[${entity.table}] t
${join}    WHERE t.[${first}] LIKE @term + '%'
    ORDER BY t.[Id];
END
GO
`;
}

function tsType(type) {
  if (type === 'bool') return 'boolean';
  if (type === 'int' || type === 'decimal' || type === 'long') return 'number';
  return 'string';
}

function pascal(name) {
  return name.replace(/(^|[-_])(\w)/g, (_m, _s, c) => c.toUpperCase());
}

function camel(name) {
  const p = pascal(name);
  return p[0].toLowerCase() + p.slice(1);
}

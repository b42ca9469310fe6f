/**
 * C# sources of one generated repository: a Core project (entities, an EF
 * DbContext with fluent configuration, Dapper repositories), an Api project
 * (controllers, services with LINQ and HttpClient calls) and a Worker project,
 * the SDK-style csproj of each and a solution. Method bodies carry branches and
 * loops so complexity and decisions are exercised, not only declarations.
 */
const PROPERTY_TYPES = ['string', 'int', 'decimal', 'DateTime', 'bool', 'Guid', 'long'];
const PROPERTY_NAMES = ['Name', 'Code', 'Status', 'Amount', 'CreatedAt', 'UpdatedAt', 'Reference', 'Notes', 'Total'];
const PACKAGES = [
  ['Dapper', '2.0.123'],
  ['Newtonsoft.Json', '13.0.1'],
  ['Microsoft.EntityFrameworkCore.SqlServer', '6.0.25'],
  ['Serilog', '2.12.0'],
  ['Polly', '7.2.3'],
];

/** Entities of a repository's domain: names and columns, shared by C#, SQL and TS sources. */
export function entitiesOf(random, area, count) {
  const entities = [];
  for (let e = 0; e < count; e++) {
    const columns = [{ name: 'Id', type: 'int' }];
    const wanted = random.int(4, 8);
    for (let c = 0; columns.length < wanted && c < 20; c++) {
      const name = `${random.pick(PROPERTY_NAMES)}${c % 3 === 0 ? '' : c}`;
      if (!columns.some((col) => col.name === name)) columns.push({ name, type: random.pick(PROPERTY_TYPES) });
    }
    if (e > 0) columns.push({ name: `${area}Item${e - 1}Id`, type: 'int' });
    entities.push({ name: `${area}Item${e}`, table: `${area}Item${e}s`, columns });
  }
  return entities;
}

export function csprojOf(project, { references = [], packages = 3, random }) {
  const refs = references.map((r) => `    <ProjectReference Include="..\\${r}\\${r}.csproj" />`).join('\n');
  const pkgs = PACKAGES.slice(0, packages)
    .map(([name, version]) => `    <PackageReference Include="${name}" Version="${version}" />`)
    .join('\n');
  const framework = random.chance(0.3) ? 'netcoreapp3.1' : 'net6.0';
  return `<Project Sdk="Microsoft.NET.Sdk${project.endsWith('Api') ? '.Web' : ''}">
  <PropertyGroup>
    <TargetFramework>${framework}</TargetFramework>
    <RootNamespace>${project}</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
${pkgs}
  </ItemGroup>
  <ItemGroup>
${refs}
  </ItemGroup>
</Project>
`;
}

export function solutionOf(projects) {
  const lines = ['', 'Microsoft Visual Studio Solution File, Format Version 12.00', '# Visual Studio Version 17'];
  projects.forEach((project, i) => {
    const guid = `{${String(i + 1).padStart(8, '0')}-0000-4000-8000-000000000000}`;
    lines.push(
      `Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "${project}", "src\\${project}\\${project}.csproj", "${guid}"`,
      'EndProject',
    );
  });
  lines.push('Global', 'EndGlobal', '');
  return lines.join('\r\n');
}

export function entitySource(ns, entity) {
  const props = entity.columns.map((c) => `        public ${c.type} ${c.name} { get; set; }`).join('\n');
  return `using System;
using System.Collections.Generic;

namespace ${ns}.Domain
{
    /// <summary>${entity.name} as stored in ${entity.table}.</summary>
    public class ${entity.name}
    {
${props}

        public bool IsValid()
        {
            if (Id <= 0) { return false; }
            return true;
        }
    }
}
`;
}

export function dbContextSource(ns, entities) {
  const sets = entities.map((e) => `        public DbSet<${e.name}> ${e.table} { get; set; }`).join('\n');
  const config = entities
    .map((e) => {
      const second = e.columns[1]?.name ?? 'Id';
      return `            modelBuilder.Entity<${e.name}>(b =>
            {
                b.ToTable("${e.table}", "dbo");
                b.HasKey(x => x.Id);
                b.Property(x => x.${second}).HasColumnName("${second}");
                b.HasIndex(x => x.${second});
            });`;
    })
    .join('\n');
  return `using Microsoft.EntityFrameworkCore;
using ${ns}.Domain;

namespace ${ns}.Data
{
    public class ${ns.replace(/\./g, '')}Context : DbContext
    {
        public ${ns.replace(/\./g, '')}Context(DbContextOptions options) : base(options) { }

${sets}

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
${config}
        }
    }
}
`;
}

export function repositorySource(ns, entity, random) {
  const cols = entity.columns.map((c) => `[${c.name}]`).join(', ');
  const filter = entity.columns[random.int(1, entity.columns.length - 1)]?.name ?? 'Id';
  return `using System.Collections.Generic;
using System.Data;
using System.Linq;
using Dapper;
using ${ns}.Domain;

namespace ${ns}.Data
{
    public class ${entity.name}Repository
    {
        private readonly IDbConnection _connection;

        public ${entity.name}Repository(IDbConnection connection) { _connection = connection; }

        public ${entity.name} GetById(int id)
        {
            return _connection.QuerySingleOrDefault<${entity.name}>("SELECT ${cols} FROM [dbo].[${entity.table}] WHERE [Id] = @id", new { id });
        }

        public IEnumerable<${entity.name}> FindBy${filter}(object value)
        {
            var sql = "SELECT ${cols} FROM [dbo].[${entity.table}] WHERE [${filter}] = @value ORDER BY [Id]";
            return _connection.Query<${entity.name}>(sql, new { value }).ToList();
        }

        public int Delete(int id)
        {
            return _connection.Execute("DELETE FROM [dbo].[${entity.table}] WHERE [Id] = @id", new { id });
        }

        public IEnumerable<${entity.name}> Search(string term)
        {
            return _connection.Query<${entity.name}>("dbo.usp_Search${entity.name}", new { term }, commandType: CommandType.StoredProcedure);
        }
    }
}
`;
}

/** A service or controller of LINES lines that uses DEPS (fully qualified type names) and the context. */
export function serviceSource(ns, kind, name, { deps, entity, coreNs, context, lines, route }) {
  const namespaces = [`${coreNs}.Data`, `${coreNs}.Domain`, ...deps.map((d) => d.slice(0, d.lastIndexOf('.')))];
  const usings = [...new Set(namespaces)].map((n) => `using ${n};`);
  const body = [];
  let i = 0;
  while (body.length < lines - 40) {
    const dep = deps[i % deps.length];
    const short = dep.slice(dep.lastIndexOf('.') + 1);
    body.push(
      `        public ${short} Handle${i}(${short} input, int count)`,
      '        {',
      '            if (input == null || count < 0) { return null; }',
      '            for (var k = 0; k < count; k++)',
      '            {',
      '                if (k % 2 == 0 && _log.Count < 100) { _log.Add(k.ToString()); }',
      '            }',
      `            var created = new ${short}();`,
      '            return count > 10 ? created : input;',
      '        }',
      '',
    );
    i++;
  }
  const attribute = kind === 'Controller' ? `    [Route("api/${route}")]\n` : '';
  return `using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
${usings.join('\n')}

namespace ${ns}.${kind === 'Controller' ? 'Controllers' : 'Services'}
{
${attribute}    public class ${name}
    {
        private readonly List<string> _log = new List<string>();
        private readonly HttpClient _http;
        private readonly ${context} _db;

        public ${name}(HttpClient http, ${context} db) { _http = http; _db = db; }

        public async Task<string> FetchRemote(int id)
        {
            var response = await _http.GetAsync("/api/${route}/" + id);
            return await response.Content.ReadAsStringAsync();
        }

        public List<${entity.name}> Recent(int id)
        {
            return _db.${entity.table}.Where(x => x.Id > id).OrderBy(x => x.Id).Take(20).ToList();
        }

${body.join('\n')}
    }
}
`;
}

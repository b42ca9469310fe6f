import { describe, expect, it } from 'vitest';
import { extractMsBuildProject } from './msbuildProject.js';
import { extractMsBuildProps } from './msbuildProps.js';
import { extractPackagesConfig } from './packagesConfig.js';
import { extractSolution } from './solution.js';
import { frameworkMonikerOf, packageFromHintPath } from './paths.js';

const OLD_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <OutputType>Library</OutputType>
    <RootNamespace>Harbor</RootNamespace>
    <AssemblyName>Harbor.Core</AssemblyName>
    <TargetFrameworkVersion>v4.6.2</TargetFrameworkVersion>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="Newtonsoft.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed, processorArchitecture=MSIL">
      <HintPath>..\\..\\packages\\Newtonsoft.Json.6.0.4\\lib\\net45\\Newtonsoft.Json.dll</HintPath>
    </Reference>
    <Reference Include="System.Web" />
    <Reference Include="Harbor.Shared"><HintPath>..\\lib\\Harbor.Shared.dll</HintPath></Reference>
  </ItemGroup>
  <ItemGroup Condition="'$(Configuration)' == 'Debug'">
    <Compile Include="Billing\\Invoice.cs" />
    <Compile Include="..\\Shared\\Linked.cs"><Link>Linked.cs</Link></Compile>
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="..\\Harbor.Data\\Harbor.Data.csproj"><Project>{1}</Project></ProjectReference>
  </ItemGroup>
</Project>`;

const SDK_STYLE = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFrameworks>netstandard2.0;net462</TargetFrameworks>
    <PackageId>Harbor.Client</PackageId>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Serilog" Version="2.10.0" />
    <PackageReference Include="Dapper"><Version>2.0.123</Version></PackageReference>
    <PackageReference Include="Harbor.Contracts" />
    <ProjectReference Include="../Harbor.Api/Harbor.Api.csproj" />
  </ItemGroup>
</Project>`;

describe('extractMsBuildProject', () => {
  it('reads an old-style .NET Framework project', () => {
    const { facts, problems } = extractMsBuildProject('Harbor.Core.csproj', OLD_STYLE);
    expect(problems).toEqual([]);
    expect(facts).toMatchObject({
      language: 'csharp',
      sdkStyle: false,
      assemblyName: 'Harbor.Core',
      rootNamespace: 'Harbor',
      targetFrameworks: ['net462'],
      projectReferences: ['../Harbor.Data/Harbor.Data.csproj'],
      compileIncludes: ['Billing/Invoice.cs', '../Shared/Linked.cs'],
      packageReferences: [{ name: 'Newtonsoft.Json', version: '6.0.4', source: 'HintPath' }],
    });
    expect(facts?.assemblyReferences.map((r) => r.name)).toEqual(['Newtonsoft.Json', 'System.Web', 'Harbor.Shared']);
    expect(facts?.assemblyReferences[2]).toEqual({ name: 'Harbor.Shared', hintPath: '../lib/Harbor.Shared.dll' });
  });

  it('reads an SDK-style multi-targeting project with central versions', () => {
    const { facts } = extractMsBuildProject('Harbor.Client.csproj', SDK_STYLE);
    expect(facts).toMatchObject({
      sdkStyle: true,
      sdk: 'Microsoft.NET.Sdk.Web',
      packageId: 'Harbor.Client',
      targetFrameworks: ['netstandard2.0', 'net462'],
      centralPackageVersions: true,
      projectReferences: ['../Harbor.Api/Harbor.Api.csproj'],
      packageReferences: [
        { name: 'Serilog', version: '2.10.0', source: 'PackageReference' },
        { name: 'Dapper', version: '2.0.123', source: 'PackageReference' },
        { name: 'Harbor.Contracts', source: 'PackageReference' },
      ],
    });
  });

  it('never expands DOCTYPE entities: a billion-laughs bomb or an external entity is reported, references recovered', () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE Project [\n${lol.join('\n')}\n]>\n<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><RootNamespace>&lol9;</RootNamespace></PropertyGroup><ItemGroup><PackageReference Include="Dapper" Version="2.0.1" /></ItemGroup></Project>`;
    const outcome = extractMsBuildProject('Bomb.csproj', bomb);
    expect(outcome.problems).toMatchObject([
      { code: 'msbuild-xml-invalid', line: 2, message: expect.stringContaining('entities') },
    ]);
    expect(outcome.facts?.packageReferences.map((p) => p.name)).toEqual(['Dapper']);
    expect(JSON.stringify(outcome)).not.toContain('lollol');
    const xxe =
      '<!DOCTYPE p [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<packages><package id="&x;" version="1.0.0" /></packages>';
    expect(extractPackagesConfig(xxe).problems[0]?.code).toBe('packages-config-invalid');
    expect(JSON.stringify(extractPackagesConfig(xxe))).not.toContain('root:');
    // A DOCTYPE without entities is ordinary XML.
    expect(
      extractPackagesConfig('<!DOCTYPE packages>\n<packages><package id="A" version="1.0.0" /></packages>').problems,
    ).toEqual([]);
  });

  it('recovers references from broken XML and says so', () => {
    const broken = SDK_STYLE.replace('</PropertyGroup>', '<<<<<<< HEAD\n</PropertyGroup>');
    const { facts, problems } = extractMsBuildProject('X.vbproj', broken);
    expect(problems).toEqual([expect.objectContaining({ code: 'msbuild-xml-invalid', severity: 'warning' })]);
    expect(facts).toMatchObject({
      language: 'vb',
      sdkStyle: true,
      packageId: 'Harbor.Client',
      targetFrameworks: ['netstandard2.0', 'net462'],
    });
    expect(facts?.packageReferences.map((p) => p.name)).toEqual(['Serilog', 'Dapper', 'Harbor.Contracts']);
    expect(facts?.projectReferences).toEqual(['../Harbor.Api/Harbor.Api.csproj']);
  });

  it('does not expand DOCTYPE entities of untrusted files', () => {
    const hostile = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;">]>
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>&b;</AssemblyName></PropertyGroup></Project>`;
    const { facts } = extractMsBuildProject('X.csproj', hostile);
    expect(facts?.assemblyName ?? '').not.toContain('AAAA');
  });
});

describe('extractMsBuildProps', () => {
  it('reads central package versions and inherited properties', () => {
    const { facts } = extractMsBuildProps(
      'Directory.Packages.props',
      `<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
       <ItemGroup><PackageVersion Include="Harbor.Contracts" Version="1.2.0" /><PackageVersion Include="Dapper" Version="2.0.123" /></ItemGroup></Project>`,
    );
    expect(facts).toMatchObject({
      file: 'Directory.Packages.props',
      packageVersions: [
        { name: 'Harbor.Contracts', version: '1.2.0' },
        { name: 'Dapper', version: '2.0.123' },
      ],
    });
  });

  it('reports broken props files without facts', () => {
    const { facts, problems } = extractMsBuildProps('Directory.Build.props', '<Project><PropertyGroup>');
    expect(facts).toBeUndefined();
    expect(problems[0]?.code).toBe('msbuild-xml-invalid');
  });
});

describe('extractPackagesConfig', () => {
  it('reads packages and their target framework', () => {
    const { facts } = extractPackagesConfig(`<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="EntityFramework" version="6.1.3" targetFramework="net462" />
  <package id="log4net" version="2.0.3" targetFramework="net45" />
</packages>`);
    expect(facts).toEqual({
      kind: 'packages-config',
      packages: [
        { name: 'EntityFramework', version: '6.1.3', source: 'packages.config' },
        { name: 'log4net', version: '2.0.3', source: 'packages.config' },
      ],
      targetFrameworks: ['net45', 'net462'],
    });
  });

  it('salvages packages from a broken file', () => {
    const { facts, problems } = extractPackagesConfig(
      '<packages><package id="jQuery" version="1.10.2" targetFramework="net45" >',
    );
    expect(problems[0]?.code).toBe('packages-config-invalid');
    expect(facts?.packages).toEqual([{ name: 'jQuery', version: '1.10.2', source: 'packages.config' }]);
  });
});

describe('extractSolution', () => {
  it('lists projects and leaves solution folders out', () => {
    const { facts, problems } = extractSolution(`Microsoft Visual Studio Solution File, Format Version 12.00\r
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Harbor.Web", "src\\Harbor.Web\\Harbor.Web.csproj", "{0B1C7E2A-1111-4C1E-9A43-6F2D8C5E1A01}"\r
EndProject\r
Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "Solution Items", "Solution Items", "{0B1C7E2A-2222-4C1E-9A43-6F2D8C5E1A01}"\r
EndProject\r
`);
    expect(problems).toEqual([]);
    expect(facts?.projects).toEqual([
      {
        name: 'Harbor.Web',
        path: 'src/Harbor.Web/Harbor.Web.csproj',
        typeGuid: 'FAE04EC0-301F-11D3-BF4B-00C04F79EFBC',
      },
    ]);
  });

  it('says when a .sln is not a solution file', () => {
    expect(extractSolution('hello').problems[0]?.code).toBe('solution-unrecognised');
  });
});

describe('paths', () => {
  it('maps legacy framework versions to monikers', () => {
    expect(frameworkMonikerOf('v4.6.2')).toBe('net462');
    expect(frameworkMonikerOf('v4.0')).toBe('net40');
    expect(frameworkMonikerOf('v3.5')).toBe('net35');
    expect(frameworkMonikerOf('$(Tfm)')).toBeUndefined();
  });

  it('finds the package behind a HintPath', () => {
    expect(packageFromHintPath('..\\packages\\Microsoft.AspNet.Mvc.5.2.3\\lib\\net45\\System.Web.Mvc.dll')).toEqual({
      name: 'Microsoft.AspNet.Mvc',
      version: '5.2.3',
    });
    expect(packageFromHintPath('..\\packages\\Antlr.3.4.1.9004\\lib\\Antlr3.Runtime.dll')).toEqual({
      name: 'Antlr',
      version: '3.4.1.9004',
    });
    expect(packageFromHintPath('..\\packages\\Foo.1.0.0-beta2\\lib\\Foo.dll')).toEqual({
      name: 'Foo',
      version: '1.0.0-beta2',
    });
    expect(packageFromHintPath('..\\lib\\Harbor.Core.dll')).toBeUndefined();
  });
});

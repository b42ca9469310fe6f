/**
 * Synthetic estate for benchmarks: REPOS repositories × PROJECTS projects × FILES
 * C# files of ~LINES lines each, with cross-namespace, cross-project and
 * cross-repository references. Seeded, so the same arguments give the same estate.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function rng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['Identity', 'Billing', 'Projects', 'Reporting', 'Notifications', 'Search', 'Audit', 'Files'];

export function generateEstate(target, { repos = 20, projects = 3, files = 30, lines = 100, seed = 42 } = {}) {
  const random = rng(seed);
  rmSync(target, { recursive: true, force: true });
  const typeName = (r, p, f) => `Estate${r}.${AREAS[p % AREAS.length]}${p}.Type${f}`;
  let totalLines = 0;
  let totalFiles = 0;
  for (let r = 0; r < repos; r++) {
    const repoDir = path.join(target, `repo-${String(r).padStart(3, '0')}`);
    mkdirSync(path.join(repoDir, '.git'), { recursive: true });
    for (let p = 0; p < projects; p++) {
      const projectName = `Estate${r}.${AREAS[p % AREAS.length]}${p}`;
      const projectDir = path.join(repoDir, 'src', projectName);
      mkdirSync(projectDir, { recursive: true });
      const refs = [];
      if (p > 0)
        refs.push(`<ProjectReference Include="..\\Estate${r}.${AREAS[0]}0\\Estate${r}.${AREAS[0]}0.csproj" />`);
      const otherRepo = Math.floor(random() * repos);
      writeFileSync(
        path.join(projectDir, `${projectName}.csproj`),
        `<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><AssemblyName>${projectName}</AssemblyName><TargetFrameworkVersion>v4.6.2</TargetFrameworkVersion></PropertyGroup>
  <ItemGroup>
    <Reference Include="Newtonsoft.Json"><HintPath>..\\..\\packages\\Newtonsoft.Json.6.0.4\\lib\\net45\\Newtonsoft.Json.dll</HintPath></Reference>
    <Reference Include="Estate${otherRepo}.${AREAS[0]}0"><HintPath>..\\..\\lib\\Estate${otherRepo}.${AREAS[0]}0.dll</HintPath></Reference>
  </ItemGroup>
  <ItemGroup>${refs.join('')}</ItemGroup>
</Project>
`,
      );
      for (let f = 0; f < files; f++) {
        const deps = [];
        for (let k = 0; k < 4; k++) {
          const rr = random() < 0.1 ? Math.floor(random() * repos) : r;
          deps.push(typeName(rr, Math.floor(random() * projects), Math.floor(random() * files)));
        }
        const body = [];
        while (body.length < lines - 20) {
          const d = deps[body.length % deps.length];
          body.push(
            `        public ${d} Handle${body.length}(${d} input, int count)`,
            '        {',
            '            if (input == null || count < 0) { return null; }',
            `            for (var i = 0; i < count; i++) { _log.Add(i.ToString()); }`,
            `            var created = new ${d}();`,
            '            return count > 10 ? created : input;',
            '        }',
          );
        }
        const source = `using System;
using System.Collections.Generic;
using System.Linq;

namespace ${projectName}
{
    /// <summary>Generated type ${f} of ${projectName}.</summary>
    public class Type${f} : IDisposable
    {
        private readonly List<string> _log = new List<string>();
        private ${deps[0]} _primary;
        public ${deps[1]} Secondary { get; set; }

${body.join('\n')}

        public void Dispose() { _log.Clear(); }
    }
}
`;
        writeFileSync(path.join(projectDir, `Type${f}.cs`), source);
        totalLines += source.split('\n').length;
        totalFiles++;
      }
    }
  }
  return { files: totalFiles, lines: totalLines };
}

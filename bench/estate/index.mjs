/**
 * Deterministic benchmark estate: REPOS repositories of C# (three projects, a
 * solution), TS/JS (a web package) and SQL (tables, procedures), about 5,300
 * lines each, with cross-project and cross-repository type references and a
 * year of git history. Seeded: the same size and seed give the same bytes and
 * the same commits. Cached under the OS temp folder by size, seed and version.
 *
 *   node bench/estate/index.mjs [repos=200] [seed=42]   prints the estate's folder
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './random.mjs';
import * as cs from './csharp.mjs';
import * as web from './web.mjs';
import { writeHistory } from './git.mjs';

/** Bump when the generated content changes, so cached estates are rebuilt. */
const GENERATOR_VERSION = 1;
const AREAS = ['Billing', 'Identity', 'Catalog', 'Ordering', 'Shipping', 'Reporting', 'Audit', 'Payments'];
const AUTHORS = ['Ana Lima', 'Ben Okafor', 'Chen Wei', 'Dara Novak', 'Eli Stone', 'Fay Ito', 'Gus Moreau'];
/** History ends here (2026-01-01) and spans the year before, inside the scan's default 12-month window. */
const HISTORY_END = 1767225600;
const DAY = 86400;

export function estatePath(repos, seed = 42) {
  return path.join(tmpdir(), `assess-bench-estate-v${GENERATOR_VERSION}-r${repos}-s${seed}`);
}

/** The estate of REPOS repositories for SEED, generated unless cached; returns `{ root, files, lines, bytes, commits }`. */
export function ensureEstate(repos, seed = 42) {
  const root = estatePath(repos, seed);
  // Beside the estate, not in it: a file at the estate root is outside every repository (a diagnostic).
  const marker = `${root}.json`;
  if (existsSync(marker)) return { root, ...JSON.parse(readFileSync(marker, 'utf8')) };
  const building = `${root}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const size = { files: 0, lines: 0, bytes: 0, commits: 0 };
  for (let r = 0; r < repos; r++) {
    const repo = generateRepo(r, repos, seed);
    const dir = path.join(building, repo.name);
    for (const file of repo.files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.content);
      size.files++;
      size.lines += file.content.split('\n').length - 1;
      size.bytes += Buffer.byteLength(file.content);
    }
    writeHistory(dir, repo.commits);
    size.commits += repo.commits.length;
  }
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  writeFileSync(marker, JSON.stringify(size));
  return { root, ...size };
}

/** One repository: its final files and the commits that led to them. */
function generateRepo(r, repos, seed) {
  const random = createRandom(seed * 100_003 + r);
  const area = AREAS[r % AREAS.length];
  const name = `${area.toLowerCase()}-${['service', 'portal', 'platform', 'jobs'][r % 4]}-${String(r).padStart(3, '0')}`;
  const ns = `Estate${r}.${area}`;
  const entities = cs.entitiesOf(random, area, random.int(6, 9));
  const files = [];
  const add = (p, content, editable = true) => files.push({ path: p, content, editable });

  const core = `${ns}.Core`;
  const projects = [core, `${ns}.Api`, `${ns}.Worker`];
  const context = `${core.replace(/\./g, '')}Context`;
  add(`${area}${r}.sln`, cs.solutionOf(projects), false);
  projects.forEach((project, p) => {
    const references = p === 0 ? [] : [core];
    add(`src/${project}/${project}.csproj`, cs.csprojOf(project, { references, packages: 2 + p, random }), false);
  });
  for (const entity of entities) {
    add(`src/${core}/Domain/${entity.name}.cs`, cs.entitySource(core, entity));
    add(`src/${core}/Data/${entity.name}Repository.cs`, cs.repositorySource(core, entity, random));
  }
  add(`src/${core}/Data/${context}.cs`, cs.dbContextSource(core, entities));
  // Types other services use: the entities of this repository, and now and then another repository's.
  const typeOf = (repo, e) =>
    `Estate${repo}.${AREAS[repo % AREAS.length]}.Core.Domain.${AREAS[repo % AREAS.length]}Item${e}`;
  for (const [p, kind] of [
    [1, 'Controller'],
    [2, 'Service'],
  ]) {
    const count = random.int(8, 12);
    for (let f = 0; f < count; f++) {
      const entity = entities[f % entities.length];
      const deps = [];
      for (let k = 0; k < 4; k++) {
        const other = random.chance(0.1) ? random.int(0, repos - 1) : r;
        deps.push(typeOf(other, random.int(0, 5)));
      }
      const className = `${entity.name}${kind}${f}`;
      const source = cs.serviceSource(projects[p], kind, className, {
        deps,
        entity,
        coreNs: core,
        context,
        lines: random.int(150, 250),
        route: `${area.toLowerCase()}/${entity.name.toLowerCase()}`,
      });
      add(`src/${projects[p]}/${kind === 'Controller' ? 'Controllers' : 'Services'}/${className}.cs`, source);
    }
  }

  add('web/package.json', web.packageJsonOf(`@estate/${name}`, random), false);
  add('web/tsconfig.json', web.TSCONFIG, false);
  const modules = Array.from({ length: random.int(10, 14) }, (_, m) => `${area.toLowerCase()}-module-${m}`);
  modules.forEach((module, m) => {
    // Mostly imports of earlier modules, sometimes a later one: an estate has a few cycles.
    const imports = [];
    for (let k = 0; k < 3 && m > 0; k++) imports.push(modules[random.int(0, m - 1)]);
    if (random.chance(0.05)) imports.push(modules[random.int(0, modules.length - 1)]);
    const entity = entities[m % entities.length];
    const unique = [...new Set(imports)].filter((i) => i !== module);
    const route = `${area.toLowerCase()}/${entity.name.toLowerCase()}`;
    add(
      `web/src/${module}.ts`,
      web.tsModuleSource(module, { imports: unique, entity, route, lines: random.int(60, 110) }),
    );
  });
  add('web/src/index.ts', web.indexSource(modules));
  for (let j = 0; j < 2; j++)
    add(
      `web/src/legacy/${area.toLowerCase()}-widget-${j}.js`,
      web.legacyJsSource(`load-${area}-${j}`, `${area.toLowerCase()}/legacy`),
    );

  entities.forEach((entity, e) => {
    add(`database/Tables/${entity.table}.sql`, web.tableScript(entity));
    if (e % 2 === 0)
      add(`database/Procedures/usp_Search${entity.name}.sql`, web.procedureScript(entity, entities[e + 1]));
  });

  return { name, ...withHistory(files, random) };
}

/**
 * Commits over the year before HISTORY_END: the first adds everything, later
 * ones change one to six files, mostly of one folder (files that change
 * together are what change coupling finds). A file's content at revision k
 * ends in a `rev k` comment; the work tree holds each file's last revision.
 */
function withHistory(files, random) {
  const editable = files.filter((f) => f.editable);
  const count = random.int(20, 40);
  const revisions = new Map();
  const plan = [];
  for (let c = 1; c < count; c++) {
    const anchor = random.pick(editable);
    const folder = path.posix.dirname(anchor.path);
    const near = editable.filter((f) => path.posix.dirname(f.path) === folder);
    const touched = new Set([anchor]);
    const wanted = random.int(1, 6);
    for (let k = 0; k < wanted * 2 && touched.size < wanted; k++)
      touched.add(random.chance(0.8) ? random.pick(near) : random.pick(editable));
    for (const file of touched) revisions.set(file, c);
    plan.push([...touched].sort((a, b) => (a.path < b.path ? -1 : 1)));
  }
  const revised = (file, rev) => (rev === 0 ? file.content : `${file.content}${commentFor(file.path)} rev ${rev}\n`);
  const start = HISTORY_END - 360 * DAY;
  const commits = [
    {
      author: AUTHORS[0],
      time: start,
      message: 'Import from the old repository\n',
      files: files.map((f) => ({ path: f.path, content: f.content })),
    },
  ];
  plan.forEach((touched, i) => {
    const c = i + 1;
    commits.push({
      author: random.pick(AUTHORS),
      time: start + Math.floor((c * 355 * DAY) / count) + random.int(0, 3600),
      message: `Change ${touched.length} file(s) in ${path.posix.dirname(touched[0].path)}\n`,
      files: touched.map((f) => ({ path: f.path, content: revised(f, c) })),
    });
  });
  const final = files.map((f) => ({ path: f.path, content: revised(f, revisions.get(f) ?? 0) }));
  return { files: final, commits };
}

function commentFor(file) {
  return file.endsWith('.sql') ? '--' : '//';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [repos = 200, seed = 42] = process.argv.slice(2).map(Number);
  const started = performance.now();
  const estate = ensureEstate(repos, seed);
  console.log(JSON.stringify({ ...estate, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }));
}

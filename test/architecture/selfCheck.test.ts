/**
 * .ci/run checks the project's own layering with `assess check`: its config must
 * say what layers.ts says, and the check must catch a folder importing past its layer.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { assess, projectRoot } from '../e2e/cli.js';
import { layeringRules } from './selfCheck.js';

const configFile = path.join(projectRoot, '.ci/assess.config.json');
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const work = mkdtempSync(path.join(tmpdir(), 'assess-self-check-'));
const emptyBaseline = path.join(work, 'empty-baseline.json');
writeFileSync(
  emptyBaseline,
  '{"schema":"assess-baseline/1","levels":["repo","project","namespace"],"dependencies":[],"cycles":[],"findings":[]}\n',
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('the self-check of .ci/run', () => {
  it('has the layering of layers.ts as its allowed rules, in a valid config', () => {
    expect(configSchema.safeParse(config).success).toBe(true);
    expect(config.rules.allowed).toEqual(layeringRules());
  });

  it('fails a core module that imports the pipeline, at the import, and passes the layering as it is', () => {
    const layout = {
      'package.json': '{ "name": "layered", "private": true, "type": "module" }',
      'src/core/ids.ts': "export const repoId = (name: string) => 'repo:' + name;\n",
      'src/scan/runScan.ts':
        "import { repoId } from '../core/ids.js';\n\nexport const scan = (name: string) => repoId(name);\n",
    };
    const clean = write(path.join(work, 'clean'), layout);
    const run = (root: string) =>
      assess([
        'check',
        root,
        '--baseline',
        emptyBaseline,
        '--config',
        configFile,
        '--no-history',
        '-q',
        '--format',
        'github',
      ]);
    expect(run(clean).status).toBe(0);
    const broken = write(path.join(work, 'broken'), {
      ...layout,
      'src/core/ids.ts':
        "// a shortcut\nimport { scan } from '../scan/runScan.js';\n\nexport const repoId = (name: string) => 'repo:' + name;\nexport const again = scan;\n",
    });
    const result = run(broken);
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      '::error file=src/core/ids.ts,line=2,title=assess layering%3Asrc/core::New reference dependency folder broken/src/core → folder broken/src/scan goes outside what layering:src/core allows (path:*/src/core/**)',
    ]);
  });
});

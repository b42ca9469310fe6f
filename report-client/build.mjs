/**
 * Bundles the report's browser code and style with esbuild into dist/report-client,
 * where src/report/html/clientBundle.ts finds them. Run by `npm run build`.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(here, '..', 'dist', 'report-client');
const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning', charset: 'utf8' };

await build({
  ...common,
  entryPoints: [path.join(here, 'main.ts')],
  outfile: path.join(outdir, 'client.bundle.js'),
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
});
await build({
  ...common,
  entryPoints: [path.join(here, 'report.css')],
  outfile: path.join(outdir, 'client.bundle.css'),
});

/**
 * The report's browser code, bundled by esbuild into dist/report-client when the
 * project is built (report-client/build.mjs). Found beside the compiled module,
 * or in dist/ when running from source (tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClientBundle } from './renderHtml.js';

const CANDIDATES = ['../../../report-client/', '../../../dist/report-client/'];

export function loadClientBundle(): ClientBundle {
  for (const folder of CANDIDATES) {
    const script = fileURLToPath(new URL(`${folder}client.bundle.js`, import.meta.url));
    const style = fileURLToPath(new URL(`${folder}client.bundle.css`, import.meta.url));
    if (existsSync(script) && existsSync(style))
      return { script: readFileSync(script, 'utf8'), style: readFileSync(style, 'utf8') };
  }
  throw new Error('the HTML report client is not built: run `npm run build`');
}

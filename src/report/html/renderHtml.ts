/**
 * The HTML report: one self-contained file. Pure: (result, options) → string.
 * The markup is constant; everything taken from the scan travels as escaped JSON
 * and is written by the bundled client with text APIs only. A strict Content
 * Security Policy allows just the inline bundle and style by their hashes.
 */
import type { ScanResult } from '../../core/result.js';
import { buildReportData } from './buildReportData.js';
import { assertInlineSafe, cspHash, scriptSafeJson } from './embed.js';

export interface ClientBundle {
  script: string;
  style: string;
}

export interface HtmlOptions {
  client: ClientBundle;
}

export const DATA_ELEMENT_ID = 'assess-data';

export function renderHtml(result: ScanResult, options: HtmlOptions): string {
  const { script, style } = options.client;
  assertInlineSafe('script', script);
  assertInlineSafe('style', style);
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>assess report</title>
<style>${style}</style>
<script type="application/json" id="${DATA_ELEMENT_ID}">${scriptSafeJson(buildReportData(result))}</script>
</head>
<body>
<noscript>This report draws its views with JavaScript; open it in a browser with scripts allowed.</noscript>
<div id="app"></div>
<script>${script}</script>
</body>
</html>
`;
}

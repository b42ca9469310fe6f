/**
 * Opens an HTML report in Debian's headless Chromium through playwright-core,
 * with every request but the report document itself blocked and recorded, and every console error and
 * page error collected: a report that needs the network or logs an error fails.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** The Chromium on PATH (`chromium` on Debian, `chromium-browser` elsewhere). */
export function chromiumPath() {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not this name
    }
  }
  throw new Error("no chromium on PATH: install Debian's chromium package (.ci/run does)");
}

/**
 * @param {string} file the report
 * @param {{ width?: number, height?: number, hash?: string }} [options]
 */
export async function openReport(file, options = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const page = await browser.newPage({ viewport: { width: options.width ?? 1440, height: options.height ?? 900 } });
  const url = pathToFileURL(file).href;
  /** @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  // Everything is blocked but the report document itself; whatever else was asked for is recorded.
  await page.route('**/*', (route) => {
    const request = route.request();
    if (request.url() === url && request.resourceType() === 'document') return route.continue();
    requests.push(request.url());
    return route.abort();
  });
  const started = Date.now();
  await page.goto(`${url}#${options.hash ?? 'overview'}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { browser, page, requests, errors, url, started, close: () => browser.close() };
}

#!/usr/bin/env node
/**
 * Runs a Node script in this process and, when the process exits, writes its
 * own resource usage (user and system CPU of every thread, peak RSS) as JSON
 * to USAGE_FILE. The benchmark starts each measured tool through this wrapper,
 * so the figures are that tool's alone, on any OS Node runs on.
 *
 *   node bench/lib/timed.mjs USAGE_FILE SCRIPT [ARGS…]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [usageFile, script, ...args] = process.argv.slice(2);
if (!usageFile || !script) {
  process.stderr.write('usage: node bench/lib/timed.mjs USAGE_FILE SCRIPT [ARGS…]\n');
  process.exit(2);
}
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(
    usageFile,
    JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKB: usage.maxRSS }),
  );
});
const absolute = path.resolve(script);
process.argv = [process.argv[0], absolute, ...args];
await import(pathToFileURL(absolute).href);

/** Module hooks (they run in the loader thread): append each resolved URL to ASSESS_MODULE_LOG. */
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.ASSESS_MODULE_LOG) appendFileSync(process.env.ASSESS_MODULE_LOG, `${resolved.url}\n`);
  return resolved;
}

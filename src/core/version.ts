import { readFileSync } from 'node:fs';

/** The package version, read once from package.json next to src/ or dist/src/. */
export const TOOL_VERSION: string = (() => {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (json.name === 'assess' && json.version) return json.version;
    } catch {
      // try the next layout
    }
  }
  return '0.0.0';
})();

/** MSBuild paths are written with `\`; the model uses `/`. */
export function msbuildPath(raw: string): string {
  return raw.trim().replace(/\\/g, '/');
}

/** `Newtonsoft.Json, Version=6.0.0.0, Culture=neutral` → `Newtonsoft.Json`. */
export function assemblyNameOf(include: string): string {
  return include.split(',')[0]!.trim();
}

const PACKAGE_FOLDER = /^(.+?)\.(\d+(?:\.\d+){1,3}(?:-[0-9A-Za-z.-]+)?)$/;

/**
 * The NuGet package behind a HintPath into a `packages/` restore folder:
 * `..\packages\Newtonsoft.Json.6.0.4\lib\net45\Newtonsoft.Json.dll` → Newtonsoft.Json 6.0.4.
 */
export function packageFromHintPath(hintPath: string): { name: string; version: string } | undefined {
  const segments = msbuildPath(hintPath).split('/');
  const index = segments.findIndex((s) => s.toLowerCase() === 'packages');
  const folder = index >= 0 ? segments[index + 1] : undefined;
  const match = folder ? PACKAGE_FOLDER.exec(folder) : null;
  return match ? { name: match[1]!, version: match[2]! } : undefined;
}

/** `v4.6.2` → `net462`, `v4.0` → `net40`, `v3.5` → `net35`. */
export function frameworkMonikerOf(targetFrameworkVersion: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(targetFrameworkVersion.trim());
  if (!match) return undefined;
  return `net${match[1]}${match[2]}${match[3] && match[3] !== '0' ? match[3] : ''}`;
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

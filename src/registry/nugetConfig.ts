/**
 * `NuGet.Config` package sources as NuGet applies them: the user's file first, then
 * each file from the repository root down to the project folder; a `<clear />` drops
 * every source read before it, `<disabledPackageSources>` turns sources off, and
 * credentials stay attached to the one source they were written for.
 */
import { attr, parseXml, type XmlElement } from '../extract/dotnet/xml.js';

export const DEFAULT_NUGET_SOURCE = 'https://api.nuget.org/v3/index.json';

export interface NuGetSource {
  name: string;
  url: string;
  protocolVersion?: string;
  authorization?: string;
}

export interface NuGetConfigFile {
  clear: boolean;
  sources: NuGetSource[];
  disabled: string[];
  credentials: Record<string, string>;
}

export type NuGetConfigParse = { ok: true; config: NuGetConfigFile } | { ok: false; message: string };

export function parseNuGetConfig(text: string, env: NodeJS.ProcessEnv): NuGetConfigParse {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const section = (name: string) => parsed.root.children.find((c) => c.name.toLowerCase() === name.toLowerCase());
  const sourcesSection = section('packageSources');
  const config: NuGetConfigFile = { clear: false, sources: [], disabled: [], credentials: {} };
  for (const child of sourcesSection?.children ?? []) {
    if (child.name.toLowerCase() === 'clear') {
      config.clear = true;
      config.sources = [];
    } else if (child.name.toLowerCase() === 'add') {
      const name = attr(child, 'key');
      const url = attr(child, 'value');
      const protocolVersion = attr(child, 'protocolVersion');
      if (name && url)
        config.sources.push({ name, url: expand(url, env), ...(protocolVersion ? { protocolVersion } : {}) });
    }
  }
  for (const child of section('disabledPackageSources')?.children ?? []) {
    if (child.name.toLowerCase() === 'add' && attr(child, 'value')?.toLowerCase() === 'true')
      config.disabled.push(attr(child, 'key') ?? '');
  }
  for (const source of section('packageSourceCredentials')?.children ?? []) {
    const header = basicCredentials(source, env);
    // Element names encode spaces as `_x0020_`, as NuGet writes them.
    if (header) config.credentials[source.name.replace(/_x0020_/g, ' ').toLowerCase()] = header;
  }
  return { ok: true, config };
}

function basicCredentials(element: XmlElement, env: NodeJS.ProcessEnv): string | undefined {
  const value = (key: string) => element.children.find((c) => attr(c, 'key')?.toLowerCase() === key.toLowerCase());
  const user = value('Username');
  const password = value('ClearTextPassword');
  if (!user || !password) return undefined; // encrypted `Password` values are Windows DPAPI: not readable here
  const name = expand(attr(user, 'value') ?? '', env);
  const secret = expand(attr(password, 'value') ?? '', env);
  // A variable left unexpanded (not set, or in a repository's file) is no credential.
  if (/%[^%]+%/.test(name + secret)) return undefined;
  return `Basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`;
}

/** `files`: farthest first (user config, repository root, …, project folder). */
export function effectiveNuGetSources(files: readonly NuGetConfigFile[]): NuGetSource[] {
  let sources = new Map<string, NuGetSource>([
    ['nuget.org', { name: 'nuget.org', url: DEFAULT_NUGET_SOURCE, protocolVersion: '3' }],
  ]);
  const disabled = new Set<string>();
  const credentials: Record<string, string> = {};
  for (const file of files) {
    if (file.clear) sources = new Map();
    for (const source of file.sources) sources.set(source.name.toLowerCase(), source);
    for (const name of file.disabled) disabled.add(name.toLowerCase());
    Object.assign(credentials, file.credentials);
  }
  return [...sources.entries()]
    .filter(([key]) => !disabled.has(key))
    .map(([key, source]) => (credentials[key] ? { ...source, authorization: credentials[key] } : source));
}

/** NuGet expands `%VAR%` in config values. */
function expand(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/%([^%]+)%/g, (whole, name: string) => env[name] ?? whole);
}

/**
 * `.npmrc` as npm reads it: `key=value` lines, `;`/`#` comments, `${VAR}` expanded
 * from the environment. Registry choice follows npm's precedence: environment
 * (`NPM_CONFIG_REGISTRY`) over the project's `.npmrc` over the user's.
 */

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org/';

export interface NpmrcSettings {
  registry?: string;
  /** `@scope` → registry URL. */
  scopes: Record<string, string>;
  /** `//host/path/:_authToken` etc., keyed by the nerf-darted URL prefix. */
  auth: Record<string, { token?: string; basic?: string }>;
}

export function parseNpmrc(text: string, env: NodeJS.ProcessEnv): NpmrcSettings {
  const settings: NpmrcSettings = { scopes: {}, auth: {} };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = unquote(line.slice(eq + 1).trim()).replace(/\$\{([^}]+)\}/g, (_m, name: string) => env[name] ?? '');
    if (key === 'registry') settings.registry = withSlash(value);
    else if (/^@[^:]+:registry$/.test(key)) settings.scopes[key.slice(0, key.indexOf(':'))] = withSlash(value);
    else if (key.startsWith('//')) {
      const colon = key.lastIndexOf(':');
      const prefix = key.slice(0, colon);
      const field = key.slice(colon + 1);
      settings.auth[prefix] ??= {};
      const entry = settings.auth[prefix];
      if (field === '_authToken') entry.token = value;
      else if (field === '_auth') entry.basic = value;
    }
  }
  return settings;
}

export interface NpmRegistryChoice {
  url: string;
  /** `Authorization` header value, only ever sent to the URL prefix it was configured for. */
  authorization?: string;
}

/** `layers`: nearest first (project, then user). */
export function chooseNpmRegistry(
  packageName: string,
  layers: readonly NpmrcSettings[],
  env: NodeJS.ProcessEnv,
): NpmRegistryChoice {
  const scope = packageName.startsWith('@') ? packageName.slice(0, packageName.indexOf('/')) : undefined;
  const envRegistry = env.NPM_CONFIG_REGISTRY || env.npm_config_registry;
  const scoped = scope ? layers.find((l) => l.scopes[scope])?.scopes[scope] : undefined;
  const url =
    scoped ??
    (envRegistry ? withSlash(envRegistry) : undefined) ??
    layers.find((l) => l.registry)?.registry ??
    DEFAULT_NPM_REGISTRY;
  const authorization = authorizationFor(url, layers);
  return { url, ...(authorization ? { authorization } : {}) };
}

/** npm matches credentials by "nerf dart": `//host/path/` without the scheme, longest prefix first. */
function authorizationFor(url: string, layers: readonly NpmrcSettings[]): string | undefined {
  const nerfed = url.replace(/^https?:/, '');
  for (const layer of layers) {
    const prefixes = Object.keys(layer.auth).sort((a, b) => b.length - a.length);
    for (const prefix of prefixes) {
      if (!nerfed.startsWith(withSlash(prefix))) continue;
      const entry = layer.auth[prefix]!;
      if (entry.token) return `Bearer ${entry.token}`;
      if (entry.basic) return `Basic ${entry.basic}`;
    }
  }
  return undefined;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

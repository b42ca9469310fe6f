/**
 * docker-compose files (`docker-compose*.yml`, `compose.yaml`, any name whose content
 * has `services:` with images or builds): each service's name and aliases, build
 * folder, environment and bind-mounted folders, which say what a host name on the
 * compose network is and which gateway a mounted route file configures.
 */
import type { ComposeServiceFact } from '../../core/facts.js';
import { asList, isTree, text, type ParsedConfig, type Tree } from './document.js';

export function looksLikeCompose(source: string): boolean {
  return /^services\s*:/m.test(source) && /^\s+(?:image|build|environment|volumes|ports)\s*:/m.test(source);
}

export function readCompose(parsed: ParsedConfig): ComposeServiceFact[] {
  const services: ComposeServiceFact[] = [];
  for (const doc of parsed.documents) {
    if (!isTree(doc) || !isTree(doc.services)) continue;
    for (const [name, service] of Object.entries(doc.services)) {
      // An override file lists services with only environment or ports: still the same service.
      const body: Tree = isTree(service) ? service : {};
      const build = buildOf(body.build);
      const image = text(body.image);
      services.push({
        name,
        ...(build ? { build } : {}),
        ...(image ? { image } : {}),
        aliases: aliasesOf(body),
        environment: environmentOf(body.environment),
        mounts: asList(body.volumes).flatMap(mountSource),
        line: isTree(service) ? parsed.lineOf(service) : 1,
      });
    }
  }
  return services;
}

function buildOf(build: unknown): ComposeServiceFact['build'] {
  if (typeof build === 'string' && build.trim()) return { context: build.trim() };
  if (!isTree(build)) return undefined;
  const context = text(build.context) ?? '.';
  const dockerfile = text(build.dockerfile);
  return { context, ...(dockerfile ? { dockerfile } : {}) };
}

function aliasesOf(service: Tree): string[] {
  const aliases = [text(service.hostname), text(service.container_name)];
  if (isTree(service.networks))
    for (const network of Object.values(service.networks))
      if (isTree(network)) aliases.push(...asList(network.aliases).map(text));
  return [...new Set(aliases.filter((a): a is string => a !== undefined))].sort();
}

function environmentOf(environment: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(environment)) {
    for (const entry of environment) {
      const written = text(entry);
      const eq = written?.indexOf('=') ?? -1;
      if (written && eq > 0) out[written.slice(0, eq).trim()] = written.slice(eq + 1).trim();
    }
  } else if (isTree(environment)) {
    for (const [key, value] of Object.entries(environment)) {
      const written = text(value);
      if (written !== undefined) out[key] = written;
    }
  }
  return out;
}

/** Relative host paths only: a bare name is a named volume, an absolute path lies outside the repository. */
function mountSource(volume: unknown): string[] {
  const source = isTree(volume)
    ? volume.type === 'bind'
      ? text(volume.source)
      : undefined
    : text(volume)?.split(':')[0];
  return source?.startsWith('.') ? [source] : [];
}

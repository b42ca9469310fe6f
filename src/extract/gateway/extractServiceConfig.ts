/**
 * A JSON or YAML file → gateway routes or compose services, recognised by content
 * (a cheap text sniff first, so the many other JSON/YAML files are never parsed).
 * Files that are neither give no facts and no problem.
 */
import type { ComposeFacts, ExtractionOutcome, ExtractionProblem, GatewayConfigFacts } from '../../core/facts.js';
import { looksLikeCompose, readCompose } from './compose.js';
import { parseConfig } from './document.js';
import { looksLikeEnvoy, readEnvoy } from './envoy.js';
import { looksLikeOcelot, readOcelot } from './ocelot.js';
import { looksLikeYarp, readYarp } from './yarp.js';

type Format = GatewayConfigFacts['format'] | 'compose';

export function extractServiceConfig(
  fileName: string,
  text: string,
): ExtractionOutcome<GatewayConfigFacts | ComposeFacts> {
  const format = sniff(text);
  if (!format) return { problems: [] };
  const { parsed, problem } = parseConfig(fileName, text);
  if (!parsed) return { problems: problem ? [problem] : [] };
  if (format === 'compose') {
    const services = readCompose(parsed);
    return services.length > 0 ? { facts: { kind: 'compose', services }, problems: [] } : { problems: [] };
  }
  const read =
    format === 'envoy'
      ? readEnvoy(parsed)
      : format === 'ocelot'
        ? { ...readOcelot(parsed), clusters: [] }
        : readYarp(parsed);
  const problems: ExtractionProblem[] = read.skipped.map(({ line, why }) => ({
    code: 'gateway-route-skipped',
    severity: 'info',
    message: `${format} ${why}: calls through it are not followed`,
    line,
  }));
  if (read.routes.length === 0) return { problems };
  return { facts: { kind: 'gateway-config', format, routes: read.routes, clusters: read.clusters }, problems };
}

function sniff(text: string): Format | undefined {
  if (looksLikeOcelot(text)) return 'ocelot';
  if (looksLikeYarp(text)) return 'yarp';
  if (looksLikeEnvoy(text)) return 'envoy';
  if (looksLikeCompose(text)) return 'compose';
  return undefined;
}

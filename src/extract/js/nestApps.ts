/**
 * Nest applications a file bootstraps: `const app = await NestFactory.create(AppModule)`,
 * then `app.setGlobalPrefix('api', { exclude })` and `app.enableVersioning({ type:
 * VersioningType.URI, defaultVersion })`. Only the options change where routes are
 * served; which controllers an app serves is the graph's to decide (from the root module).
 */
import type { CallExpression, Node } from '@babel/types';
import { toHttpMethod } from '../../core/graphData.js';
import type { JsNestApp, NestVersion } from '../../core/facts.js';
import type { ModuleCollector } from './modules.js';
import { isName, type HttpBindings } from './httpBindings.js';
import { HOLE, propertyOf } from './staticString.js';

/** Nest's own default for `enableVersioning({ prefix })`. */
const DEFAULT_VERSION_PREFIX = 'v';

export function collectNestApps(bindings: HttpBindings, modules: ModuleCollector): JsNestApp[] {
  const apps = new Map<string, JsNestApp & { listens: boolean }>();
  for (const declarator of bindings.declarators) {
    const init = declarator.init?.type === 'AwaitExpression' ? declarator.init.argument : declarator.init;
    if (declarator.id.type !== 'Identifier' || init?.type !== 'CallExpression' || !isNestFactoryCreate(init, modules))
      continue;
    const root = init.arguments[0];
    const module = root?.type === 'Identifier' ? modules.localsOf(root.name) : undefined;
    apps.set(declarator.id.name, {
      ...(module ? { module } : {}),
      prefixExclusions: [],
      line: declarator.loc?.start.line ?? 0,
      listens: false,
    });
  }
  if (apps.size === 0) return [];

  for (const call of bindings.calls) {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.computed) continue;
    const app = apps.get(callee.object.name);
    if (!app || callee.property.type !== 'Identifier') continue;
    const [first, second] = call.arguments;
    switch (callee.property.name) {
      case 'setGlobalPrefix': {
        const prefix = bindings.constants.evaluate(first);
        if (prefix !== undefined && !prefix.includes(HOLE)) app.globalPrefix = prefix;
        app.prefixExclusions = exclusionsOf(propertyOf(second, 'exclude'), bindings);
        break;
      }
      case 'enableVersioning': {
        const versioning = versioningOf(first, bindings);
        if (versioning) app.uriVersioning = versioning;
        else delete app.uriVersioning;
        break;
      }
      case 'listen':
      case 'init':
        app.listens = true;
        break;
      default:
    }
  }
  // `NestFactory.create` twice in one file (a throw-away app to read configuration first): the one that listens is served.
  const all = [...apps.values()];
  const served = all.some((a) => a.listens) ? all.filter((a) => a.listens) : all;
  return served.map(({ listens: _, ...app }) => app);
}

function isNestFactoryCreate(call: CallExpression, modules: ModuleCollector): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || !isName(callee.property, 'create')) return false;
  if (callee.object.type !== 'Identifier') return false;
  const from = modules.localsOf(callee.object.name);
  return from ? from.specifier === '@nestjs/core' && from.name === 'NestFactory' : false;
}

/** `exclude: ['health', { path: 'auth/(.*)', method: RequestMethod.GET }]`; entries not known statically are left out. */
function exclusionsOf(node: Node | undefined, bindings: HttpBindings): JsNestApp['prefixExclusions'] {
  if (node?.type !== 'ArrayExpression') return [];
  const exclusions: JsNestApp['prefixExclusions'] = [];
  for (const element of node.elements) {
    if (!element || element.type === 'SpreadElement') continue;
    const path = bindings.constants.evaluate(
      element.type === 'ObjectExpression' ? propertyOf(element, 'path') : element,
    );
    if (path === undefined || path.includes(HOLE)) continue;
    const method = element.type === 'ObjectExpression' ? requestMethodOf(propertyOf(element, 'method')) : undefined;
    exclusions.push({ path, ...(method && method !== 'ANY' ? { method } : {}) });
  }
  return exclusions;
}

/** `RequestMethod.GET`; `RequestMethod.ALL` and anything else leave the verb open. */
function requestMethodOf(node: Node | undefined): ReturnType<typeof toHttpMethod> | undefined {
  if (node?.type !== 'MemberExpression' || node.property.type !== 'Identifier') return undefined;
  return toHttpMethod(node.property.name);
}

/** URI versioning options, or undefined when versioning is by header, media type or custom extractor. */
function versioningOf(options: Node | undefined, bindings: HttpBindings): JsNestApp['uriVersioning'] {
  const type = propertyOf(options, 'type');
  // `enableVersioning()` without options is URI versioning.
  if (type && !(type.type === 'MemberExpression' && isName(type.property, 'URI'))) return undefined;
  const prefixNode = propertyOf(options, 'prefix');
  const prefix =
    prefixNode?.type === 'BooleanLiteral' && !prefixNode.value
      ? ''
      : (bindings.constants.evaluate(prefixNode) ?? DEFAULT_VERSION_PREFIX);
  const defaultVersion = nestVersionOf(propertyOf(options, 'defaultVersion'), bindings);
  return { prefix, ...(defaultVersion ? { defaultVersion } : {}) };
}

/** `'2'`, `['1', '2']`, `VERSION_NEUTRAL`, `[VERSION_NEUTRAL, '1']`; undefined when nothing in it is known. */
export function nestVersionOf(node: Node | null | undefined, bindings: HttpBindings): NestVersion | undefined {
  if (!node) return undefined;
  const version: NestVersion = { values: [], neutral: false };
  for (const element of node.type === 'ArrayExpression' ? node.elements : [node]) {
    if (!element || element.type === 'SpreadElement') continue;
    if (isName(element, 'VERSION_NEUTRAL')) version.neutral = true;
    else {
      const value = bindings.constants.evaluate(element);
      if (value !== undefined && !value.includes(HOLE)) version.values.push(value);
    }
  }
  return version.neutral || version.values.length > 0 ? version : undefined;
}

/**
 * Routes a Node file serves: Express (`app.get`, `router.route('/x').post`,
 * `app.use('/prefix', router)`), Fastify (`fastify.get`, `fastify.route({…})`,
 * `register(plugin, { prefix })`) and Nest (`@Controller('x')` + `@Get(':id')`).
 */
import { toHttpMethod, type HttpMethod } from '../../core/graphData.js';
import type { CallExpression, Node } from '@babel/types';
import type { JsHttpRoute, JsRouterMount } from '../../core/facts.js';
import type { ModuleCollector } from './modules.js';
import { decoratorCall, type Framework, type HttpBindings } from './httpBindings.js';
import { propertyOf } from './staticString.js';
import { ownEntry } from '../../core/ownEntry.js';
import { nestVersionOf } from './nestApps.js';

const VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all']);
/** Receivers route files conventionally get as a parameter (`export default (app) => { app.get(…) }`). */
const CONVENTIONAL_RECEIVERS = new Set(['app', 'router', 'server', 'fastify', 'api', 'routes', 'instance']);
const NEST_VERBS: Record<string, HttpMethod> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Delete: 'DELETE',
  Patch: 'PATCH',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: 'ANY',
};

export function collectRoutes(
  bindings: HttpBindings,
  modules: ModuleCollector,
): { routes: JsHttpRoute[]; mounts: JsRouterMount[] } {
  const routes: JsHttpRoute[] = [];
  const mounts: JsRouterMount[] = [];
  const localPrefixes = new Map<string, { prefix: string; parent?: string }>();
  const fileFramework = bindings.importedFramework();
  const frameworkOfReceiver = (node: Node, hasHandler: boolean): Framework | undefined => {
    if (node.type !== 'Identifier') return undefined;
    const known = bindings.servers.get(node.name);
    if (known) return known;
    return fileFramework && hasHandler && CONVENTIONAL_RECEIVERS.has(node.name) ? fileFramework : undefined;
  };

  for (const call of bindings.calls) {
    if (call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier') continue;
    const verb = call.callee.property.name;
    const line = call.loc?.start.line ?? 0;
    const hasHandler = call.arguments.length >= 2;
    const owner = call.callee.object;
    if (VERBS.has(verb)) {
      const chained = routeChain(owner);
      if (chained) {
        const framework = frameworkOfReceiver(chained.receiver, true);
        const path = bindings.constants.evaluate(chained.path);
        if (framework && path !== undefined)
          routes.push({
            framework,
            method: methodOf(verb),
            path,
            receiver: (chained.receiver as { name: string }).name,
            line,
          });
        continue;
      }
      const framework = frameworkOfReceiver(owner, hasHandler);
      const path = hasHandler ? bindings.constants.evaluate(call.arguments[0]) : undefined;
      if (framework && path !== undefined)
        routes.push({ framework, method: methodOf(verb), path, receiver: (owner as { name: string }).name, line });
    } else if (verb === 'route' && call.arguments[0]?.type === 'ObjectExpression') {
      const framework = frameworkOfReceiver(owner, true);
      const options = call.arguments[0];
      const path = bindings.constants.evaluate(propertyOf(options, 'url') ?? propertyOf(options, 'path'));
      if (!framework || path === undefined) continue;
      for (const method of methodsOf(propertyOf(options, 'method'), bindings))
        routes.push({ framework, method, path, receiver: (owner as { name: string }).name, line });
    } else if ((verb === 'use' || verb === 'register') && frameworkOfReceiver(owner, true)) {
      const mount = mountOf(call, verb, bindings);
      if (!mount) continue;
      if (mount.target.type === 'Identifier' && bindings.servers.has(mount.target.name)) {
        localPrefixes.set(mount.target.name, {
          prefix: mount.prefix,
          ...(owner.type === 'Identifier' ? { parent: owner.name } : {}),
        });
      } else {
        const router = importedBinding(mount.target, modules);
        if (router) mounts.push({ prefix: mount.prefix, router, line });
      }
    }
  }
  for (const route of routes) route.path = withPrefix(route.receiver, route.path, localPrefixes);
  routes.push(...nestRoutes(bindings));
  return { routes, mounts };
}

/** `app.route('/x').get(h).post(h)`: the `.route(path)` call under a chain of verb calls. */
function routeChain(node: Node): { receiver: Node; path: Node | undefined } | undefined {
  let current = node;
  while (
    current.type === 'CallExpression' &&
    current.callee.type === 'MemberExpression' &&
    current.callee.property.type === 'Identifier'
  ) {
    if (current.callee.property.name === 'route' && current.arguments[0]?.type !== 'ObjectExpression')
      return { receiver: current.callee.object, path: current.arguments[0] };
    if (!VERBS.has(current.callee.property.name)) return undefined;
    current = current.callee.object;
  }
  return undefined;
}

function mountOf(
  call: CallExpression,
  verb: string,
  bindings: HttpBindings,
): { prefix: string; target: Node } | undefined {
  if (verb === 'use') {
    const prefix = bindings.constants.evaluate(call.arguments[0]);
    const target = call.arguments[call.arguments.length - 1];
    return prefix !== undefined && target && call.arguments.length >= 2 ? { prefix, target } : undefined;
  }
  const prefix = bindings.constants.evaluate(propertyOf(call.arguments[1], 'prefix'));
  return prefix !== undefined && call.arguments[0] ? { prefix, target: call.arguments[0] } : undefined;
}

function importedBinding(node: Node, modules: ModuleCollector): { specifier: string; name: string } | undefined {
  if (node.type === 'Identifier') return modules.localsOf(node.name);
  // `app.use('/x', require('./routes/x'))`
  if (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === 'StringLiteral'
  ) {
    return { specifier: node.arguments[0].value, name: 'default' };
  }
  return undefined;
}

/** Applies `app.use('/api', router)` prefixes mounted in the same file, innermost first. */
function withPrefix(
  receiver: string | undefined,
  path: string,
  prefixes: ReadonlyMap<string, { prefix: string; parent?: string }>,
): string {
  let current = receiver;
  let result = path;
  // Bounded: `a.use('/x', b); b.use('/y', a)` must not loop.
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    const mount = prefixes.get(current);
    if (!mount) break;
    result = joinPath(mount.prefix, result);
    current = mount.parent;
  }
  return result;
}

export function joinPath(prefix: string, path: string): string {
  if (path === '' || path === '/') return prefix || '/';
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function methodOf(verb: string): HttpMethod {
  return verb === 'all' ? 'ANY' : toHttpMethod(verb);
}

function methodsOf(node: Node | undefined, bindings: HttpBindings): HttpMethod[] {
  if (node?.type === 'ArrayExpression') return node.elements.flatMap((e) => (e ? methodsOf(e, bindings) : []));
  const value = node ? bindings.constants.evaluate(node) : undefined;
  return value && /^[a-z]+$/i.test(value) ? [toHttpMethod(value)] : ['ANY'];
}

function nestRoutes(bindings: HttpBindings): JsHttpRoute[] {
  const routes: JsHttpRoute[] = [];
  for (const cls of bindings.classes) {
    const controller = (cls.decorators ?? []).map(decoratorCall).find((d) => d?.name === 'Controller');
    if (!controller) continue;
    const first = controller.args[0];
    const prefix =
      (first?.type === 'ObjectExpression'
        ? bindings.constants.evaluate(propertyOf(first, 'path'))
        : bindings.constants.evaluate(first)) ?? '';
    const className = cls.id?.name ?? 'default';
    const controllerVersion = nestVersionOf(propertyOf(first, 'version'), bindings);
    for (const member of cls.body.body) {
      if (member.type !== 'ClassMethod' || member.key.type !== 'Identifier') continue;
      const versionDecorator = (member.decorators ?? []).map(decoratorCall).find((d) => d?.name === 'Version');
      const version = nestVersionOf(versionDecorator?.args[0], bindings) ?? controllerVersion;
      for (const decorator of member.decorators ?? []) {
        const call = decoratorCall(decorator);
        const method = call ? ownEntry(NEST_VERBS, call.name) : undefined;
        if (!call || !method) continue;
        const path = bindings.constants.evaluate(call.args[0]) ?? '';
        routes.push({
          framework: 'nest',
          method,
          path: joinPath(`/${prefix.replace(/^\/+/, '')}`, path),
          handler: `${className}.${member.key.name}`,
          ...(version ? { version } : {}),
          line: decorator.loc?.start.line ?? 0,
        });
      }
    }
  }
  return routes;
}

/**
 * HTTP requests a file makes: `fetch`, `axios` (and `axios.create` instances with their
 * `baseURL`), jQuery `$.ajax`/`$.get`/`$.post`/`$.getJSON`, Angular `HttpClient`, and
 * verb calls on an imported binding that may be a client instance made elsewhere.
 */
import { toHttpMethod, type HttpMethod } from '../../core/graphData.js';
import type { CallExpression, Node } from '@babel/types';
import type { JsHelperCall, JsHttpCall, JsHttpClientInstance, JsHttpHelper } from '../../core/facts.js';
import type { ModuleCollector } from './modules.js';
import { isName, type HttpBindings } from './httpBindings.js';
import { propertyOf } from './staticString.js';
import { hasOwnEntry, ownEntry } from '../../core/ownEntry.js';
import { resolveRequests, type RequestSite } from './httpWrappers.js';

export { joinUrl } from './httpWrappers.js';

const CLIENT_VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options']);
const JQUERY_VERBS: Record<string, HttpMethod | undefined> = {
  get: 'GET',
  getJSON: 'GET',
  post: 'POST',
  ajax: undefined,
};

export function collectHttpCalls(
  bindings: HttpBindings,
  modules: ModuleCollector,
  text: string,
): {
  httpCalls: JsHttpCall[];
  clientInstances: JsHttpClientInstance[];
  httpHelpers: JsHttpHelper[];
  helperCalls: JsHelperCall[];
} {
  const exported = new Set(modules.declarations.filter((d) => d.exported).map((d) => d.name));
  const clientInstances: JsHttpClientInstance[] = [...bindings.instances].map(([name, { config, line }]) => ({
    name: modules.defaultExport === name ? 'default' : name,
    baseURL: bindings.constants.evaluate(propertyOf(config, 'baseURL')) ?? '',
    exported: exported.has(name) || modules.defaultExport === name,
    line,
  }));
  const baseOf = new Map([...bindings.instances.keys()].map((name, i) => [name, clientInstances[i]!.baseURL]));
  const sites: RequestSite[] = [];
  const helperCalls: JsHelperCall[] = [];
  const recordHelperCall = (call: CallExpression, via: JsHelperCall['via'], member?: string) =>
    helperCalls.push({
      via,
      ...(member ? { member } : {}),
      args: call.arguments.map((a) => bindings.constants.evaluate(a) ?? null),
      call: text
        .slice(call.start ?? 0, call.end ?? 0)
        .replace(/\s+/g, ' ')
        .slice(0, 120),
      line: call.loc?.start.line ?? 0,
    });
  const record = (
    client: JsHttpCall['client'],
    method: HttpMethod | undefined,
    urlNode: Node | undefined,
    call: CallExpression,
    base = '',
    via?: JsHttpCall['via'],
    verbNode?: Node,
  ) => {
    if (!urlNode) return;
    sites.push({
      client,
      call,
      urlNode,
      base,
      ...(method ? { method } : {}),
      ...(via ? { via } : {}),
      ...(verbNode ? { verbNode } : {}),
    });
  };
  /** A verb given as an expression: evaluated with the URL, so a helper's `method` parameter is filled by its callers. */
  const recordWithVerb = (
    client: JsHttpCall['client'],
    verbNode: Node | undefined,
    fallback: HttpMethod | undefined,
    urlNode: Node | undefined,
    call: CallExpression,
    base = '',
  ) => record(client, fallback, urlNode, call, base, undefined, verbNode);

  for (const call of bindings.calls) {
    const callee = call.callee;
    const [first, second] = call.arguments;
    if (callee.type === 'Identifier' || (callee.type === 'MemberExpression' && isGlobalFetch(callee))) {
      if (callee.type === 'MemberExpression' || callee.name === 'fetch') {
        recordWithVerb('fetch', propertyOf(second, 'method'), 'GET', first, call);
      } else if (bindings.isAxios(callee)) {
        if (first?.type === 'ObjectExpression')
          recordWithVerb('axios', propertyOf(first, 'method'), 'GET', propertyOf(first, 'url'), call);
        else recordWithVerb('axios', propertyOf(second, 'method'), 'GET', first, call);
      } else {
        // `request('/x')` of an imported function: a request only if that function is an exported helper.
        const via = modules.localsOf(callee.name);
        if (via && passesPath(call)) recordHelperCall(call, via);
      }
      continue;
    }
    if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.computed) continue;
    const verb = callee.property.name;
    const owner = callee.object;
    if (bindings.isAxios(owner) || (owner.type === 'Identifier' && baseOf.has(owner.name))) {
      const base = owner.type === 'Identifier' ? (baseOf.get(owner.name) ?? '') : '';
      if (CLIENT_VERBS.has(verb)) record('axios', toHttpMethod(verb), first, call, base);
      else if (verb === 'request' && first?.type === 'ObjectExpression')
        recordWithVerb('axios', propertyOf(first, 'method'), 'GET', propertyOf(first, 'url'), call, base);
    } else if (bindings.isJQuery(owner) && hasOwnEntry(JQUERY_VERBS, verb)) {
      const settings = first?.type === 'ObjectExpression' ? first : second;
      const urlNode = first?.type === 'ObjectExpression' ? propertyOf(first, 'url') : first;
      const fixed = ownEntry(JQUERY_VERBS, verb);
      if (fixed) record('jquery', fixed, urlNode, call);
      else
        recordWithVerb('jquery', propertyOf(settings, 'method') ?? propertyOf(settings, 'type'), 'GET', urlNode, call);
    } else if (
      owner.type === 'MemberExpression' &&
      owner.object.type === 'ThisExpression' &&
      owner.property.type === 'Identifier' &&
      bindings.httpClientMembers.has(owner.property.name)
    ) {
      if (CLIENT_VERBS.has(verb)) record('angular', toHttpMethod(verb), first, call);
      else if (verb === 'request') recordWithVerb('angular', first, undefined, second, call);
    } else if (
      owner.type === 'MemberExpression' &&
      owner.object.type === 'ThisExpression' &&
      owner.property.type === 'Identifier' &&
      passesPath(call)
    ) {
      // `this.data.get(url)` on a member typed with an imported class: kept for the graph to fill in that class's helper.
      const type = bindings.memberTypes.get(owner.property.name);
      const via = type ? modules.localsOf(type) : undefined;
      if (via) recordHelperCall(call, via, verb);
    } else if (owner.type === 'Identifier' && CLIENT_VERBS.has(verb) && first) {
      // `api.get('/x')` on an imported `api`: a client instance only if the import resolves to one.
      const via = modules.localsOf(owner.name);
      if (via && !via.specifier.startsWith('node:') && bindings.constants.evaluate(first) !== undefined)
        record('axios', toHttpMethod(verb), first, call, '', via);
    }
  }
  /** Whether an argument is known to hold a path: helper calls are worth keeping only then. */
  function passesPath(call: CallExpression): boolean {
    return call.arguments.some((a) => bindings.constants.evaluate(a)?.includes('/'));
  }
  const { calls, helpers } = resolveRequests(sites, bindings, modules, text);
  return { httpCalls: calls, clientInstances, httpHelpers: helpers, helperCalls };
}

function isGlobalFetch(callee: Extract<Node, { type: 'MemberExpression' }>): boolean {
  return (
    isName(callee.property, 'fetch') &&
    callee.object.type === 'Identifier' &&
    ['window', 'globalThis', 'self', 'global'].includes(callee.object.name)
  );
}

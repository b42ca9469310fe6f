/**
 * HTTP requests made through helpers of the same file. A named function or method whose
 * request URL (or verb) depends on its parameters — `private get(path) { return
 * this.http.get(this.baseUrl + path) }`, `const request = (path, init) => fetch(API + path,
 * init)` — is a template; each call of it in the file (`this.get('/users')`) is a request
 * with the arguments filled in, at the line of that call. Helpers calling helpers are
 * followed a few levels deep. A helper's own request is kept as well unless every caller
 * is in this file or it is a bare forwarder (no path of its own).
 */
import type { CallExpression, Node } from '@babel/types';
import { toHttpMethod, type HttpMethod } from '../../core/graphData.js';
import type { JsHttpCall, JsHttpHelper } from '../../core/facts.js';
import type { ModuleCollector } from './modules.js';
import type { HttpBindings, NamedFunction } from './httpBindings.js';
import { contains, spanOf, type FunctionNode } from './lexicalScopes.js';
import { HOLE, propertyOf, type ParameterSlots } from './staticString.js';

/** A request found in the file, before its URL is evaluated. */
export interface RequestSite {
  client: JsHttpCall['client'];
  call: CallExpression;
  urlNode: Node;
  /** The verb when written as an expression (`this.http.request(method, url)`); else `method`. */
  verbNode?: Node;
  method?: HttpMethod;
  base: string;
  via?: JsHttpCall['via'];
}

interface Template {
  site: RequestSite;
  /** Where the request shows in the source: the request itself, or the call of the helper that fills it. */
  at: CallExpression;
  written: Node | undefined;
  url: string;
  verb: string | undefined;
  through?: JsHttpCall['through'];
}

const MAX_HELPER_DEPTH = 4;
const MAX_CALL_TEXT = 120;
/** A parameter slot in a helper's URL template: `\uE000<index>[.<property>]\uE000` (a private-use character no URL holds). */
const SLOT = /\uE000(\d+)(?:\.([^\uE000]*))?\uE000/g;

export function resolveRequests(
  sites: readonly RequestSite[],
  bindings: HttpBindings,
  modules: ModuleCollector,
  text: string,
): { calls: JsHttpCall[]; helpers: JsHttpHelper[] } {
  const out: { call: JsHttpCall; position: number }[] = [];
  const helpers: JsHttpHelper[] = [];
  const emit = ({ at, written, ...template }: Template) => {
    const url = template.url.replace(SLOT, HOLE);
    const verb = template.verb?.replace(SLOT, HOLE);
    const method =
      template.site.verbNode !== undefined
        ? verb && /^[a-z]+$/i.test(verb)
          ? toHttpMethod(verb)
          : template.site.method
        : template.site.method;
    const base = template.site.base;
    out.push({
      position: at.start ?? 0,
      call: {
        client: template.site.client,
        ...(method ? { method } : {}),
        url: base && !/^[a-z]+:\/\//i.test(url) ? joinUrl(base, url) : url,
        call: shorten(written ? text.slice(written.start ?? 0, written.end ?? 0) : ''),
        ...(template.site.via ? { via: template.site.via } : {}),
        ...(template.through ? { through: template.through } : {}),
        line: at.loc?.start.line ?? 0,
      },
    });
  };

  // Requests whose URL depends on the parameters of the named function they sit in are templates of it.
  let fresh = new Map<FunctionNode, Template[]>();
  const addTemplate = (fn: FunctionNode, template: Template) => fresh.set(fn, [...(fresh.get(fn) ?? []), template]);
  for (const site of sites) {
    const fn = bindings.enclosingFunction.get(site.call);
    const slots = fn && bindings.namedFunctions.has(fn) ? slotsOf(fn) : undefined;
    const url = bindings.constants.evaluate(site.urlNode, slots) ?? HOLE;
    const verb = site.verbNode ? bindings.constants.evaluate(site.verbNode, slots) : undefined;
    const template = { site, at: site.call, written: site.urlNode, url, verb };
    if (fn && slots && hasSlot(url, verb)) addTemplate(fn, template);
    else emit(template);
  }

  const invocations = invocationsByHelper(bindings, modules);
  const exported = new Set(modules.declarations.filter((d) => d.exported).map((d) => d.name));
  // A function the module does not export, or a private method: every caller is in this file.
  const isHidden = (helper: NamedFunction) =>
    helper.hidden ||
    (helper.reachedAs === 'plain' && !exported.has(helper.name) && modules.defaultExport !== helper.name);
  for (let depth = 0; depth < MAX_HELPER_DEPTH && fresh.size > 0; depth++) {
    const round = fresh;
    fresh = new Map();
    for (const [fn, templates] of round) {
      const helper = bindings.namedFunctions.get(fn)!;
      const calls = (invocations.get(fn) ?? []).filter((c) => bindings.enclosingFunction.get(c) !== fn);
      for (const template of templates) {
        if (calls.length === 0 || !(isHidden(helper) || isBareForwarder(template.url))) emit(template);
        if (!isHidden(helper) && (helper.reachedAs === 'plain' || (helper.className && exported.has(helper.className))))
          helpers.push(exportedHelper(helper, template));
        for (const call of calls) {
          const caller = bindings.enclosingFunction.get(call);
          const callerSlots = caller && bindings.namedFunctions.has(caller) ? slotsOf(caller) : undefined;
          const fill = (s: string | undefined) => s && fillSlots(s, fn, call, bindings, callerSlots);
          const filled: Template = {
            site: template.site,
            at: call,
            written: writtenArgument(template.url, call),
            url: fill(template.url) ?? HOLE,
            verb: fill(template.verb),
            through: { name: helper.name, line: helper.line },
          };
          if (caller && callerSlots && hasSlot(filled.url, filled.verb)) addTemplate(caller, filled);
          else emit(filled);
        }
      }
    }
  }
  // Helpers nested deeper than followed: their requests as they stand.
  for (const templates of fresh.values()) for (const t of templates) emit(t);
  return { calls: out.sort((a, b) => a.position - b.position).map((o) => o.call), helpers };
}

/** The template as other files' calls fill it: slots written `{$0}`, `{$1.key}`. */
function exportedHelper(helper: NamedFunction, template: Template): JsHttpHelper {
  const readable = (t: string) =>
    t.replace(SLOT, (_, i: string, key: string | undefined) => `{$${i}${key ? `.${key}` : ''}}`);
  return {
    ...(helper.className ? { className: helper.className } : {}),
    name: helper.name,
    client: template.site.client,
    url: readable(template.url),
    ...(template.site.verbNode && template.verb !== undefined ? { verb: readable(template.verb) } : {}),
    ...(template.site.method ? { method: template.site.method } : {}),
    line: template.site.call.loc?.start.line ?? 0,
  };
}

/** Each parameter name (destructured ones included) as the slot its argument fills. */
function slotsOf(fn: FunctionNode): ParameterSlots {
  const texts = new Map<string, string>();
  fn.params.forEach((param, i) => {
    const target = param.type === 'TSParameterProperty' ? param.parameter : param;
    const pattern = target.type === 'AssignmentPattern' ? target.left : target;
    if (pattern.type === 'Identifier') texts.set(pattern.name, `\uE000${i}\uE000`);
    else if (pattern.type === 'ObjectPattern')
      for (const property of pattern.properties) {
        if (property.type !== 'ObjectProperty' || property.key.type !== 'Identifier') continue;
        const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
        if (value.type === 'Identifier') texts.set(value.name, `\uE000${i}.${property.key.name}\uE000`);
      }
  });
  return { span: spanOf(fn), texts };
}

function hasSlot(...texts: (string | undefined)[]): boolean {
  return texts.some((t) => t !== undefined && new RegExp(SLOT.source).test(t));
}

/** `this.base + path`: nothing of the path is the helper's own, so on its own it says nothing. */
function isBareForwarder(url: string): boolean {
  return (
    url
      .replace(SLOT, '')
      .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
      .replace(/\{\}|\//g, '') === ''
  );
}

/** The template with each slot replaced by what the call passes (in the caller's own slots when it is a helper too). */
function fillSlots(
  template: string,
  helper: FunctionNode,
  call: CallExpression,
  bindings: HttpBindings,
  callerSlots: ParameterSlots | undefined,
): string {
  return template.replace(SLOT, (_, index: string, key: string | undefined) => {
    const i = Number(index);
    let argument: Node | undefined = call.arguments[i];
    if (argument?.type === 'SpreadElement') return HOLE;
    if (key !== undefined) argument = propertyOf(argument, key);
    if (!argument) {
      // A parameter the call leaves out takes its default.
      const param = helper.params[i];
      argument = key === undefined && param?.type === 'AssignmentPattern' ? param.right : undefined;
    }
    return (argument && bindings.constants.evaluate(argument, callerSlots)) ?? HOLE;
  });
}

/** The argument that fills the URL's first slot, as the call writes it. */
function writtenArgument(template: string, call: CallExpression): Node | undefined {
  const first = new RegExp(SLOT.source).exec(template);
  return call.arguments[first ? Number(first[1]) : 0] ?? call.arguments[0];
}

/** Calls of each helper: `this.name(…)` inside its class (innermost class wins), `name(…)` for a function. */
function invocationsByHelper(bindings: HttpBindings, modules: ModuleCollector): Map<FunctionNode, CallExpression[]> {
  const byName = new Map<string, [FunctionNode, NamedFunction][]>();
  for (const entry of bindings.namedFunctions) {
    const key = `${entry[1].reachedAs}:${entry[1].name}`;
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  const calls = new Map<FunctionNode, CallExpression[]>();
  for (const call of bindings.calls) {
    const callee = call.callee;
    let candidates: [FunctionNode, NamedFunction][] | undefined;
    if (callee.type === 'Identifier' && !modules.localsOf(callee.name)) {
      candidates = byName.get(`plain:${callee.name}`);
      // Two functions of one name in a file: which one a call reaches is not clear without scopes.
      if (candidates && candidates.length > 1) candidates = undefined;
    } else if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression' && !callee.computed) {
      const name =
        callee.property.type === 'Identifier'
          ? callee.property.name
          : callee.property.type === 'PrivateName'
            ? `#${callee.property.id.name}`
            : undefined;
      const position = call.start ?? 0;
      const inClass = (name ? (byName.get(`this:${name}`) ?? []) : []).filter(
        ([, f]) => f.cls && contains(f.cls, position),
      );
      const innermost = Math.max(...inClass.map(([, f]) => f.cls!.start));
      candidates = inClass.filter(([, f]) => f.cls!.start === innermost);
    }
    for (const [fn] of candidates ?? []) calls.set(fn, [...(calls.get(fn) ?? []), call]);
  }
  return calls;
}

export function joinUrl(base: string, url: string): string {
  if (url === '' || (url === HOLE && base !== '')) return base;
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CALL_TEXT ? `${flat.slice(0, MAX_CALL_TEXT - 1)}…` : flat;
}

/**
 * ASP.NET routes: attribute routes (`[RoutePrefix]` + `[Route]`, `[Route("api/[controller]")]`
 * + `[HttpGet("{id}")]`, `~/` overrides, `[ActionName]`), conventional routes from
 * `MapRoute`/`MapControllerRoute`/`MapHttpRoute` applied to the other actions of the
 * same repository's controllers, and minimal APIs (`app.MapGet("/x", …)`).
 */
import { toHttpMethod, type HttpMethod } from '../../core/graphData.js';
import type {
  CSharpAttributeUse,
  CSharpCallSite,
  CSharpFileFacts,
  CSharpMemberFacts,
  CSharpTypeFacts,
} from '../../core/facts.js';
import type { RepoModel } from '../../core/model.js';
import { fileId, typeId } from '../../core/ids.js';
import { parseRoute } from './routeTemplate.js';
import type { ServedRoute } from './types.js';
import { ownEntry } from '../../core/ownEntry.js';

const VERB_ATTRIBUTES: Record<string, HttpMethod> = {
  HttpGet: 'GET',
  HttpPost: 'POST',
  HttpPut: 'PUT',
  HttpDelete: 'DELETE',
  HttpPatch: 'PATCH',
  HttpHead: 'HEAD',
  HttpOptions: 'OPTIONS',
};
const CONVENTIONAL = new Set([
  'MapRoute',
  'MapControllerRoute',
  'MapHttpRoute',
  'MapDefaultControllerRoute',
  'MapAreaControllerRoute',
]);
const MINIMAL: Record<string, HttpMethod> = {
  MapGet: 'GET',
  MapPost: 'POST',
  MapPut: 'PUT',
  MapDelete: 'DELETE',
  MapPatch: 'PATCH',
};
const VERB_PREFIXES = ['Get', 'Post', 'Put', 'Delete', 'Patch'];
/** Framework overrides that are never actions (member visibility is not in the C# facts, so private helpers still count). */
const NOT_ACTIONS = new Set([
  'Dispose',
  'Initialize',
  'ExecuteCore',
  'HandleUnknownAction',
  'OnActionExecuting',
  'OnActionExecuted',
  'OnResultExecuting',
  'OnResultExecuted',
  'OnException',
  'OnAuthorization',
  'OnAuthentication',
]);

interface Action {
  controller: string;
  name: string;
  methods: HttpMethod[];
  handler: string;
  file: string;
  line: number;
}

export function aspnetRoutes(repos: readonly RepoModel[]): ServedRoute[] {
  const routes: ServedRoute[] = [];
  for (const repo of repos) {
    const conventionalActions: Action[] = [];
    const conventionalTemplates: { name?: string; template: string; file: string; line: number }[] = [];
    for (const file of repo.files) {
      if (file.facts?.kind !== 'csharp') continue;
      const facts = file.facts as CSharpFileFacts;
      for (const type of facts.types)
        if (isController(type)) routes.push(...controllerRoutes(type, repo.name, file.path, conventionalActions));
      for (const call of facts.callSites ?? []) {
        if (CONVENTIONAL.has(call.method)) {
          const template =
            call.method === 'MapDefaultControllerRoute'
              ? '{controller=Home}/{action=Index}/{id?}'
              : templateArgument(call);
          if (template !== undefined)
            conventionalTemplates.push({ ...nameArgument(call), template, file: file.path, line: call.line });
        } else if (ownEntry(MINIMAL, call.method) && call.strings[0]?.index === 0 && !call.strings[0].value.dynamic) {
          const template = call.strings[0].value.text;
          const handler = call.ownerType ? typeId(call.ownerType) : fileId(repo.name, file.path);
          routes.push({
            method: ownEntry(MINIMAL, call.method)!,
            segments: parseRoute(template),
            template,
            framework: 'minimal-api',
            style: 'code',
            handler,
            caseInsensitive: true,
            repo: repo.name,
            file: file.path,
            line: call.line,
          });
        }
      }
    }
    for (const conventional of conventionalTemplates)
      routes.push(...expandConventional(conventional, conventionalActions, repo.name));
  }
  return routes;
}

function isController(type: CSharpTypeFacts): boolean {
  if (type.kind !== 'class' || type.modifiers.includes('abstract') || type.modifiers.includes('static')) return false;
  return (
    type.name.endsWith('Controller') ||
    type.bases.some((b) => /(?:^|\.)(?:Controller|ControllerBase|ApiController|AsyncController)$/.test(b))
  );
}

/** Only public, non-static, non-framework methods of a controller are actions. */
function isAction(member: CSharpMemberFacts): boolean {
  if (member.kind !== 'method' || NOT_ACTIONS.has(member.name)) return false;
  if (!member.modifiers?.includes('public') || member.modifiers.includes('static')) return false;
  return !member.attributes.some((a) => a.name === 'NonAction');
}

function controllerRoutes(
  type: CSharpTypeFacts,
  repo: string,
  file: string,
  conventionalActions: Action[],
): ServedRoute[] {
  const controller = type.name.replace(/Controller$/, '');
  const handler = typeId(type.fullName);
  const prefixes = [...positional(type.attributes, 'RoutePrefix'), ...positional(type.attributes, 'Route')];
  const classRoutes = positional(type.attributes, 'Route');
  const routes: ServedRoute[] = [];
  for (const member of type.members) {
    if (!isAction(member)) continue;
    const action = positional(member.attributes, 'ActionName')[0] ?? member.name;
    const methods = verbsOf(member.attributes);
    const own = [
      ...positional(member.attributes, 'Route'),
      ...Object.keys(VERB_ATTRIBUTES).flatMap((v) => positional(member.attributes, v)),
    ];
    let templates: string[];
    if (own.length > 0)
      templates = own.flatMap((t) =>
        t.startsWith('~/')
          ? [t.slice(2)]
          : t.startsWith('/')
            ? [t]
            : prefixes.length > 0
              ? prefixes.map((p) => `${p}/${t}`)
              : [t],
      );
    else if (classRoutes.length > 0) templates = classRoutes;
    else {
      conventionalActions.push({ controller, name: action, methods, handler, file, line: member.line });
      continue;
    }
    for (const raw of new Set(templates)) {
      const template = raw.replace(/\[controller\]/gi, controller).replace(/\[action\]/gi, action);
      for (const method of methods)
        routes.push({
          method,
          segments: parseRoute(template),
          template,
          framework: 'aspnet',
          style: 'attribute',
          handler,
          action,
          caseInsensitive: true,
          repo,
          file,
          line: member.line,
        });
    }
  }
  return routes;
}

/** Each conventional template applied to every action not reached by an attribute route. */
function expandConventional(
  route: { name?: string; template: string; file: string; line: number },
  actions: readonly Action[],
  repo: string,
): ServedRoute[] {
  const segments = parseRoute(route.template);
  const names = new Set(segments.flatMap((s) => (s.kind === 'param' ? [s.name.toLowerCase()] : [])));
  const firstLiteral = segments.find((s) => s.kind === 'literal');
  // Without `{controller}` the controller is a default we cannot read: take the one the route is named after or starts with.
  const fixed = names.has('controller')
    ? undefined
    : [route.name, firstLiteral?.kind === 'literal' ? firstLiteral.text : undefined].map((n) => n?.toLowerCase());
  const served: ServedRoute[] = [];
  for (const action of actions) {
    if (fixed && !fixed.includes(action.controller.toLowerCase())) continue;
    let methods = action.methods;
    if (!names.has('action')) {
      // Web API style: the verb comes from the method name; MVC without `{action}` reaches only Index.
      const prefix = VERB_PREFIXES.find((p) => action.name.startsWith(p));
      if (prefix && methods.length === 1 && methods[0] === 'ANY') methods = [toHttpMethod(prefix)];
      else if (!prefix && action.name !== 'Index') continue;
    }
    const variants = [applyTokens(segments, action, false)];
    if (action.name === 'Index' && names.has('action')) variants.push(applyTokens(segments, action, true));
    for (const variant of variants) {
      for (const method of methods)
        served.push({
          method,
          segments: variant,
          template: route.template,
          framework: 'aspnet',
          style: 'conventional',
          handler: action.handler,
          action: action.name,
          caseInsensitive: true,
          repo,
          file: action.file,
          line: action.line,
        });
    }
  }
  return served;
}

/** `{controller}`/`{action}` replaced; parameters after them optional (their defaults are not visible); `Index` may drop the action and what follows. */
function applyTokens(
  segments: ReturnType<typeof parseRoute>,
  action: Action,
  dropAction: boolean,
): ReturnType<typeof parseRoute> {
  const out: ReturnType<typeof parseRoute> = [];
  for (const s of segments) {
    if (s.kind === 'param' && s.name.toLowerCase() === 'controller')
      out.push({ kind: 'literal', text: action.controller });
    else if (s.kind === 'param' && s.name.toLowerCase() === 'action') {
      if (dropAction) break;
      out.push({ kind: 'literal', text: action.name });
    } else out.push(s.kind === 'param' ? { ...s, optional: true } : s);
  }
  return out;
}

function verbsOf(attributes: readonly CSharpAttributeUse[]): HttpMethod[] {
  const verbs = new Set<HttpMethod>();
  for (const a of attributes) {
    const verb = ownEntry(VERB_ATTRIBUTES, a.name);
    if (verb) verbs.add(verb);
    if (a.name === 'AcceptVerbs')
      for (const arg of a.args)
        for (const v of arg.split(/[^A-Za-z]+/))
          if (/^(get|post|put|delete|patch|head|options)$/i.test(v)) verbs.add(toHttpMethod(v));
  }
  return verbs.size > 0 ? [...verbs].sort() : ['ANY'];
}

/** Positional literal arguments of the attributes named `name` (named `Name=…` arguments left out). */
function positional(attributes: readonly CSharpAttributeUse[], name: string): string[] {
  return attributes
    .filter((a) => a.name === name)
    .flatMap((a) => a.args.filter((arg) => !/^[A-Za-z_]\w*\s*=/.test(arg)).slice(0, 1));
}

function templateArgument(call: CSharpCallSite): string | undefined {
  const named = call.strings.find((s) => s.parameter && /^(url|pattern|routeTemplate|template)$/i.test(s.parameter));
  const value =
    named ??
    call.strings.find((s) => !s.parameter && s.index === 1) ??
    call.strings.find((s) => !s.parameter && /[{/]/.test(s.value.text));
  return value && !value.value.dynamic ? value.value.text : undefined;
}

function nameArgument(call: CSharpCallSite): { name?: string } {
  const value =
    call.strings.find((s) => s.parameter === 'name') ?? call.strings.find((s) => !s.parameter && s.index === 0);
  return value && value !== call.strings.find((s) => /[{/]/.test(s.value.text)) ? { name: value.value.text } : {};
}

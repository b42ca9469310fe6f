/**
 * Requests made through a helper another file exports: `this.data.get(url)` where `data`
 * is a `DataService` whose public `get(url)` sends `this.http.get(url)`, or
 * `request('/x')` of an imported `request(path)` wrapping `fetch`. The helper's URL
 * template (`{$0}` for the first argument) is filled with what the call passes.
 */
import { toHttpMethod } from '../../core/graphData.js';
import type { JsFileFacts, JsHelperCall, JsHttpHelper } from '../../core/facts.js';
import { fileId } from '../../core/ids.js';
import type { ResolvedImports } from '../js/importGraph.js';
import type { HttpCallSite } from './types.js';

const PLACEHOLDER = /\{\$(\d+)(?:\.[^}]*)?\}/g;

export function helperCallSites(
  from: string,
  repo: string,
  file: string,
  calls: readonly JsHelperCall[],
  jsFacts: ReadonlyMap<string, JsFileFacts>,
  resolved: ResolvedImports,
): HttpCallSite[] {
  const sites: HttpCallSite[] = [];
  for (const call of calls) {
    const target = resolved.get(from)?.get(call.via.specifier);
    if (target?.kind !== 'file') continue;
    const helpers = jsFacts.get(fileId(target.file.repo, target.file.path))?.httpHelpers ?? [];
    for (const helper of helpers.filter((h) => reaches(h, call))) {
      const url = fill(helper.url, call.args);
      const verb = helper.verb === undefined ? undefined : fill(helper.verb, call.args);
      const method = verb && /^[a-z]+$/i.test(verb) ? toHttpMethod(verb) : helper.method;
      sites.push({
        from,
        client: helper.client,
        ...(method ? { method } : {}),
        url,
        call: call.call,
        repo,
        file,
        line: call.line,
      });
    }
  }
  return sites;
}

/** `this.data.get(…)` reaches `DataService.get`; `request(…)` reaches the exported function `request`. */
function reaches(helper: JsHttpHelper, call: JsHelperCall): boolean {
  if (call.member === undefined) return helper.className === undefined && helper.name === call.via.name;
  return helper.className === call.via.name && helper.name === call.member;
}

/** Placeholders replaced by the arguments; a property of an argument is not known here, so it is a hole. */
function fill(template: string, args: readonly (string | null)[]): string {
  return template.replace(PLACEHOLDER, (whole, index: string) =>
    whole.includes('.') ? '{}' : (args[Number(index)] ?? '{}'),
  );
}

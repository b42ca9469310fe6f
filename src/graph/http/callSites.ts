/**
 * HTTP calls from JS/TS (calls through an imported client instance get that
 * instance's base URL, and are dropped when the import is no client) and from C#
 * (`HttpClient.GetAsync("api/…")`, `new HttpRequestMessage(HttpMethod.Post, "…")`,
 * `WebClient`, RestSharp), with string constants of the same file looked up.
 */
import { toHttpMethod, type HttpMethod } from '../../core/graphData.js';
import type { CSharpCallSite, CSharpFileFacts, JsFileFacts } from '../../core/facts.js';
import type { RepoModel } from '../../core/model.js';
import { fileId, typeId } from '../../core/ids.js';
import type { EstateGraph } from '../../core/graph.js';
import type { ResolvedImports } from '../js/importGraph.js';
import { joinUrl } from '../../extract/js/httpCalls.js';
import type { HttpCallSite } from './types.js';
import { CSharpUrlResolver } from './csharpUrls.js';
import { helperCallSites } from './jsHelperCalls.js';

const CSHARP_VERBS: [RegExp, HttpMethod][] = [
  [/^Get(?:String|Stream|ByteArray|FromJson)?Async$/, 'GET'],
  [/^Post(?:AsJson)?Async$/, 'POST'],
  [/^Put(?:AsJson)?Async$/, 'PUT'],
  [/^Patch(?:AsJson)?Async$/, 'PATCH'],
  [/^Delete(?:FromJson)?Async$/, 'DELETE'],
  [/^DownloadString(?:TaskAsync|Async)?$/, 'GET'],
  [/^UploadString(?:TaskAsync|Async)?$/, 'POST'],
];

export function httpCallSites(
  graph: EstateGraph,
  repos: readonly RepoModel[],
  resolved: ResolvedImports,
): HttpCallSite[] {
  const sites: HttpCallSite[] = [];
  const urls = new CSharpUrlResolver(repos);
  const jsFacts = new Map<string, JsFileFacts>();
  for (const repo of repos)
    for (const file of repo.files) if (file.facts?.kind === 'js') jsFacts.set(fileId(repo.name, file.path), file.facts);
  for (const repo of repos) {
    for (const file of repo.files) {
      const from = fileId(repo.name, file.path);
      if (file.facts?.kind === 'js') {
        for (const call of file.facts.httpCalls) {
          let url = call.url;
          if (call.via) {
            const target = resolved.get(from)?.get(call.via.specifier);
            const instance =
              target?.kind === 'file'
                ? jsFacts
                    .get(fileId(target.file.repo, target.file.path))
                    ?.clientInstances.find((c) => c.exported && c.name === call.via!.name)
                : undefined;
            if (!instance) continue;
            url = joinUrl(instance.baseURL, url);
          }
          sites.push({
            from,
            client: call.client,
            ...(call.method ? { method: call.method } : {}),
            url,
            call: call.call,
            repo: repo.name,
            file: file.path,
            line: call.line,
          });
        }
        if (file.facts.helperCalls)
          sites.push(...helperCallSites(from, repo.name, file.path, file.facts.helperCalls, jsFacts, resolved));
      } else if (file.facts?.kind === 'csharp') {
        sites.push(...csharpCalls(graph, file.facts as CSharpFileFacts, repo.name, file.path, urls));
      }
    }
  }
  return sites;
}

function csharpCalls(
  graph: EstateGraph,
  facts: CSharpFileFacts,
  repo: string,
  file: string,
  urls: CSharpUrlResolver,
): HttpCallSite[] {
  const sites: HttpCallSite[] = [];
  for (const call of facts.callSites ?? []) {
    const request = requestOf(call);
    if (!request) continue;
    const url = urls.resolve(call, request.urlIndex, facts, repo) ?? urlOf(call, request.urlIndex, facts);
    if (!url || !/\/|^https?:|^\{\}/i.test(url.text)) continue;
    const owner = call.ownerType && graph.hasNode(typeId(call.ownerType)) ? typeId(call.ownerType) : fileId(repo, file);
    sites.push({
      from: owner,
      client: 'HttpClient',
      ...(request.method ? { method: request.method } : {}),
      url: url.text,
      call: url.written,
      repo,
      file,
      line: call.line,
    });
  }
  return sites;
}

function requestOf(call: CSharpCallSite): { method?: HttpMethod; urlIndex: number } | undefined {
  if (call.isConstructor && (call.method === 'HttpRequestMessage' || call.method === 'RestRequest')) {
    const verb = call.identifiers.map((i) => /(?:HttpMethod|Method)\.(\w+)$/.exec(i.identifier)?.[1]).find(Boolean);
    return { ...(verb ? { method: toHttpMethod(verb) } : {}), urlIndex: call.method === 'HttpRequestMessage' ? 1 : 0 };
  }
  if (call.isConstructor) return undefined;
  const verb = CSHARP_VERBS.find(([pattern]) => pattern.test(call.method))?.[1];
  return verb ? { method: verb, urlIndex: 0 } : undefined;
}

/** The URL argument: a literal, or a string constant/field of the same file. Holes `{…}` become `{}`. */
function urlOf(
  call: CSharpCallSite,
  index: number,
  facts: CSharpFileFacts,
): { text: string; written: string } | undefined {
  const literal = call.strings.find((s) => s.index === index);
  if (literal) return { text: literal.value.text.replaceAll('{…}', '{}'), written: literal.value.text };
  const identifier = call.identifiers.find((i) => i.index === index)?.identifier;
  if (!identifier) return undefined;
  const declared = (facts.stringDeclarations ?? []).filter(
    (d) => d.name === identifier || d.name.endsWith(`.${identifier}`),
  );
  const best =
    declared.find((d) => d.ownerType === call.ownerType && d.ownerMember === call.ownerMember) ??
    declared.find((d) => d.ownerType === call.ownerType) ??
    declared[0];
  return best ? { text: best.value.text.replaceAll('{…}', '{}'), written: identifier } : undefined;
}

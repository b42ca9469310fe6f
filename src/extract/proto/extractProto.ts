/**
 * A `.proto` file's package, C# namespace option and services with their rpcs,
 * read by a small tokenizer — no protoc, nothing executed. Messages, enums and
 * options other than `csharp_namespace` are skipped; comments and strings are
 * tokens of their own, so a brace inside either cannot unbalance the reading.
 */
import type { ExtractionOutcome } from '../../core/facts.js';
import type { ProtoFileFacts, ProtoService } from '../../core/facts/proto.js';

interface Token {
  text: string;
  line: number;
  string?: true;
}

const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_][\w.]*|\d[\w.]*|\S/g;

export function extractProto(text: string): ExtractionOutcome<ProtoFileFacts> {
  const tokens = tokenize(text);
  const facts: ProtoFileFacts = { kind: 'proto', package: '', services: [] };
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === '{') depth++;
    else if (token.text === '}') depth = Math.max(0, depth - 1);
    else if (depth > 0 || token.string) continue;
    else if (token.text === 'package') facts.package = tokens[i + 1]?.text ?? '';
    else if (token.text === 'option' && tokens[i + 1]?.text === 'csharp_namespace') {
      const value = tokens[i + 3];
      if (tokens[i + 2]?.text === '=' && value?.string) facts.csharpNamespace = value.text;
    } else if (token.text === 'service' && tokens[i + 1] && tokens[i + 2]?.text === '{') {
      const { service, next } = readService(tokens, i + 1);
      facts.services.push(service);
      i = next - 1;
    }
  }
  return { facts, problems: [] };
}

/** `Name { rpc M (stream Req) returns (Resp) {…} | ; … }` from the name token; returns the index after the closing brace. */
function readService(tokens: Token[], at: number): { service: ProtoService; next: number } {
  const service: ProtoService = { name: tokens[at]!.text, rpcs: [], line: tokens[at]!.line };
  let depth = 0;
  let i = at + 1;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.string) continue;
    if (token.text === '{') depth++;
    else if (token.text === '}') {
      if (--depth === 0) return { service, next: i + 1 };
    } else if (depth === 1 && token.text === 'rpc') {
      const name = tokens[i + 1];
      const types = messageTypes(tokens, i + 2);
      if (name && types) service.rpcs.push({ name: name.text, ...types, line: name.line });
    }
  }
  return { service, next: i };
}

/** `(stream A) returns (B)` from its opening parenthesis. */
function messageTypes(tokens: Token[], at: number): { request: string; response: string } | undefined {
  const inParens = (i: number): { type: string; after: number } | undefined => {
    if (tokens[i]?.text !== '(') return undefined;
    let j = i + 1;
    if (tokens[j]?.text === 'stream') j++;
    const type = tokens[j]?.text;
    return type && tokens[j + 1]?.text === ')' ? { type, after: j + 2 } : undefined;
  };
  const request = inParens(at);
  if (!request || tokens[request.after]?.text !== 'returns') return undefined;
  const response = inParens(request.after + 1);
  return response ? { request: request.type, response: response.type } : undefined;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const written = match[0];
    for (let at = text.indexOf('\n', last); at >= 0 && at < match.index; at = text.indexOf('\n', at + 1)) line++;
    last = match.index;
    if (written.startsWith('//') || written.startsWith('/*')) continue;
    if (written.startsWith('"') || written.startsWith("'"))
      tokens.push({ text: written.slice(1, -1), line, string: true });
    else tokens.push({ text: written, line });
  }
  return tokens;
}

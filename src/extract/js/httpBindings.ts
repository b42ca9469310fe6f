/**
 * What the HTTP detectors need to know about a file's names: which locals are
 * Express/Fastify apps and routers, axios and its instances, jQuery, Angular's
 * HttpClient members, and the `const` strings URLs are built from. Gathered
 * during the walk, interpreted once it is over (a binding may be declared after use).
 */
import type {
  CallExpression,
  ClassDeclaration,
  ClassExpression,
  Decorator,
  Node,
  VariableDeclarator,
} from '@babel/types';
import type { ModuleCollector } from './modules.js';
import { StringConstants } from './staticString.js';

export type Framework = 'express' | 'fastify';

export class HttpBindings {
  readonly constants = new StringConstants();
  readonly calls: CallExpression[] = [];
  readonly classes: (ClassDeclaration | ClassExpression)[] = [];
  readonly httpClientMembers = new Set<string>();
  readonly declarators: VariableDeclarator[] = [];
  readonly servers = new Map<string, Framework>();
  readonly instances = new Map<string, { config: Node | undefined; line: number }>();

  constructor(private readonly modules: ModuleCollector) {}

  visit(node: Node): void {
    switch (node.type) {
      case 'VariableDeclaration':
        for (const d of node.declarations) {
          if (d.id.type !== 'Identifier' || !d.init) continue;
          this.declarators.push(d);
          if (node.kind === 'const') this.constants.declare(d.id.name, d.init);
        }
        return;
      case 'CallExpression':
        if (node.callee.type === 'MemberExpression' || node.callee.type === 'Identifier') this.calls.push(node);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        this.classes.push(node);
        this.collectHttpClientMembers(node);
        return;
      default:
    }
  }

  /** Interprets the declarations; call after the walk and after `modules.finish()`. */
  finish(): void {
    for (const d of this.declarators) {
      const name = (d.id as { name: string }).name;
      let init = d.init!;
      if (init.type === 'AwaitExpression') init = init.argument;
      if (init.type !== 'CallExpression') continue;
      const framework = this.serverFactory(init);
      if (framework) this.servers.set(name, framework);
      else if (
        init.callee.type === 'MemberExpression' &&
        isName(init.callee.property, 'create') &&
        this.isAxios(init.callee.object)
      ) {
        this.instances.set(name, { config: init.arguments[0], line: d.loc?.start.line ?? 0 });
      }
    }
  }

  /** `express()`, `express.Router()`, `Router()`, `fastify()`, `require('fastify')()`. */
  private serverFactory(call: CallExpression): Framework | undefined {
    const callee = call.callee;
    if (callee.type === 'Identifier') {
      const from = this.modules.localsOf(callee.name);
      if (!from) return undefined;
      const framework = frameworkOf(from.specifier);
      return framework &&
        (from.name === 'default' || from.name === '*' || from.name === 'Router' || from.name === 'fastify')
        ? framework
        : undefined;
    }
    if (
      callee.type === 'MemberExpression' &&
      isName(callee.property, 'Router') &&
      callee.object.type === 'Identifier'
    ) {
      return this.frameworkOfLocal(callee.object.name) === 'express' ? 'express' : undefined;
    }
    if (callee.type === 'CallExpression' && callee.callee.type === 'Identifier' && callee.callee.name === 'require') {
      const arg = callee.arguments[0];
      return arg?.type === 'StringLiteral' ? frameworkOf(arg.value) : undefined;
    }
    return undefined;
  }

  frameworkOfLocal(local: string): Framework | undefined {
    const from = this.modules.localsOf(local);
    return from ? frameworkOf(from.specifier) : undefined;
  }

  /** Whether the file imports Express or Fastify at all (route files that receive `app` or `fastify` as a parameter). */
  importedFramework(): Framework | undefined {
    for (const i of this.modules.imports) {
      const framework = frameworkOf(i.specifier);
      if (framework) return framework;
    }
    return undefined;
  }

  isAxios(node: Node): boolean {
    if (node.type !== 'Identifier') return false;
    const from = this.modules.localsOf(node.name);
    return from ? from.specifier === 'axios' && (from.name === 'default' || from.name === '*') : node.name === 'axios';
  }

  isJQuery(node: Node): boolean {
    if (node.type !== 'Identifier') return false;
    const from = this.modules.localsOf(node.name);
    return from ? from.specifier === 'jquery' : node.name === '$' || node.name === 'jQuery';
  }

  /** Constructor parameters and fields typed `HttpClient` or set by `inject(HttpClient)`. */
  private collectHttpClientMembers(node: ClassDeclaration | ClassExpression): void {
    for (const member of node.body.body) {
      if (member.type === 'ClassMethod' && member.kind === 'constructor') {
        for (const param of member.params) {
          const target = param.type === 'TSParameterProperty' ? param.parameter : param;
          if (target.type === 'Identifier' && typeName(target.typeAnnotation) === 'HttpClient')
            this.httpClientMembers.add(target.name);
        }
      } else if (member.type === 'ClassProperty' && member.key.type === 'Identifier') {
        const injected =
          member.value?.type === 'CallExpression' &&
          isName(member.value.callee, 'inject') &&
          member.value.arguments[0]?.type === 'Identifier' &&
          member.value.arguments[0].name === 'HttpClient';
        if (injected || typeName(member.typeAnnotation) === 'HttpClient') this.httpClientMembers.add(member.key.name);
      }
    }
  }
}

export function frameworkOf(specifier: string): Framework | undefined {
  if (specifier === 'express') return 'express';
  if (specifier === 'fastify') return 'fastify';
  return undefined;
}

export function isName(node: Node | null | undefined, name: string): boolean {
  return node?.type === 'Identifier' && node.name === name;
}

export function decoratorCall(decorator: Decorator): { name: string; args: Node[] } | undefined {
  const e = decorator.expression;
  if (e.type === 'CallExpression' && e.callee.type === 'Identifier') return { name: e.callee.name, args: e.arguments };
  if (e.type === 'Identifier') return { name: e.name, args: [] };
  return undefined;
}

function typeName(annotation: Node | null | undefined): string | undefined {
  if (annotation?.type !== 'TSTypeAnnotation') return undefined;
  const type = annotation.typeAnnotation;
  return type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' ? type.typeName.name : undefined;
}

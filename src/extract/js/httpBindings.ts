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
import { LexicalScopes, spanOf, type FunctionNode, type Span } from './lexicalScopes.js';

export type Framework = 'express' | 'fastify';

/** A named function of the file and how its callers reach it: `this.name(…)` inside its class, or `name(…)`. */
export interface NamedFunction {
  name: string;
  reachedAs: 'this' | 'plain';
  /** The class of a method or arrow-function field. */
  cls?: Span;
  /** `private`/`protected`/`#name`: every caller is in this file. */
  hidden: boolean;
  /** The name of a method's class. */
  className?: string;
  line: number;
}

export class HttpBindings {
  readonly constants = new StringConstants();
  readonly calls: CallExpression[] = [];
  readonly classes: (ClassDeclaration | ClassExpression)[] = [];
  readonly httpClientMembers = new Set<string>();
  /** `this.name` members typed with another class (`private data: DataService`); `null` when ambiguous. */
  readonly memberTypes = new Map<string, string | null>();
  readonly declarators: VariableDeclarator[] = [];
  readonly servers = new Map<string, Framework>();
  readonly instances = new Map<string, { config: Node | undefined; line: number }>();
  /** The function each call sits in (calls at module level have none). */
  readonly enclosingFunction = new Map<CallExpression, FunctionNode>();
  readonly namedFunctions = new Map<FunctionNode, NamedFunction>();
  private readonly scopes = new LexicalScopes();

  constructor(private readonly modules: ModuleCollector) {}

  visit(node: Node): void {
    this.scopes.enter(node);
    switch (node.type) {
      case 'VariableDeclaration':
        for (const d of node.declarations) {
          if (d.id.type !== 'Identifier' || !d.init) continue;
          this.declarators.push(d);
          if (node.kind !== 'var')
            this.constants.declare(d.id.name, d.init, this.scopes.block ?? spanOf(node), node.kind === 'let');
          if (isFunction(d.init)) this.nameFunction(d.init, d.id.name, 'plain', false);
        }
        return;
      case 'FunctionDeclaration':
        if (node.id) this.nameFunction(node, node.id.name, 'plain', false);
        return;
      case 'ClassMethod':
      case 'ClassPrivateMethod':
        if (node.kind === 'method' && !node.static) {
          const name =
            node.key.type === 'Identifier'
              ? node.key.name
              : node.key.type === 'PrivateName'
                ? `#${node.key.id.name}`
                : undefined;
          if (name)
            this.nameFunction(node, name, 'this', node.type === 'ClassPrivateMethod' || isHidden(node.accessibility));
        }
        if (node.kind === 'constructor')
          for (const param of node.params)
            if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && this.scopes.cls)
              this.constants.assignField(param.parameter.name, undefined, this.scopes.cls);
        return;
      case 'ClassProperty':
        if (node.key.type !== 'Identifier' || node.static || !this.scopes.cls) return;
        // A declaration without a value (`private url: string;`) leaves the value to an assignment.
        if (node.value) this.constants.assignField(node.key.name, node.value, this.scopes.cls);
        if (node.value && isFunction(node.value))
          this.nameFunction(node.value, node.key.name, 'this', isHidden(node.accessibility));
        return;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') this.constants.reassign(node.argument.name, node.start ?? 0);
        return;
      case 'AssignmentExpression':
        if (node.left.type === 'Identifier') this.constants.reassign(node.left.name, node.start ?? 0);
        if (
          node.left.type === 'MemberExpression' &&
          node.left.object.type === 'ThisExpression' &&
          node.left.property.type === 'Identifier' &&
          !node.left.computed &&
          this.scopes.cls
        )
          this.constants.assignField(
            node.left.property.name,
            node.operator === '=' ? node.right : undefined,
            this.scopes.cls,
          );
        return;
      case 'CallExpression':
        if (node.callee.type === 'MemberExpression' || node.callee.type === 'Identifier') {
          this.calls.push(node);
          const fn = this.scopes.fn;
          if (fn) this.enclosingFunction.set(node, fn);
        }
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        this.classes.push(node);
        this.collectHttpClientMembers(node);
        return;
      default:
    }
  }

  private nameFunction(fn: FunctionNode, name: string, reachedAs: NamedFunction['reachedAs'], hidden: boolean): void {
    // A function value is visited after the declaration naming it, so the class around the name is the method's class.
    const cls = reachedAs === 'this' ? this.scopes.cls : undefined;
    const className = cls && this.classes.find((c) => c.start === cls.start)?.id?.name;
    this.namedFunctions.set(fn, {
      name,
      reachedAs,
      ...(cls ? { cls } : {}),
      ...(className ? { className } : {}),
      hidden,
      line: fn.loc?.start.line ?? 0,
    });
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
          if (target.type === 'Identifier') this.typeMember(target.name, typeName(target.typeAnnotation));
        }
      } else if (member.type === 'ClassProperty' && member.key.type === 'Identifier') {
        const injected =
          member.value?.type === 'CallExpression' &&
          isName(member.value.callee, 'inject') &&
          member.value.arguments[0]?.type === 'Identifier'
            ? member.value.arguments[0].name
            : undefined;
        this.typeMember(member.key.name, injected ?? typeName(member.typeAnnotation));
      }
    }
  }

  /** Members typed (or injected) as a class: `HttpClient`, or a service whose methods may send requests. */
  private typeMember(name: string, type: string | undefined): void {
    if (!type) return;
    if (type === 'HttpClient') this.httpClientMembers.add(name);
    // The same member name typed differently in two classes of the file: which one a call means is unclear.
    else this.memberTypes.set(name, this.memberTypes.has(name) && this.memberTypes.get(name) !== type ? null : type);
  }
}

function isFunction(
  node: Node,
): node is Extract<FunctionNode, { type: 'ArrowFunctionExpression' | 'FunctionExpression' }> {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

function isHidden(accessibility: string | null | undefined): boolean {
  return accessibility === 'private' || accessibility === 'protected';
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

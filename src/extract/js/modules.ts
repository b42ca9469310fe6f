/**
 * The module side of a JS/TS file: imports of every form (static, re-exports,
 * `require`, `import()`, `import x = require()`, `import('x').T`), top-level
 * declarations, and which imported names the file goes on to use.
 */
import type { Node, Program, Statement } from '@babel/types';
import type { JsDeclaration, JsImport, JsImportKind } from '../../core/facts.js';
import { ownEntry } from '../../core/ownEntry.js';

const NON_REFERENCE_KEYS: Record<string, string> = {
  MemberExpression: 'property',
  OptionalMemberExpression: 'property',
  ObjectProperty: 'key',
  ObjectMethod: 'key',
  ClassMethod: 'key',
  ClassPrivateMethod: 'key',
  ClassProperty: 'key',
  ClassAccessorProperty: 'key',
  TSPropertySignature: 'key',
  TSMethodSignature: 'key',
  VariableDeclarator: 'id',
  FunctionDeclaration: 'id',
  ClassDeclaration: 'id',
  TSInterfaceDeclaration: 'id',
  TSTypeAliasDeclaration: 'id',
  TSEnumDeclaration: 'id',
  TSEnumMember: 'id',
  TSModuleDeclaration: 'id',
  ExportSpecifier: 'exported',
  TSQualifiedName: 'right',
  LabeledStatement: 'label',
  BreakStatement: 'label',
  ContinueStatement: 'label',
};
const IMPORT_SPECIFIERS = new Set(['ImportSpecifier', 'ImportDefaultSpecifier', 'ImportNamespaceSpecifier']);

export class ModuleCollector {
  readonly imports: JsImport[] = [];
  readonly declarations: JsDeclaration[] = [];
  dynamicSpecifiers = 0;
  defaultExport: string | undefined;
  /** Local binding → the import it comes from and the name it imports. */
  private readonly locals = new Map<string, { index: number; name: string }>();
  private readonly referenced = new Set<string>();
  private readonly exportedLocals = new Set<string>();

  /** Local names bound by `import`/`require` of `specifier`, with the names they import. */
  localsOf(local: string): { specifier: string; name: string } | undefined {
    const binding = this.locals.get(local);
    return binding ? { specifier: this.imports[binding.index]!.specifier, name: binding.name } : undefined;
  }

  visit(node: Node, parent: Node | undefined, key: string | undefined): void {
    switch (node.type) {
      case 'Program':
        this.collectDeclarations(node);
        return;
      case 'ImportDeclaration':
        this.importDeclaration(node);
        return;
      case 'ExportNamedDeclaration':
        if (node.source) {
          const names = node.specifiers.map((s) =>
            s.type === 'ExportSpecifier' ? nameOf(s.local) : s.type === 'ExportNamespaceSpecifier' ? '*' : 'default',
          );
          const typeOnly =
            node.exportKind === 'type' ||
            (node.specifiers.length > 0 &&
              node.specifiers.every((s) => s.type === 'ExportSpecifier' && s.exportKind === 'type'));
          this.add(node.source.value, 'export-from', typeOnly, names, node, names);
        } else {
          for (const s of node.specifiers) if (s.type === 'ExportSpecifier') this.exportedLocals.add(nameOf(s.local));
        }
        return;
      case 'ExportAllDeclaration':
        this.add(node.source.value, 'export-all', node.exportKind === 'type', ['*'], node, ['*']);
        return;
      case 'ExportDefaultDeclaration':
        if (node.declaration.type === 'Identifier') this.defaultExport = node.declaration.name;
        return;
      case 'AssignmentExpression':
        // CommonJS `module.exports = router` is the module's default export.
        if (
          node.left.type === 'MemberExpression' &&
          node.left.object.type === 'Identifier' &&
          node.left.object.name === 'module' &&
          node.left.property.type === 'Identifier' &&
          node.left.property.name === 'exports' &&
          node.right.type === 'Identifier'
        ) {
          this.defaultExport = node.right.name;
        }
        return;
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference.type === 'TSExternalModuleReference') {
          const index = this.add(
            node.moduleReference.expression.value,
            'import-equals',
            node.importKind === 'type',
            ['*'],
            node,
          );
          this.locals.set(node.id.name, { index, name: '*' });
        }
        return;
      case 'TSImportType': {
        const argument = node.argument as Node;
        const specifier =
          argument.type === 'StringLiteral'
            ? argument.value
            : argument.type === 'TSLiteralType' && argument.literal.type === 'StringLiteral'
              ? argument.literal.value
              : undefined;
        if (specifier !== undefined) this.add(specifier, 'dynamic-import', true, [], node);
        return;
      }
      case 'CallExpression':
        this.call(node, parent);
        return;
      case 'ImportExpression':
        this.dynamicImport(node.source, node);
        return;
      case 'Identifier':
        if (parent && !IMPORT_SPECIFIERS.has(parent.type) && !isNonReference(parent, key))
          this.referenced.add(node.name);
        return;
      case 'JSXIdentifier':
        if (
          parent &&
          (parent.type === 'JSXOpeningElement' || (parent.type === 'JSXMemberExpression' && key === 'object'))
        )
          this.referenced.add(node.name);
        return;
      default:
    }
  }

  /** Fills in each import's used names; call once the walk is over. */
  finish(): void {
    for (const [local, { index, name }] of this.locals) {
      const entry = this.imports[index]!;
      if ((this.referenced.has(local) || this.exportedLocals.has(local)) && !entry.usedNames.includes(name))
        entry.usedNames.push(name);
    }
    for (const declaration of this.declarations)
      if (this.exportedLocals.has(declaration.name)) declaration.exported = true;
  }

  private importDeclaration(node: Extract<Node, { type: 'ImportDeclaration' }>): void {
    const specifiers = node.specifiers;
    const typeOnly =
      node.importKind === 'type' ||
      node.importKind === 'typeof' ||
      (specifiers.length > 0 && specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));
    const names = specifiers.map((s) =>
      s.type === 'ImportDefaultSpecifier'
        ? 'default'
        : s.type === 'ImportNamespaceSpecifier'
          ? '*'
          : nameOf(s.imported),
    );
    const index = this.add(
      node.source.value,
      specifiers.length === 0 ? 'side-effect' : 'import',
      typeOnly,
      [...new Set(names)],
      node,
    );
    specifiers.forEach((s, i) => {
      this.locals.set(s.local.name, { index, name: names[i]! });
    });
  }

  private call(node: Extract<Node, { type: 'CallExpression' }>, parent: Node | undefined): void {
    if (node.callee.type === 'Import') {
      this.dynamicImport(node.arguments[0], node);
      return;
    }
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments.length !== 1) return;
    const specifier = literalSpecifier(node.arguments[0]);
    if (specifier === undefined) {
      this.dynamicSpecifiers++;
      return;
    }
    const target = parent?.type === 'VariableDeclarator' && parent.init === node ? parent.id : undefined;
    if (target?.type === 'ObjectPattern') {
      const bound: [string, string][] = [];
      for (const p of target.properties) {
        if (p.type === 'ObjectProperty' && !p.computed && p.value.type === 'Identifier')
          bound.push([nameOf(p.key as Node), p.value.name]);
      }
      const index = this.add(
        specifier,
        'require',
        false,
        bound.map(([name]) => name),
        node,
      );
      for (const [name, local] of bound) this.locals.set(local, { index, name });
      return;
    }
    const index = this.add(specifier, 'require', false, ['*'], node);
    if (target?.type === 'Identifier') this.locals.set(target.name, { index, name: '*' });
    else this.imports[index]!.usedNames.push('*');
  }

  private dynamicImport(argument: Node | undefined, node: Node): void {
    const specifier = literalSpecifier(argument);
    if (specifier === undefined) this.dynamicSpecifiers++;
    else this.add(specifier, 'dynamic-import', false, ['*'], node, ['*']);
  }

  private add(
    specifier: string,
    kind: JsImportKind,
    typeOnly: boolean,
    names: string[],
    node: Node,
    usedNames: string[] = [],
  ): number {
    this.imports.push({ specifier, kind, typeOnly, names, usedNames: [...usedNames], line: node.loc?.start.line ?? 0 });
    return this.imports.length - 1;
  }

  private collectDeclarations(program: Program): void {
    for (const statement of program.body) {
      if (statement.type === 'ExportNamedDeclaration' && statement.declaration)
        this.declare(statement.declaration, true);
      else if (statement.type === 'ExportDefaultDeclaration') {
        const d = statement.declaration;
        if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) {
          this.declare(d, true);
          this.defaultExport = d.id.name;
        }
      } else this.declare(statement, false);
    }
  }

  private declare(statement: Statement, exported: boolean): void {
    const line = statement.loc?.start.line ?? 0;
    const push = (name: string, kind: JsDeclaration['kind']) => this.declarations.push({ name, kind, exported, line });
    switch (statement.type) {
      case 'FunctionDeclaration':
      case 'TSDeclareFunction':
        if (statement.id) push(statement.id.name, 'function');
        return;
      case 'ClassDeclaration':
        if (statement.id) push(statement.id.name, 'class');
        return;
      case 'VariableDeclaration':
        for (const d of statement.declarations) if (d.id.type === 'Identifier') push(d.id.name, 'variable');
        return;
      case 'TSInterfaceDeclaration':
        push(statement.id.name, 'interface');
        return;
      case 'TSTypeAliasDeclaration':
        push(statement.id.name, 'type');
        return;
      case 'TSEnumDeclaration':
        push(statement.id.name, 'enum');
        return;
      case 'TSModuleDeclaration':
        if (statement.id.type === 'Identifier') push(statement.id.name, 'namespace');
        return;
      default:
    }
  }
}

function isNonReference(parent: Node, key: string | undefined): boolean {
  if (ownEntry(NON_REFERENCE_KEYS, parent.type) !== key) return false;
  return !('computed' in parent && parent.computed);
}

function nameOf(node: Node): string {
  return node.type === 'Identifier' ? node.name : node.type === 'StringLiteral' ? node.value : '';
}

function literalSpecifier(node: Node | undefined): string | undefined {
  if (node?.type === 'StringLiteral') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

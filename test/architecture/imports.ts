/**
 * Reads the imports of the project's own TypeScript with the TypeScript parser
 * (static, `export … from`, dynamic `import()`), and checks them against the
 * layering: which top-level folder a module belongs to, which folders it reaches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ModuleImport {
  /** Repo-relative path of the importing module. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repo-relative target for relative specifiers (`.js` mapped back to `.ts`). */
  target?: string;
  /** `import type` / `export type`: erased at run time. */
  typeOnly: boolean;
}

export function readImports(root: string, file: string): ModuleImport[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const found: ModuleImport[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const relative = specifier.startsWith('.')
      ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts')
      : undefined;
    found.push({ from: file, specifier, typeOnly, ...(relative ? { target: relative } : {}) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.importClause?.isTypeOnly ?? false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Production modules: TypeScript under the given folders, without tests and test support. */
export function productionModules(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.[cm]?[jt]s$/.test(entry.name) && !/\.test\.ts$|(^|\/)testing\.ts$|testRepos\.ts$/.test(entry.name))
        files.push(relative);
    }
  };
  for (const folder of folders) walk(folder);
  return files.sort();
}

/** The layer a module belongs to: `src/<folder>` for sources, else its top-level folder. */
export function layerOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'src' ? `src/${parts[1]}` : parts[0]!;
}

export interface Violation {
  from: string;
  to: string;
  module: string;
  specifier: string;
}

/** Imports that cross into a folder the layering does not allow (type-only imports count: they couple the code too). */
export function layeringViolations(
  imports: readonly ModuleImport[],
  layers: Readonly<Record<string, readonly string[]>>,
): Violation[] {
  const violations: Violation[] = [];
  for (const i of imports) {
    if (!i.target) continue;
    const from = layerOf(i.from);
    const to = layerOf(i.target);
    if (from === to) continue;
    if (!layers[from]?.includes(to)) violations.push({ from, to, module: i.from, specifier: i.specifier });
  }
  return violations;
}

/** Runtime imports of a package from a module that is not one of its owners. */
export function ownershipViolations(
  imports: readonly ModuleImport[],
  owners: Readonly<Record<string, readonly string[]>>,
): ModuleImport[] {
  return imports.filter((i) => {
    if (i.typeOnly || i.target) return false;
    const pkg = Object.keys(owners).find((name) => i.specifier === name || i.specifier.startsWith(`${name}/`));
    return pkg !== undefined && !owners[pkg]!.includes(i.from);
  });
}

/** A cycle in the layering data itself, as a path of folders; undefined when it is acyclic. */
export function layerCycle(layers: Readonly<Record<string, readonly string[]>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (layer: string): string[] | undefined => {
    if (state.get(layer) === 'done') return undefined;
    if (state.get(layer) === 'open') return [...stack.slice(stack.indexOf(layer)), layer];
    state.set(layer, 'open');
    stack.push(layer);
    for (const next of layers[layer] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(layer, 'done');
    return undefined;
  };
  for (const layer of Object.keys(layers).sort()) {
    const cycle = visit(layer);
    if (cycle) return cycle;
  }
  return undefined;
}

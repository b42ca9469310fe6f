/**
 * EF model configuration from C# text: `DbSet<T> Name`, `[Table]`, `[Key]`,
 * `[Index]` (EF6 on properties, EF Core on the class), `[PrimaryKey]`, and the
 * fluent `Entity<T>()…HasKey/HasIndex(…).IsUnique()/ToTable(…)` chains (also
 * inside `IEntityTypeConfiguration<T>`). Lambdas matter here, hence text, not facts.
 */
import type { EfKeyHint, EfModelFacts } from '../../core/facts/sql.js';
import { parseTableName } from '../names.js';
import { argument, findCalls, lambdaMembers, lineAt, matchParen, splitArguments, stringList, stringValue } from './csharpText.js';

export const MODEL_TRIGGER = /\bDbSet\s*<|\[\s*(Key|Index|Table|PrimaryKey)\b|\b(HasKey|HasIndex|ToTable)\s*\(/;

export function readModelHints(text: string, masked: string): EfModelFacts {
  const facts: EfModelFacts = { sets: [], tables: [], keys: [] };
  for (const match of masked.matchAll(/\bDbSet\s*<\s*([\w.]+)\s*>\s+(\w+)/g)) {
    // `DbSet<T> Set` in a generic repository names a type parameter, not an entity.
    if (!/^T([A-Z]\w*)?$/.test(match[1]!)) facts.sets.push({ entity: simple(match[1]!), name: match[2]! });
  }
  readClasses(text, masked, facts);
  readFluent(text, masked, facts);
  return facts;
}

const CLASS = /((?:\[[^\]]*\]\s*)*)(?:public\s+|internal\s+|partial\s+|sealed\s+|abstract\s+)*class\s+(\w+)[^{;]*\{/g;
const PROPERTY = /((?:\[[^\]]*\]\s*)*)public\s+(?:virtual\s+|override\s+|required\s+)*[\w.<>?,\s[\]]+?\s+(\w+)\s*\{\s*get/g;

function readClasses(text: string, masked: string, facts: EfModelFacts): void {
  for (const match of masked.matchAll(CLASS)) {
    const name = match[2]!;
    const open = match.index + match[0].length - 1;
    const end = matchParen(masked, open);
    const line = lineAt(text, match.index + match[1]!.length);
    const classAttributes = text.slice(match.index, match.index + match[1]!.length);
    for (const attribute of attributes(classAttributes)) {
      if (attribute.name === 'Table') {
        const table = parseTableName(stringValue(argument(attribute.args, 0, 'Name')) ?? '');
        const schema = stringValue(attribute.args.find((a) => /^Schema\s*=/.test(a.value))?.value.replace(/^Schema\s*=\s*/, ''));
        if (table) facts.tables.push({ entity: name, table: schema ? { schema, name: table.name } : table });
      }
      if (attribute.name === 'Index' || attribute.name === 'PrimaryKey') {
        const positional = attribute.args.filter((a) => !/^\w+\s*=/.test(a.value));
        const columns = positional.flatMap((a) => nameofOrString(a.value));
        const unique = attribute.args.some((a) => /^IsUnique\s*=\s*true/.test(a.value));
        if (columns.length > 0) facts.keys.push({ entity: name, kind: attribute.name === 'PrimaryKey' ? 'primary-key' : unique ? 'unique' : 'index', columns, line });
      }
    }
    const body = masked.slice(open, end);
    const bodyText = text.slice(open, end);
    const named = new Map<string, EfKeyHint>();
    for (const property of body.matchAll(PROPERTY)) {
      const propertyName = property[2]!;
      const propertyLine = lineAt(text, open + property.index + property[1]!.length);
      for (const attribute of attributes(bodyText.slice(property.index, property.index + property[1]!.length))) {
        if (attribute.name === 'Key') facts.keys.push({ entity: name, kind: 'primary-key', columns: [propertyName], line: propertyLine });
        if (attribute.name === 'Index') {
          // EF6 `[Index("IX_Name", 2, IsUnique = true)]`: same-named attributes form one composite index.
          const indexName = stringValue(argument(attribute.args, 0));
          const unique = attribute.args.some((a) => /^IsUnique\s*=\s*true/.test(a.value));
          const existing = indexName ? named.get(indexName) : undefined;
          if (existing) existing.columns.push(propertyName);
          else {
            const hint: EfKeyHint = { entity: name, kind: unique ? 'unique' : 'index', columns: [propertyName], line: propertyLine, ...(indexName ? { name: indexName } : {}) };
            facts.keys.push(hint);
            if (indexName) named.set(indexName, hint);
          }
        }
      }
    }
  }
}

function readFluent(text: string, masked: string, facts: EfModelFacts): void {
  // `class UserConfiguration : IEntityTypeConfiguration<User>`: builder calls configure User.
  const configured = /IEntityTypeConfiguration\s*<\s*([\w.]+)\s*>/.exec(masked)?.[1];
  for (const method of ['HasKey', 'HasIndex', 'ToTable'] as const) {
    for (const call of findCalls(text, masked, method)) {
      const before = masked.slice(Math.max(0, call.start - 400), call.start);
      const entity = /Entity\s*<\s*([\w.]+)\s*>\s*\(\s*\)[^;]*$/.exec(before)?.[1] ?? configured;
      if (!entity) continue;
      const args = splitArguments(call.args);
      if (method === 'ToTable') {
        const table = parseTableName(stringValue(argument(args, 0, 'name')) ?? '');
        const schema = stringValue(argument(args, 1, 'schema'));
        // `Map(m => m.ToTable("UserRoles"))` names a join table, not the entity's.
        if (table && !/Map\s*\(\s*\w+\s*=>\s*\w+\s*\.\s*$/.test(before)) facts.tables.push({ entity: simple(entity), table: schema ? { schema, name: table.name } : table });
        continue;
      }
      const first = argument(args, 0) ?? '';
      const columns = first.includes('=>') ? lambdaMembers(first) : stringList(args.map((a) => a.value).join(','));
      const after = masked.slice(call.end, call.end + 40);
      const kind = method === 'HasKey' ? 'primary-key' : /^\s*\.\s*IsUnique\s*\(/.test(after) ? 'unique' : 'index';
      if (columns.length > 0) facts.keys.push({ entity: simple(entity), kind, columns, line: call.line });
    }
  }
}

interface AttributeText {
  name: string;
  args: ReturnType<typeof splitArguments>;
}

function attributes(text: string): AttributeText[] {
  const found: AttributeText[] = [];
  for (const group of text.matchAll(/\[([^\]]*)\]/g)) {
    for (const part of splitArguments(group[1]!)) {
      const match = /^([\w.]+?)(?:Attribute)?\s*(?:\(([\s\S]*)\))?$/.exec(part.value.trim());
      if (match) found.push({ name: simple(match[1]!), args: match[2] ? splitArguments(match[2]) : [] });
    }
  }
  return found;
}

function nameofOrString(value: string): string[] {
  const nameof = /nameof\s*\(\s*(?:[\w.]*\.)?(\w+)\s*\)/.exec(value);
  if (nameof) return [nameof[1]!];
  const literal = stringValue(value);
  return literal ? [literal] : [];
}

function simple(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

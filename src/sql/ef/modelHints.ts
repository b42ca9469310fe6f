/**
 * EF model configuration from the C# facts: `DbSet<T> Name` properties,
 * `[Table]`, `[Key]`, `[Index]` (EF6 on properties, EF Core on the class),
 * `[PrimaryKey]`, and the fluent `Entity<T>()…HasKey/HasIndex(…).IsUnique()/ToTable(…)`
 * chains (also inside `IEntityTypeConfiguration<T>`). Lambdas matter here:
 * the attributes' and chains' arguments come as expression shapes.
 */
import type {
  CSharpAttributeUse,
  CSharpCallChain,
  CSharpExpression,
  CSharpFileFacts,
  CSharpTypeFacts,
} from '../../core/facts.js';
import type { EfKeyHint, EfModelFacts } from '../../core/facts/sql.js';
import { parseTableName } from '../names.js';
import { argument, isTrue, lastSegment, memberNames, stringList, stringValue } from './expressions.js';

export function readModelHints(facts: CSharpFileFacts): EfModelFacts {
  const hints: EfModelFacts = { sets: [], tables: [], keys: [] };
  for (const type of facts.types) {
    for (const member of type.members) {
      const entity =
        member.genericType && lastSegment(member.genericType.name) === 'DbSet'
          ? member.genericType.arguments[0]
          : undefined;
      // `DbSet<T> Set` in a generic repository names a type parameter, not an entity.
      if (entity !== undefined && isEntityName(entity))
        hints.sets.push({ entity: lastSegment(entity), name: member.name });
    }
  }
  for (const type of facts.types) if (type.kind === 'class' || type.kind === 'record') readClass(type, hints);
  readFluent(facts, hints);
  readColumnNames(facts, hints);
  return hints;
}

/** `Order`, `Models.Order`; not `T`, `TEntity` (type parameters by convention) nor `Audit<Order>`. */
function isEntityName(written: string): boolean {
  return /^[\w.]+$/.test(written) && !/^T([A-Z]\w*)?$/.test(written);
}

function readClass(type: CSharpTypeFacts, hints: EfModelFacts): void {
  const entity = type.name;
  for (const attribute of type.attributes) {
    const name = lastSegment(attribute.name);
    const args = attribute.arguments ?? [];
    if (name === 'Table') {
      const table = parseTableName(stringValue(argument(args, 0)) ?? '');
      const schema = stringValue(argument(args, -1, 'Schema'));
      if (table) hints.tables.push({ entity, table: schema ? { schema, name: table.name } : table });
    }
    if (name === 'Index' || name === 'PrimaryKey') {
      const columns = args.filter((a) => a.name === undefined).flatMap((a) => memberOrString(a.value));
      const kind = name === 'PrimaryKey' ? 'primary-key' : isUnique(attribute) ? 'unique' : 'index';
      if (columns.length > 0) hints.keys.push({ entity, kind, columns, line: attribute.line });
    }
  }
  const named = new Map<string, EfKeyHint>();
  for (const property of type.members) {
    if (property.kind !== 'property' || !property.modifiers?.includes('public')) continue;
    for (const attribute of property.attributes) {
      const name = lastSegment(attribute.name);
      if (name === 'Key')
        hints.keys.push({ entity, kind: 'primary-key', columns: [property.name], line: attribute.line });
      if (name === 'Index') {
        // EF6 `[Index("IX_Name", 2, IsUnique = true)]`: same-named attributes form one composite index.
        const indexName = stringValue(argument(attribute.arguments ?? [], 0));
        const existing = indexName ? named.get(indexName) : undefined;
        if (existing) existing.columns.push(property.name);
        else {
          const hint: EfKeyHint = {
            entity,
            kind: isUnique(attribute) ? 'unique' : 'index',
            columns: [property.name],
            line: attribute.line,
            ...(indexName ? { name: indexName } : {}),
          };
          hints.keys.push(hint);
          if (indexName) named.set(indexName, hint);
        }
      }
    }
  }
}

function isUnique(attribute: CSharpAttributeUse): boolean {
  return isTrue(argument(attribute.arguments ?? [], -1, 'IsUnique'));
}

/** `nameof(Email)`, `nameof(User.Email)` → Email; `"Email"` → Email. */
function memberOrString(value: CSharpExpression): string[] {
  if (value.kind === 'nameof') return [lastSegment(value.text)];
  return value.kind === 'string' ? [value.text] : [];
}

const FLUENT_METHODS = ['HasKey', 'HasIndex', 'ToTable'] as const;

function readFluent(facts: CSharpFileFacts, hints: EfModelFacts): void {
  // `class UserConfiguration : IEntityTypeConfiguration<User>`: builder calls configure User.
  const configured = facts.types
    .flatMap((t) => t.genericBases ?? [])
    .find((b) => lastSegment(b.name) === 'IEntityTypeConfiguration')?.arguments[0];
  const chains = facts.callChains ?? [];
  for (const method of FLUENT_METHODS) {
    for (const chain of chains) {
      chain.links.forEach((link, at) => {
        if (link.name !== method || link.arguments === undefined) return;
        const entity = entityBuilt(chain, at) ?? chain.configures ?? configured;
        if (!entity) return;
        const args = link.arguments;
        if (method === 'ToTable') {
          const named = argument(args, 0, 'name');
          // `ToTable(nameof(Cipher))` names the table after the class.
          const table = parseTableName(stringValue(named) ?? (named?.kind === 'nameof' ? lastSegment(named.text) : ''));
          const schemaArgument = argument(args, 1, 'schema');
          const schema = stringValue(schemaArgument);
          // `Map(m => m.ToTable("UserRoles"))` names a join table, not the entity's.
          if (!table || chain.inLambdaOf === 'Map') return;
          const hint: EfModelFacts['tables'][number] = {
            entity: lastSegment(entity),
            table: schema ? { schema, name: table.name } : table,
          };
          // `ToTable("orders", OrderingContext.DEFAULT_SCHEMA)`: a constant resolved across the estate.
          if (schemaArgument?.kind === 'name') hint.schemaConstant = schemaArgument.text;
          hints.tables.push(hint);
          return;
        }
        const first = argument(args, 0);
        const columns = first?.kind === 'lambda' ? memberNames(first) : args.flatMap((a) => stringList(a.value));
        const next = chain.links[at + 1];
        const kind =
          method === 'HasKey'
            ? 'primary-key'
            : next?.name === 'IsUnique' && next.arguments !== undefined
              ? 'unique'
              : 'index';
        if (columns.length > 0) hints.keys.push({ entity: lastSegment(entity), kind, columns, line: link.line });
      });
    }
  }
}

/** `Property(p => p.Name).HasColumnName("name")` on an entity builder (or in an `IEntityTypeConfiguration<T>`). */
function readColumnNames(facts: CSharpFileFacts, hints: EfModelFacts): void {
  const configured = facts.types
    .flatMap((t) => t.genericBases ?? [])
    .find((b) => lastSegment(b.name) === 'IEntityTypeConfiguration')?.arguments[0];
  const columns: NonNullable<EfModelFacts['columns']> = [];
  for (const chain of facts.callChains ?? []) {
    chain.links.forEach((link, at) => {
      if (link.name !== 'HasColumnName' || link.arguments === undefined) return;
      const column = stringValue(argument(link.arguments, 0, 'name'));
      const entity = entityBuilt(chain, at) ?? chain.configures ?? configured;
      const property = chain.links
        .slice(0, at)
        .reverse()
        .find((l) => l.name === 'Property' && l.arguments !== undefined);
      const selector = property?.arguments ? argument(property.arguments, 0) : undefined;
      const [name] = selector?.kind === 'lambda' ? memberNames(selector) : [];
      if (column && entity && name) columns.push({ entity: lastSegment(entity), property: name, column });
    });
  }
  if (columns.length > 0) hints.columns = columns;
}

/** `modelBuilder.Entity<User>()…`: the entity of the last `Entity<T>()` before link `at`. */
function entityBuilt(chain: CSharpCallChain, at: number): string | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const link = chain.links[i]!;
    if (link.name === 'Entity' && link.arguments?.length === 0 && link.typeArguments?.length === 1)
      return link.typeArguments[0];
  }
  return undefined;
}

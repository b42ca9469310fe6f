/**
 * Entity classes → tables and columns, as the EF model the scan reads maps
 * them, for the LINQ reader. Tables follow the precedence `efModel.ts` uses for
 * the schema, so a query and its table meet: `[Table]`/`ToTable`, else the
 * `DbSet` property name, else the class name. EF Core names a table after its
 * `DbSet`; EF6 pluralises the class name, which is the set's name whenever the
 * set is named as the plural of its class (the usual case) — EF6's pluraliser
 * itself is not reproduced. Columns: `[Column("x")]`, `HasColumnName("x")`,
 * else the property name; an owned (or EF6 complex) type's property `Street`
 * of `Address` is the column `Address_Street` of the owner's table.
 * Navigations come from property types: a property whose type is an entity is
 * a reference (its foreign key `<Navigation>Id` on the owner), one whose type
 * is a collection of entities a collection (the child's key `<Owner>Id`).
 */
import type { CSharpTypeFacts } from '../../core/facts.js';
import type { SqlTableName } from '../../core/facts/sql.js';
import type { RepoModel } from '../../core/model.js';

export interface EntityMapping {
  entity: string;
  table: SqlTableName;
  /** Property names, when the class was found; undefined when only the model names the entity. */
  properties?: ReadonlySet<string>;
  /** Properties declared with a class or generic type: property → type as written. */
  propertyTypes: ReadonlyMap<string, string>;
  /** Properties mapped to another column name. */
  renamed: ReadonlyMap<string, string>;
  /** Key columns: declared, else `Id` / `<Entity>Id`. */
  key: string[];
}

export type Navigation =
  | { kind: 'reference'; target: EntityMapping; foreignKey: string }
  | { kind: 'collection'; target: EntityMapping; foreignKey: string };

const COLLECTION_TYPE =
  /^(?:[\w.]+\.)?(?:ICollection|IList|List|IEnumerable|HashSet|ISet|Collection|IReadOnlyCollection|IReadOnlyList)<([\w.]+)>$/;

export class EntityMap {
  private readonly entities = new Map<string, EntityMapping>();
  private readonly sets = new Map<string, string>();
  /** Context types (simple names) and the `DbSet` properties each declares, by full name. */
  private readonly contexts = new Set<string>();
  private readonly setsDeclared = new Map<string, Set<string>>();

  constructor(repos: readonly RepoModel[]) {
    const classes = new Map<string, CSharpTypeFacts>();
    /** Every base of every class of a name: a domain class and the EF model class often share one. */
    const basesOf = new Map<string, string[]>();
    const propertyTypes = new Map<string, Map<string, string>>();
    const tables = new Map<string, SqlTableName & { schemaConstant?: string }>();
    const constants = new Map<string, string>();
    const keys = new Map<string, string[]>();
    const columns = new Map<string, Map<string, string>>();
    const named = new Set<string>();
    for (const repo of repos) {
      for (const file of repo.files) {
        if (file.facts?.kind === 'csharp') {
          for (const type of file.facts.types) {
            if ((type.kind === 'class' || type.kind === 'record') && !classes.has(type.name))
              classes.set(type.name, type);
            if (type.kind === 'class' || type.kind === 'record')
              basesOf.set(type.name, [...(basesOf.get(type.name) ?? []), ...type.bases]);
            this.noteContext(type);
          }
          for (const declaration of file.facts.stringDeclarations) {
            if (declaration.kind !== 'const' || declaration.value.dynamic) continue;
            const owner = declaration.ownerType ? `${lastSegment(declaration.ownerType)}.` : '';
            for (const key of [`${owner}${declaration.name}`, declaration.name])
              if (!constants.has(key)) constants.set(key, declaration.value.text);
          }
          for (const property of file.facts.linq?.properties ?? []) {
            const owner = lastSegment(property.ownerType);
            const types = propertyTypes.get(owner) ?? new Map<string, string>();
            if (!types.has(property.name)) types.set(property.name, property.type);
            propertyTypes.set(owner, types);
          }
        }
        const ef = file.sql?.ef;
        if (!ef) continue;
        for (const set of ef.sets) {
          named.add(set.entity);
          if (!this.sets.has(set.name)) this.sets.set(set.name, set.entity);
        }
        for (const { entity, table, schemaConstant } of ef.tables) {
          named.add(entity);
          if (!tables.has(entity)) tables.set(entity, schemaConstant ? { ...table, schemaConstant } : table);
        }
        for (const hint of ef.keys) {
          named.add(hint.entity);
          if (hint.kind === 'primary-key' && !keys.has(hint.entity)) keys.set(hint.entity, hint.columns);
        }
        for (const { entity, property, column } of ef.columns ?? []) {
          const renamed = columns.get(entity) ?? new Map<string, string>();
          if (!renamed.has(property)) renamed.set(property, column);
          columns.set(entity, renamed);
        }
      }
    }
    for (const [entity, table] of tables) {
      const { schemaConstant, ...name } = table;
      const schema =
        schemaConstant === undefined ? undefined : constants.get(schemaConstant.split('.').slice(-2).join('.'));
      tables.set(entity, schema === undefined ? name : { ...name, schema });
    }
    const setOf = new Map<string, string>();
    for (const [name, entity] of this.sets) if (!setOf.has(entity)) setOf.set(entity, name);
    // Entities the model names, plus classes a query reaches through `Set<T>()` (mapped by convention, on demand).
    this.conventions = { classes, basesOf, propertyTypes, tables, keys, columns, setOf };
    for (const entity of [...named].sort()) this.entity(entity);
  }

  private readonly conventions: {
    classes: ReadonlyMap<string, CSharpTypeFacts>;
    basesOf: ReadonlyMap<string, readonly string[]>;
    propertyTypes: ReadonlyMap<string, ReadonlyMap<string, string>>;
    tables: ReadonlyMap<string, SqlTableName>;
    keys: ReadonlyMap<string, string[]>;
    columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
    setOf: ReadonlyMap<string, string>;
  };

  /** A class or interface with `DbSet` properties, or deriving from a `…DbContext`/`ObjectContext`. */
  private noteContext(type: CSharpTypeFacts): void {
    const sets = type.members.filter((m) => m.genericType && lastSegment(m.genericType.name) === 'DbSet');
    if (sets.length > 0) this.setsDeclared.set(type.fullName, new Set(sets.map((m) => m.name)));
    if (sets.length > 0 || type.bases.some((b) => /(?:DbContext|ObjectContext)$/.test(b))) this.contexts.add(type.name);
  }

  /** Whether a declared type (`ShopContext`, `Data.ShopContext`) is an EF context. */
  isContext(written: string): boolean {
    const name = lastSegment(written);
    return this.contexts.has(name) || /(?:DbContext|ObjectContext)$/.test(name);
  }

  /** Whether the type (full name) declares a `DbSet` property of that name: its own code reads `Name` or `this.Name`. */
  declaresSet(ownerType: string | undefined, name: string): boolean {
    return ownerType !== undefined && (this.setsDeclared.get(ownerType)?.has(name) ?? false);
  }

  /** The table an entity maps to, as the schema built from the model names it. */
  tableOf(entity: string): SqlTableName | undefined {
    return this.entity(entity)?.table;
  }

  /** The entity a `DbSet` property of that name holds. */
  entityOfSet(name: string): EntityMapping | undefined {
    const entity = this.sets.get(name);
    return entity === undefined ? undefined : this.entity(entity);
  }

  /** An entity by class name (namespace dropped): one the model names, or any class (mapped by convention). */
  entity(written: string): EntityMapping | undefined {
    const name = lastSegment(written);
    const known = this.entities.get(name);
    if (known) return known;
    const { classes, propertyTypes, tables, keys, columns, setOf } = this.conventions;
    const type = classes.get(name);
    const modelled = tables.has(name) || setOf.has(name) || keys.has(name);
    if (!type && !modelled) return undefined;
    const properties = type ? publicProperties(type) : undefined;
    // Table-per-hierarchy, EF's default for inheritance: a derived entity without a table of its own
    // lives in its mapped base's table (`ServiceAccountProjectAccessPolicy : AccessPolicy` → AccessPolicy).
    const root = tables.has(name) ? undefined : this.mappedBase(name, 0);
    const renamed = new Map(columns.get(name) ?? []);
    for (const member of type?.members ?? []) {
      const column = member.attributes.find((a) => lastSegment(a.name) === 'Column')?.args[0];
      if (member.kind === 'property' && column && !column.includes('=')) renamed.set(member.name, column);
    }
    const mapping: EntityMapping = {
      entity: name,
      table: tables.get(name) ?? root?.table ?? { name: setOf.get(name) ?? name },
      ...(properties ? { properties } : {}),
      propertyTypes: propertyTypes.get(name) ?? new Map(),
      renamed,
      key: keys.get(name) ?? root?.key ?? conventionalKey(name, properties),
    };
    this.entities.set(name, mapping);
    return mapping;
  }

  /** The nearest base class the model maps to a table (its root, for a hierarchy), within a few levels. */
  private mappedBase(name: string, depth: number): EntityMapping | undefined {
    if (depth > 8) return undefined;
    const { basesOf, tables, setOf, keys } = this.conventions;
    for (const written of basesOf.get(name) ?? []) {
      const base = lastSegment(written.replace(/<.*$/, ''));
      if (base === name) continue;
      if (tables.has(base) || setOf.has(base) || keys.has(base)) return this.entity(base);
      const further = this.mappedBase(base, depth + 1);
      if (further) return further;
    }
    return undefined;
  }

  column(entity: EntityMapping, property: string): string {
    return entity.renamed.get(property) ?? property;
  }

  /** Whether `property` is one of the entity's, as far as its class is known. */
  hasProperty(entity: EntityMapping, property: string): boolean {
    return entity.properties === undefined || entity.properties.has(property);
  }

  /** `o.Buyer` (a reference) or `o.Items` (a collection), from the property's declared type. */
  navigation(entity: EntityMapping, property: string): Navigation | undefined {
    const type = entity.propertyTypes.get(property);
    if (type === undefined) return undefined;
    const element = COLLECTION_TYPE.exec(type)?.[1];
    if (element !== undefined) {
      const target = this.modelled(element);
      // Collections both ways (`Secret.Projects`, `Project.Secrets`): many-to-many through a join table not modelled here.
      const inverse = [...(target?.propertyTypes.values() ?? [])].some(
        (t) => lastSegment(COLLECTION_TYPE.exec(t)?.[1] ?? '') === entity.entity,
      );
      return target && !inverse ? { kind: 'collection', target, foreignKey: `${entity.entity}Id` } : undefined;
    }
    const target = this.modelled(type);
    return target ? { kind: 'reference', target, foreignKey: `${property}Id` } : undefined;
  }

  /** An owned or complex type's class: a property type that is a class but no entity. */
  isOwnedType(entity: EntityMapping, property: string): boolean {
    const type = entity.propertyTypes.get(property);
    return (
      type !== undefined &&
      !COLLECTION_TYPE.test(type) &&
      !this.modelled(type) &&
      this.conventions.classes.has(lastSegment(type))
    );
  }

  /**
   * The foreign key columns EF gives an entity's table by convention, each of
   * which it indexes (EF Core always, EF6 since 6.1): `<Navigation>Id` of a
   * reference navigation, and `<Owner>Id` of an owner's collection of it.
   */
  foreignKeys(written: string): string[] {
    this.foreignKeyColumns ??= this.collectForeignKeys();
    return this.foreignKeyColumns.get(lastSegment(written)) ?? [];
  }

  private foreignKeyColumns: Map<string, string[]> | undefined;

  private collectForeignKeys(): Map<string, string[]> {
    const keys = new Map<string, string[]>();
    const add = (entity: EntityMapping, property: string) => {
      if (!entity.properties?.has(property)) return;
      const list = keys.get(entity.entity) ?? [];
      const column = this.column(entity, property);
      if (!list.includes(column)) list.push(column);
      keys.set(entity.entity, list);
    };
    for (const entity of [...this.entities.values()]) {
      for (const property of [...entity.propertyTypes.keys()].sort()) {
        const navigation = this.navigation(entity, property);
        if (navigation?.kind === 'reference') add(entity, navigation.foreignKey);
        else if (navigation?.kind === 'collection') add(navigation.target, navigation.foreignKey);
      }
    }
    return keys;
  }

  /** An entity the model names (a set, a table, a key): a navigation's target must be one. */
  private modelled(written: string): EntityMapping | undefined {
    const name = lastSegment(written);
    const { tables, keys, setOf } = this.conventions;
    return tables.has(name) || setOf.has(name) || keys.has(name) ? this.entity(name) : undefined;
  }
}

function publicProperties(type: CSharpTypeFacts): Set<string> {
  return new Set(type.members.filter((m) => m.kind === 'property' && !isNotMapped(m.attributes)).map((m) => m.name));
}

function isNotMapped(attributes: readonly { name: string }[]): boolean {
  return attributes.some((a) => lastSegment(a.name) === 'NotMapped');
}

function conventionalKey(entity: string, properties: ReadonlySet<string> | undefined): string[] {
  if (!properties) return [];
  for (const candidate of ['Id', `${entity}Id`]) if (properties.has(candidate)) return [candidate];
  return [];
}

function lastSegment(name: string): string {
  const bare = name.replace(/<.*$/, '');
  return bare.slice(bare.lastIndexOf('.') + 1);
}

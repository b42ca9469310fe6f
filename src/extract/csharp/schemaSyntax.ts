/**
 * Names that make the walk record more than ordinary facts, for the EF schema
 * readers in `src/sql/ef` (migrations → tables, model configuration → keys):
 * call chains with their arguments' shapes, attribute arguments as
 * expressions, `DbSet<T>` property types and `IEntityTypeConfiguration<T>`
 * bases. Only these names trigger it, so a file without EF code gets the same
 * facts as before. Names are matched without namespace or `Attribute` suffix.
 */

/** EF6 and EF Core migration operations: their chains are recorded wherever they are called. */
const MIGRATION_OPERATIONS = new Set([
  'CreateTable',
  'CreateIndex',
  'AddPrimaryKey',
  'AddUniqueConstraint',
  'AddColumn',
  // Drops and renames, applied in migration order (src/sql/ef/migrationFile.ts).
  'DropTable',
  'RenameTable',
  'DropIndex',
  'RenameIndex',
  'DropColumn',
  'RenameColumn',
  'DropPrimaryKey',
  'DropUniqueConstraint',
]);

/**
 * EF model configuration: recorded only where an entity type can be known —
 * on a chain through `Entity<T>()`, or once the file has declared an
 * `IEntityTypeConfiguration<T>` implementation (a base list is walked before
 * the body it configures in). Migration snapshots configure entities named
 * by strings (`b.HasKey("Id")` in `modelBuilder.Entity("Bit.Cipher", b => …)`),
 * tens of thousands of calls in a large estate, none of which names a type.
 */
const MODEL_CONFIGURATION = new Set(['HasKey', 'HasIndex', 'ToTable', 'HasColumnName']);

/** `modelBuilder.Entity<User>()`: the call that starts an entity builder chain. */
export const ENTITY_BUILDER_METHOD = 'Entity';

/** EF attributes whose arguments are recorded as expressions (`[Key]` takes none). */
const SCHEMA_ATTRIBUTES = new Set(['Table', 'Index', 'PrimaryKey']);

/** Property types recorded with their type arguments: the entity sets of a context. */
const RECORDED_PROPERTY_TYPES = new Set(['DbSet']);

/** Bases recorded with their type arguments: `UserConfiguration : IEntityTypeConfiguration<User>` configures `User`. */
const ENTITY_CONFIGURATION_BASE = 'IEntityTypeConfiguration';

export function isMigrationOperation(method: string): boolean {
  return MIGRATION_OPERATIONS.has(method);
}

export function isModelConfiguration(method: string): boolean {
  return MODEL_CONFIGURATION.has(method);
}

export function isSchemaAttribute(name: string): boolean {
  return SCHEMA_ATTRIBUTES.has(lastSegment(name));
}

export function isRecordedPropertyType(name: string): boolean {
  return RECORDED_PROPERTY_TYPES.has(lastSegment(name));
}

export function isEntityConfigurationBase(name: string): boolean {
  return lastSegment(name) === ENTITY_CONFIGURATION_BASE;
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * EF model hints from every file → table definitions. An entity's table is its
 * `[Table]`/`ToTable` name, else its `DbSet` property name, else its class name
 * (EF6's pluraliser is not reproduced). Its key is the declared one, else the
 * `Id`/`<Entity>Id` property EF picks by convention (properties come from the
 * C# facts of the entity class). Foreign keys of navigations get the index EF
 * gives them by convention (./ef/entityMap.ts).
 */
import type { RepoModel } from '../core/model.js';
import type { EfModelFacts, SqlIndexDef, SqlTableDef, SqlTableName } from '../core/facts/sql.js';
import { EntityMap } from './ef/entityMap.js';

interface Where {
  repo: string;
  file: string;
}

export function resolveEfModel(repos: readonly RepoModel[]): { def: SqlTableDef; where: Where }[] {
  const sets = new Map<string, string>();
  const tables = new Map<string, SqlTableName>();
  const keys = new Map<string, { hint: EfModelFacts['keys'][number]; where: Where }[]>();
  const firstSeen = new Map<string, { where: Where; line: number }>();
  const properties = new Map<string, { names: string[]; where: Where; line: number }>();
  for (const repo of repos) {
    for (const file of repo.files) {
      const where = { repo: repo.name, file: file.path };
      if (file.facts?.kind === 'csharp') {
        for (const type of file.facts.types) {
          const names = type.members.filter((m) => m.kind === 'property').map((m) => m.name);
          if (names.length > 0 && !properties.has(type.name))
            properties.set(type.name, { names, where, line: type.line });
        }
      }
      const ef = file.sql?.ef;
      if (!ef) continue;
      for (const set of ef.sets) {
        if (!sets.has(set.entity)) sets.set(set.entity, set.name);
      }
      for (const table of ef.tables) if (!tables.has(table.entity)) tables.set(table.entity, table.table);
      for (const hint of ef.keys) {
        keys.set(hint.entity, [...(keys.get(hint.entity) ?? []), { hint, where }]);
        if (!firstSeen.has(hint.entity)) firstSeen.set(hint.entity, { where, line: hint.line });
      }
    }
  }
  const entities = new Set([...sets.keys(), ...tables.keys(), ...keys.keys()]);
  const map = new EntityMap(repos);
  const defs: { def: SqlTableDef; where: Where }[] = [];
  for (const entity of [...entities].sort()) {
    const declared = keys.get(entity) ?? [];
    const indexes: SqlIndexDef[] = declared.map(({ hint }) => ({
      kind: hint.kind,
      columns: hint.columns,
      include: [],
      line: hint.line,
      ...(hint.name ? { name: hint.name } : {}),
    }));
    const props = properties.get(entity);
    if (!indexes.some((i) => i.kind === 'primary-key') && props) {
      const key = props.names.find((p) => p === 'Id' || p === `${entity}Id` || p.toLowerCase() === 'id');
      if (key) indexes.push({ kind: 'primary-key', columns: [key], include: [] });
    }
    // EF indexes each foreign key by convention: a join along a navigation is served.
    for (const column of map.foreignKeys(entity))
      if (!indexes.some((i) => i.columns[0] === column))
        indexes.push({ kind: 'index', columns: [column], include: [] });
    const table = map.tableOf(entity) ?? tables.get(entity) ?? { name: sets.get(entity) ?? entity };
    const origin = props
      ? { where: props.where, line: props.line }
      : (firstSeen.get(entity) ?? { where: declared[0]?.where ?? { repo: '', file: '' }, line: 1 });
    defs.push({
      def: {
        table,
        declares: true,
        columns: (props?.names ?? []).map((name) => ({ name })),
        indexes,
        line: origin.line,
        source: 'ef-model',
      },
      where: origin.where,
    });
  }
  return defs;
}

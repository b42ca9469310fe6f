/**
 * Which database an EF migration migrates, from what the file itself shows,
 * strongest first: provider annotations (`.Annotation("Npgsql:…")`,
 * `SqlServer:Identity`, `MySql:CharSet`, `Sqlite:Autoincrement`), the store
 * types it declares (`type: "uuid"`, `"tinyint(1)"`, `"TEXT"`,
 * `"uniqueidentifier"`), then the namespace and usings (`Bit.MySqlMigrations`,
 * `Npgsql.EntityFrameworkCore…`). The estate adds the path (the migrations
 * project's folder) and a default when the file shows nothing (src/sql/databases.ts).
 */
import type { CSharpCallChain, CSharpExpression, CSharpFileFacts } from '../../core/facts.js';
import type { EfMigrationFacts, SqlDatabaseFamily } from '../../core/facts/sql.js';

const ANNOTATION_PREFIX: Record<string, SqlDatabaseFamily> = {
  sqlserver: 'transactsql',
  npgsql: 'postgresql',
  mysql: 'mysql',
  sqlite: 'sqlite',
};

/** Store types only one provider writes (case matters: SQLite's EF provider writes `TEXT`, PostgreSQL's `text`). */
function storeTypeFamily(type: string): SqlDatabaseFamily | undefined {
  if (/^(TEXT|INTEGER|REAL|BLOB)$/.test(type)) return 'sqlite';
  const lower = type.toLowerCase();
  if (/^(uniqueidentifier|datetime2|datetimeoffset|nvarchar|nchar|ntext|bit$|money$|varbinary\(max\))/.test(lower))
    return 'transactsql';
  if (/^(uuid$|boolean$|bytea$|jsonb$|timestamp|character varying|double precision|interval$)/.test(lower))
    return 'postgresql';
  if (/^(tinyint\(1\)$|longtext$|mediumtext$|longblob$|datetime\(\d\)$|char\(36\)$)/.test(lower)) return 'mysql';
  return undefined;
}

/** A provider word in a namespace, using or path segment: `PostgresMigrations`, `Npgsql`, `MsSql`. */
export function familyNamed(text: string): SqlDatabaseFamily | undefined {
  if (/sqlite/i.test(text)) return 'sqlite';
  if (/postgre|npgsql|pgsql/i.test(text)) return 'postgresql';
  if (/mysql|mariadb|pomelo/i.test(text)) return 'mysql';
  if (/sqlserver|mssql/i.test(text)) return 'transactsql';
  return undefined;
}

export function migrationProvider(facts: CSharpFileFacts, chains: readonly CSharpCallChain[]): EfMigrationFacts {
  const annotations = new Map<SqlDatabaseFamily, number>();
  const storeTypes = new Map<SqlDatabaseFamily, number>();
  const vote = (votes: Map<SqlDatabaseFamily, number>, family: SqlDatabaseFamily | undefined) => {
    if (family) votes.set(family, (votes.get(family) ?? 0) + 1);
  };
  const visit = (expression: CSharpExpression | undefined): void => {
    if (!expression) return;
    switch (expression.kind) {
      case 'array':
        for (const item of expression.items) visit(item);
        break;
      case 'object':
        for (const member of expression.members) visit(member.value);
        break;
      case 'lambda':
        visit(expression.body);
        for (const statement of expression.statements ?? []) visit(statement);
        break;
      case 'chain':
        visitLinks(expression.links);
        break;
      default:
    }
  };
  const visitLinks = (links: CSharpCallChain['links']) => {
    for (const link of links) {
      for (const arg of link.arguments ?? []) {
        if (link.name === 'Annotation' && arg === link.arguments![0] && arg.value.kind === 'string') {
          const prefix = arg.value.text.split(':')[0]!.toLowerCase();
          vote(annotations, ANNOTATION_PREFIX[prefix]);
        }
        if (arg.name === 'type' && arg.value.kind === 'string') vote(storeTypes, storeTypeFamily(arg.value.text));
        visit(arg.value);
      }
    }
  };
  for (const chain of chains) visitLinks(chain.links);
  const byAnnotation = winner(annotations);
  if (byAnnotation) return { provider: byAnnotation, evidence: 'annotation' };
  const byStoreType = winner(storeTypes);
  if (byStoreType) return { provider: byStoreType, evidence: 'store-type' };
  for (const namespace of facts.namespaces) {
    const family = familyNamed(namespace);
    if (family) return { provider: family, evidence: 'namespace' };
  }
  for (const using of facts.usings) {
    const family = familyNamed(using.target);
    if (family) return { provider: family, evidence: 'using' };
  }
  return {};
}

/** The family with the most votes; ties go to none, so mixed evidence falls through to weaker kinds. */
function winner(votes: Map<SqlDatabaseFamily, number>): SqlDatabaseFamily | undefined {
  const sorted = [...votes].sort((a, b) => b[1] - a[1]);
  if (sorted.length === 0 || (sorted.length > 1 && sorted[0]![1] === sorted[1]![1])) return undefined;
  return sorted[0]![0];
}

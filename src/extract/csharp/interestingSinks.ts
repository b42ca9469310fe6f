/**
 * Methods and constructed types where SQL text, routes or URLs arrive. A
 * call whose arguments are only identifiers (`conn.Query(sql)`) is recorded
 * only when its method matches one of these: the identifier may name a
 * string declared elsewhere, and recording every identifier-only call would
 * bloat the facts. Calls with a string argument are always recorded.
 *
 * `*` matches any run of characters.
 */
export const INTERESTING_SINKS: readonly string[] = [
  // Dapper
  'Query*',
  'Execute*', // also ADO.NET ExecuteScalar/ExecuteReader and EF ExecuteSqlRaw*, ExecuteSqlCommand*
  'CommandDefinition',
  // Entity Framework (and EF 6 migrations' `Sql("…")`)
  'SqlQuery',
  'FromSqlRaw',
  'FromSqlInterpolated',
  'Sql',
  // ADO.NET providers
  'SqlCommand',
  'SqlDataAdapter',
  'OleDbCommand',
  'OdbcCommand',
  'OracleCommand',
  'NpgsqlCommand',
  'MySqlCommand',
  'SqliteCommand',
  'CommandText', // the setter: `cmd.CommandText = sql`
  // HTTP clients
  'Get*Async',
  'Post*Async',
  'Put*Async',
  'Delete*Async',
  'Patch*Async',
  'Send*Async',
  'DownloadString*',
  'UploadString*',
  'RestRequest',
  'HttpRequestMessage',
  'Uri',
  // Routes: MapRoute, MapControllerRoute, MapGet, MapPost, …
  'Map*',
];

const SINK_PATTERN = new RegExp(
  `^(?:${INTERESTING_SINKS.map((glob) => glob.split('*').map(escapeRegExp).join('.*')).join('|')})$`,
);

export function isInterestingSink(method: string): boolean {
  return SINK_PATTERN.test(method);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What makes a JS string SQL, and the cheap test that most files hold none. */

/** The statements a driver call is taken to send: a query string must start with one. */
export const SQL_START = /^\s*(?:WITH\b|SELECT\b|INSERT\b|UPDATE\b|DELETE\b|MERGE\b|EXEC(?:UTE)?\b|CALL\b)/i;
/** A quote or backtick followed by what `SQL_START` accepts, anywhere in the file. */
const SQL_STRING_START = /['"`]\s*(?:WITH|SELECT|INSERT|UPDATE|DELETE|MERGE|EXEC(?:UTE)?|CALL)\b/i;
const DRIVER_WORD = /\b(query|execute|raw|sql|any|one|none|many)\b/;

/**
 * Whether the file may send SQL: every query found is a string starting with an
 * SQL keyword passed to a driver method. Without both, the SQL walk is skipped
 * (most front-end files).
 */
export function mayHoldSql(text: string): boolean {
  return SQL_STRING_START.test(text) && DRIVER_WORD.test(text);
}

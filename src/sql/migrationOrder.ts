/**
 * The order a database's files are applied in. Migrations carry their order in
 * their name: EF's timestamp ids (`20210617183900_Init.cs`, EF6's 15 digits),
 * date-prefixed scripts (`2017-08-19_00_Setup.sql`), Flyway versions
 * (`V2_1__add.sql`) and dated folders (`20230101120000_init/migration.sql`).
 * Dated files come first, oldest first (an undated script in a migration
 * folder, a baseline, before them: ./databases.ts); other undated files (a live
 * schema project, the EF model) come after them by path: they describe the
 * current state, so no older migration's drop may remove what they declare.
 */

export interface ApplyOrder {
  dated: boolean;
  /** Comparable text: 14 digits of date-time, or `v` and padded version numbers. */
  key: string;
  path: string;
  line: number;
}

const DATED = /^((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)[-_.T]?(\d*)/;
const VERSIONED = /^V(\d+(?:[._]\d+)*)__/;

export function applyOrder(path: string, line = 0): ApplyOrder {
  const segments = path.split('/');
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    const dated = DATED.exec(segment);
    if (dated) {
      const digits = `${dated[1]}${dated[2]}${dated[3]}${dated[4]}`.padEnd(14, '0').slice(0, 14);
      return { dated: true, key: digits, path, line };
    }
    const versioned = VERSIONED.exec(segment);
    if (versioned)
      return {
        dated: true,
        key: `v${versioned[1]!
          .split(/[._]/)
          .map((p) => p.padStart(6, '0'))
          .join('.')}`,
        path,
        line,
      };
  }
  return { dated: false, key: '', path, line };
}

export function compareOrder(a: ApplyOrder, b: ApplyOrder): number {
  if (a.dated !== b.dated) return a.dated ? -1 : 1;
  return cmp(a.key, b.key) || cmp(a.path, b.path) || a.line - b.line;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

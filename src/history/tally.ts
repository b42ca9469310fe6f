/**
 * Revisions, churn and authorship of a file or of anything files roll up to.
 * Fed commit by commit, so a commit touching several files of one group counts
 * once as a revision of that group (and of its author).
 */
import type { HistoryFigures } from '../core/history.js';
import type { Commit, FileChange } from './types.js';

interface AuthorTally {
  name: string;
  revisions: number;
  churn: number;
  lastCommit?: Commit;
}

export class HistoryTally {
  revisions = 0;
  added = 0;
  deleted = 0;
  logicRevisions = 0;
  logicChurn = 0;
  private lastLogicCommit?: Commit;
  first = Number.POSITIVE_INFINITY;
  last = 0;
  private lastCommit?: Commit;
  private readonly authors = new Map<string, AuthorTally>();

  /** `logic`: the change is logic (not maintenance, not a lockfile or generated file); see `logicRevisions`. */
  add(commit: Commit, change: FileChange, logic = true): void {
    const lines = (change.added ?? 0) + (change.deleted ?? 0);
    if (logic) {
      this.logicChurn += lines;
      if (this.lastLogicCommit !== commit) {
        this.lastLogicCommit = commit;
        this.logicRevisions++;
      }
    }
    this.added += change.added ?? 0;
    this.deleted += change.deleted ?? 0;
    let author = this.authors.get(commit.email);
    if (!author) {
      author = { name: commit.author, revisions: 0, churn: 0 };
      this.authors.set(commit.email, author);
    }
    author.churn += lines;
    if (author.lastCommit !== commit) {
      author.lastCommit = commit;
      author.revisions++;
    }
    if (this.lastCommit === commit) return;
    this.lastCommit = commit;
    this.revisions++;
    this.first = Math.min(this.first, commit.authorTime);
    this.last = Math.max(this.last, commit.authorTime);
  }

  figures(asOf: number): HistoryFigures {
    const churn = this.added + this.deleted;
    const byChurn = churn > 0;
    let main: AuthorTally | undefined;
    let mainEmail = '';
    for (const [email, author] of this.authors) {
      const score = byChurn ? author.churn : author.revisions;
      const best = main ? (byChurn ? main.churn : main.revisions) : -1;
      if (score > best || (score === best && email < mainEmail)) {
        main = author;
        mainEmail = email;
      }
    }
    const share = main ? (byChurn ? main.churn / churn : main.revisions / this.revisions) : 0;
    return {
      revisions: this.revisions,
      added: this.added,
      deleted: this.deleted,
      churn,
      authors: this.authors.size,
      mainAuthor: main?.name ?? '',
      mainAuthorShare: round(share, 2),
      firstChange: isoDate(this.first),
      lastChange: isoDate(this.last),
      ageDays: this.revisions === 0 ? 0 : Math.max(0, Math.floor((asOf - this.last) / 86_400)),
      logicRevisions: this.logicRevisions,
      logicChurn: this.logicChurn,
    };
  }
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function isoDate(seconds: number): string {
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().slice(0, 10) : '';
}

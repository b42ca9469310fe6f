/**
 * Ticket keys in commit messages (`HAR-123`; `#123` when configured). The same key
 * in commits of two repositories says they were one piece of work, whatever the
 * code's static references say.
 */

/** Jira-style keys. `#123` is opt-in: on GitHub every repository numbers its own issues from 1. */
export const DEFAULT_TICKET_PATTERN = '\\b[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,6}\\b';

/** Look like ticket keys but are standards and encodings. */
const NOT_TICKETS = new Set([
  'UTF',
  'ISO',
  'SHA',
  'RFC',
  'CVE',
  'TLS',
  'SSL',
  'HTTP',
  'MD',
  'ECMA',
  'WIN',
  'X',
  'GPL',
  'LGPL',
  'AES',
  'RSA',
  'IPV',
]);

export function compileTicketPattern(source: string): RegExp {
  return new RegExp(source, 'g');
}

/** Sorted, unique, upper-cased keys found in `message`. */
export function extractTickets(message: string, pattern: RegExp): string[] {
  const keys = new Set<string>();
  pattern.lastIndex = 0;
  for (const match of message.matchAll(pattern)) {
    const key = match[0].toUpperCase();
    const dash = key.lastIndexOf('-');
    if (dash > 0 && NOT_TICKETS.has(key.slice(0, dash))) continue;
    if (key.length > 0) keys.add(key);
  }
  return [...keys].sort();
}

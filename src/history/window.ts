/**
 * The time window of the history pass. A duration (`12 months`, `18mo`, `2y`,
 * `90d`) counts back from each repository's newest commit, because legacy
 * repositories often sleep for years and "the last year of the calendar" would
 * show them as unchanged; a date (`2024-01-31`) is the same cut for every repository.
 */
import { ownEntry } from '../core/ownEntry.js';

export type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export type HistoryWindow = { kind: 'since'; time: number } | { kind: 'last'; amount: number; unit: TimeUnit };

export const DEFAULT_WINDOW: HistoryWindow = { kind: 'last', amount: 12, unit: 'month' };

const UNITS: Record<string, TimeUnit> = {
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  week: 'week',
  weeks: 'week',
  mo: 'month',
  mon: 'month',
  month: 'month',
  months: 'month',
  y: 'year',
  yr: 'year',
  yrs: 'year',
  year: 'year',
  years: 'year',
};

const DURATION = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `12 months`, `18mo`, `2y`, `6w`, `90d`, `2024-01-31`, `2024-01-31T12:00:00Z`; undefined when neither. */
export function parseWindow(text: string): HistoryWindow | undefined {
  const value = text.trim();
  const duration = DURATION.exec(value);
  if (duration) {
    const unit = ownEntry(UNITS, duration[2]!.toLowerCase());
    const amount = Number(duration[1]);
    return unit && amount > 0 ? { kind: 'last', amount, unit } : undefined;
  }
  if (!ISO_DATE.test(value)) return undefined;
  // A bare date is midnight UTC, so the window does not depend on the machine's time zone.
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isFinite(time) ? { kind: 'since', time: Math.floor(time / 1000) } : undefined;
}

/** A duration in seconds (`1h`, `30 minutes`, `2d`); months and years are not durations here. */
export function durationSeconds(window: HistoryWindow): number | undefined {
  if (window.kind !== 'last' || window.unit === 'month' || window.unit === 'year') return undefined;
  return windowStart(window, 0) * -1;
}

/** Unix seconds where the window starts, for a repository whose newest commit is at `newest`. */
export function windowStart(window: HistoryWindow, newest: number): number {
  if (window.kind === 'since') return window.time;
  const date = new Date(newest * 1000);
  const whole = Math.floor(window.amount);
  const fraction = window.amount - whole;
  switch (window.unit) {
    case 'minute':
      return newest - Math.round(window.amount * 60);
    case 'hour':
      return newest - Math.round(window.amount * 3600);
    case 'day':
      return newest - Math.round(window.amount * 86_400);
    case 'week':
      return newest - Math.round(window.amount * 7 * 86_400);
    case 'month':
      date.setUTCMonth(date.getUTCMonth() - whole);
      return Math.floor(date.getTime() / 1000) - Math.round(fraction * 30 * 86_400);
    case 'year':
      date.setUTCFullYear(date.getUTCFullYear() - whole);
      return Math.floor(date.getTime() / 1000) - Math.round(fraction * 365 * 86_400);
  }
}

export function describeWindow(window: HistoryWindow): string {
  if (window.kind === 'since') return `since ${new Date(window.time * 1000).toISOString().slice(0, 10)}`;
  return `last ${window.amount} ${window.unit}${window.amount === 1 ? '' : 's'} before each repository's newest commit`;
}

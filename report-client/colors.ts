/** Colours: one per group (repo or cluster) in sorted order, one per edge category. */
import type { EdgeCategory } from '../src/report/html/reportData.js';

const PALETTE = [
  '#1c7ed6',
  '#f76707',
  '#37b24d',
  '#ae3ec9',
  '#f03e3e',
  '#1098ad',
  '#f59f00',
  '#5c7cfa',
  '#d6336c',
  '#74b816',
  '#7950f2',
  '#0ca678',
  '#e8590c',
  '#4263eb',
  '#a61e4d',
  '#2f9e44',
];

export const TABLE_COLOR = '#868e96';
export const DIMMED = '#e9ecef';

export const CATEGORY_COLORS: Record<EdgeCategory, string> = {
  code: '#adb5bd',
  http: '#e8590c',
  grpc: '#7048e8',
  table: '#15aabf',
  routine: '#2b8a3e',
  'co-change': '#e03131',
};

export const CATEGORY_LABELS: Record<EdgeCategory, string> = {
  code: 'code references',
  http: 'HTTP calls',
  grpc: 'gRPC calls',
  table: 'table reads/writes',
  routine: 'stored routine calls',
  'co-change': 'change together (history)',
};

export function groupColors(groups: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(groups)].sort();
  return new Map(sorted.map((g, i) => [g, PALETTE[i % PALETTE.length]!]));
}

/** Groups past the palette share one neutral colour, so no two groups a legend names look alike. */
export const OTHER_GROUP_COLOR = '#adb5bd';

/**
 * Colours for the largest groups by weight (lines of code), the rest neutral:
 * with 76 clusters a wrapping palette would paint unrelated ones alike.
 */
export function rankedColors(weights: ReadonlyMap<string, number>): Map<string, string> {
  const ranked = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(ranked.map(([group], i) => [group, PALETTE[i] ?? OTHER_GROUP_COLOR]));
}

import { describe, expect, it } from 'vitest';
import { durationSeconds, parseWindow, windowStart } from './window.js';

const newest = Date.UTC(2025, 5, 30, 12) / 1000;

describe('history window', () => {
  it('reads durations back from the newest commit', () => {
    expect(windowStart(parseWindow('12 months')!, newest)).toBe(Date.UTC(2024, 5, 30, 12) / 1000);
    expect(windowStart(parseWindow('18mo')!, newest)).toBe(Date.UTC(2023, 11, 30, 12) / 1000);
    expect(windowStart(parseWindow('2y')!, newest)).toBe(Date.UTC(2023, 5, 30, 12) / 1000);
    expect(windowStart(parseWindow('90d')!, newest)).toBe(newest - 90 * 86_400);
  });

  it('reads dates as the same cut for every repository', () => {
    expect(windowStart(parseWindow('2024-01-31')!, newest)).toBe(Date.UTC(2024, 0, 31) / 1000);
  });

  it('rejects what is neither', () => {
    for (const text of ['soon', '12 parsecs', '0d', '2024-13-45', '']) expect(parseWindow(text), text).toBeUndefined();
  });

  it('gives seconds for short durations only', () => {
    expect(durationSeconds(parseWindow('1h')!)).toBe(3600);
    expect(durationSeconds(parseWindow('30 minutes')!)).toBe(1800);
    expect(durationSeconds(parseWindow('2 months')!)).toBeUndefined();
  });
});

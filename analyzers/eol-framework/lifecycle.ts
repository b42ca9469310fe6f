/**
 * End-of-support dates of .NET and Node.js, kept here with their sources. Update
 * the table when a vendor announces or changes a date; `lastReviewed` says when
 * it was last checked against the sources.
 *
 * Sources:
 * - .NET Framework: https://learn.microsoft.com/lifecycle/products/microsoft-net-framework
 *   and the announcement https://devblogs.microsoft.com/dotnet/net-framework-4-5-2-4-6-4-6-1-will-reach-end-of-support-on-april-26-2022/
 *   (4, 4.5 and 4.5.1 ended 2016-01-12; 4.5.2, 4.6 and 4.6.1 ended 2022-04-26; 3.5 SP1 ends 2029-01-09;
 *   4.6.2, 4.7 and 4.7.1 end 2027-01-12; 4.7.2 and later follow the Windows release they ship in).
 * - .NET and .NET Core: https://dotnet.microsoft.com/platform/support/policy/dotnet-core
 *   and https://learn.microsoft.com/lifecycle/products/microsoft-net-and-net-core
 *   (.NET 9 STS extended to 24 months, ending with .NET 8 on 2026-11-10).
 * - Node.js: https://github.com/nodejs/Release (schedule.json) and https://nodejs.org/en/about/previous-releases
 */

export const lastReviewed = '2025-11-01';

export interface Lifecycle {
  /** Human name of the runtime. */
  product: string;
  /** ISO date on which support ends (ended). */
  endOfSupport: string;
}

/** By target framework moniker (platform suffixes like `-windows` removed first). */
export const DOTNET_LIFECYCLE: Readonly<Record<string, Lifecycle>> = {
  net20: { product: '.NET Framework 2.0', endOfSupport: '2011-07-12' },
  net30: { product: '.NET Framework 3.0', endOfSupport: '2011-07-12' },
  net35: { product: '.NET Framework 3.5 SP1', endOfSupport: '2029-01-09' },
  net40: { product: '.NET Framework 4', endOfSupport: '2016-01-12' },
  net403: { product: '.NET Framework 4.0.3', endOfSupport: '2016-01-12' },
  net45: { product: '.NET Framework 4.5', endOfSupport: '2016-01-12' },
  net451: { product: '.NET Framework 4.5.1', endOfSupport: '2016-01-12' },
  net452: { product: '.NET Framework 4.5.2', endOfSupport: '2022-04-26' },
  net46: { product: '.NET Framework 4.6', endOfSupport: '2022-04-26' },
  net461: { product: '.NET Framework 4.6.1', endOfSupport: '2022-04-26' },
  net462: { product: '.NET Framework 4.6.2', endOfSupport: '2027-01-12' },
  net47: { product: '.NET Framework 4.7', endOfSupport: '2027-01-12' },
  net471: { product: '.NET Framework 4.7.1', endOfSupport: '2027-01-12' },
  'netcoreapp1.0': { product: '.NET Core 1.0', endOfSupport: '2019-06-27' },
  'netcoreapp1.1': { product: '.NET Core 1.1', endOfSupport: '2019-06-27' },
  'netcoreapp2.0': { product: '.NET Core 2.0', endOfSupport: '2018-10-01' },
  'netcoreapp2.1': { product: '.NET Core 2.1', endOfSupport: '2021-08-21' },
  'netcoreapp2.2': { product: '.NET Core 2.2', endOfSupport: '2019-12-23' },
  'netcoreapp3.0': { product: '.NET Core 3.0', endOfSupport: '2020-03-03' },
  'netcoreapp3.1': { product: '.NET Core 3.1', endOfSupport: '2022-12-13' },
  'net5.0': { product: '.NET 5', endOfSupport: '2022-05-10' },
  'net6.0': { product: '.NET 6', endOfSupport: '2024-11-12' },
  'net7.0': { product: '.NET 7', endOfSupport: '2024-05-14' },
  'net8.0': { product: '.NET 8', endOfSupport: '2026-11-10' },
  'net9.0': { product: '.NET 9', endOfSupport: '2026-11-10' },
  'net10.0': { product: '.NET 10', endOfSupport: '2028-11-14' },
};

/** Node.js release lines by major version (`0.10`, `0.12` for the pre-io.js lines). */
export const NODE_LIFECYCLE: Readonly<Record<string, string>> = {
  '0.10': '2016-10-31',
  '0.12': '2016-12-31',
  '4': '2018-04-30',
  '5': '2016-06-30',
  '6': '2019-04-30',
  '7': '2017-06-30',
  '8': '2019-12-31',
  '9': '2018-06-30',
  '10': '2021-04-30',
  '11': '2019-06-01',
  '12': '2022-04-30',
  '13': '2020-06-01',
  '14': '2023-04-30',
  '15': '2021-06-01',
  '16': '2023-09-11',
  '17': '2022-06-01',
  '18': '2025-04-30',
  '19': '2023-06-01',
  '20': '2026-04-30',
  '21': '2024-06-01',
  '22': '2027-04-30',
  '23': '2025-06-01',
  '24': '2028-04-30',
  '25': '2026-06-01',
};

/** `net6.0-windows10.0.19041` → `net6.0`; `netcoreapp3.1` stays; `v4.6.2` style is normalised by the extractor. */
export function dotnetLifecycle(moniker: string): Lifecycle | undefined {
  const base = moniker.trim().toLowerCase().replace(/-.*$/, '');
  return DOTNET_LIFECYCLE[base];
}

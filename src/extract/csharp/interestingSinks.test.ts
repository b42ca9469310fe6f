import { describe, expect, it } from 'vitest';
import { isInterestingSink } from './interestingSinks.js';

describe('interesting sinks', () => {
  it('match SQL, HTTP and route methods, with their families', () => {
    for (const method of [
      'Query',
      'QueryFirstOrDefaultAsync',
      'Execute',
      'ExecuteSqlRaw',
      'ExecuteSqlCommandAsync',
      'SqlQuery',
      'FromSqlRaw',
      'SqlCommand',
      'SqlDataAdapter',
      'CommandText',
      'GetAsync',
      'GetStringAsync',
      'PostAsJsonAsync',
      'SendAsync',
      'DownloadString',
      'DownloadStringTaskAsync',
      'MapRoute',
      'MapGet',
      'HttpRequestMessage',
      'Uri',
      'RestRequest',
    ]) {
      expect(isInterestingSink(method), method).toBe(true);
    }
  });

  it('do not match other methods, partial names or different case', () => {
    for (const method of [
      'Process',
      'Info',
      'GetUser',
      'Get',
      'Post',
      'SqlCommandBuilder',
      'query',
      'MyQuery',
      'Uris',
      'Send',
    ]) {
      expect(isInterestingSink(method), method).toBe(false);
    }
  });
});

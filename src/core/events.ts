/** Progress without printing: the pipeline emits, the CLI decides how to show it. */
export type ScanEvent =
  | { type: 'phase'; phase: 'discover' | 'extract' | 'graph' | 'history' | 'packages' | 'decomposition' | 'analyze' }
  | { type: 'discovered'; repos: number; files: number }
  | { type: 'file-done'; repo: string; done: number; total: number }
  /** What only `ASSESS_DEBUG=1` shows: cache hits and misses, entries not trusted. */
  | { type: 'debug'; message: string };

export type ScanListener = (event: ScanEvent) => void;

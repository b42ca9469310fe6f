/** Progress without printing: the pipeline emits, the CLI decides how to show it. */
export type ScanEvent =
  | { type: 'phase'; phase: 'discover' | 'extract' | 'graph' | 'history' | 'packages' | 'decomposition' | 'analyze' }
  | { type: 'discovered'; repos: number; files: number }
  | { type: 'file-done'; repo: string; done: number; total: number };

export type ScanListener = (event: ScanEvent) => void;

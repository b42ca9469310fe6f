/**
 * The allowed layering, as data: each top-level folder and the folders its
 * production code may import. Data flows one way — discover → extract → graph
 * (+ history, packages, sql) → analyzers → scan → cli — so the list must stay
 * acyclic; the layering test checks the code against it and the list itself.
 * Test files and test support may import anything of the project.
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  'src/core': [],
  'src/discover': ['src/core'],
  'src/sql': ['src/core'],
  'src/packages': ['src/core'],
  'src/history': ['src/core'],
  // On-disk caches: entries of plain JSON; what goes in them is decided by src/scan.
  'src/cache': ['src/core'],
  'src/advisories': ['src/core', 'src/packages'],
  'src/extract': ['src/core', 'src/discover', 'src/sql'],
  'src/registry': ['src/core', 'src/packages', 'src/extract'],
  'src/graph': ['src/core', 'src/discover', 'src/extract', 'src/sql', 'src/packages'],
  'src/config': ['src/core', 'src/history'],
  'src/report': ['src/core'],
  // The extraction plan reads a scan result (fresh or saved) and its decomposition only.
  'src/plan': ['src/core'],
  // src/graph for the pure figures over the graph (src/graph/metrics); analyzers never build the graph.
  analyzers: ['src/core', 'src/sql', 'src/packages', 'src/history', 'src/graph'],
  'src/scan': [
    'src/core',
    'src/cache',
    'src/discover',
    'src/extract',
    'src/graph',
    'src/history',
    'src/packages',
    'src/registry',
    'src/advisories',
    'src/sql',
    'analyzers',
    'src/plan',
  ],
  // The CI check reads a scan's result; git only through the hardened wrapper of src/history.
  'src/check': ['src/core', 'src/config', 'src/history'],
  'src/cli': ['src/core', 'src/config', 'src/scan', 'src/report', 'src/plan', 'src/check'],
  bin: ['src/cli'],
};

/** Heavy or special dependencies and the only modules that may import them. */
export const PACKAGE_OWNERS: Readonly<Record<string, readonly string[]>> = {
  // One parse per file: Babel is reached through one module.
  '@babel/parser': ['src/extract/js/parse.ts'],
  'tree-sitter': ['src/extract/csharp/parser.ts'],
  'tree-sitter-c-sharp': ['src/extract/csharp/parser.ts'],
};

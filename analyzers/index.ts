/**
 * The analyzer registry: one explicit list, sorted by id. Adding an analyzer is
 * copying a folder and adding one line here (a meta-test checks both).
 */
import type { AnyAnalyzer } from '../src/core/analyzer.js';
import changeCoupling from './change-coupling/index.js';
import clientSideEvaluation from './client-side-evaluation/index.js';
import couplingHub from './coupling-hub/index.js';
import dependencyCycles from './dependency-cycles/index.js';
import deprecatedPackage from './deprecated-package/index.js';
import eolFramework from './eol-framework/index.js';
import hotspot from './hotspot/index.js';
import nonSargablePredicate from './non-sargable-predicate/index.js';
import outdatedPackage from './outdated-package/index.js';
import seam from './seam/index.js';
import selectStar from './select-star/index.js';
import unindexedQuery from './unindexed-query/index.js';
import unknownTable from './unknown-table/index.js';
import vulnerablePackage from './vulnerable-package/index.js';

export const analyzers: readonly AnyAnalyzer[] = [
  changeCoupling,
  clientSideEvaluation,
  couplingHub,
  dependencyCycles,
  deprecatedPackage,
  eolFramework,
  hotspot,
  nonSargablePredicate,
  outdatedPackage,
  seam,
  selectStar,
  unindexedQuery,
  unknownTable,
  vulnerablePackage,
];

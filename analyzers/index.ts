/**
 * The analyzer registry: one explicit list, sorted by id. Adding an analyzer is
 * copying a folder and adding one line here (a meta-test checks both).
 */
import type { Analyzer } from '../src/core/analyzer.js';
import dependencyCycles from './dependency-cycles/index.js';
import nonSargablePredicate from './non-sargable-predicate/index.js';
import selectStar from './select-star/index.js';
import unindexedQuery from './unindexed-query/index.js';
import unknownTable from './unknown-table/index.js';

export const analyzers: readonly Analyzer<any, string>[] = [dependencyCycles, nonSargablePredicate, selectStar, unindexedQuery, unknownTable];

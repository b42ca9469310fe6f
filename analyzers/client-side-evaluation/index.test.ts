import clientSideEvaluation from './index.js';
import { testAnalyzer } from '../../test/support/analyzerTester.js';
import {
  EF_CORE_DOMAIN,
  EF_CORE_ENTITIES,
  EF_CORE_MODEL,
  EF_CORE_REPORTS,
  EF_CORE_REPOSITORY,
  EF_CORE_TEST,
} from '../../test/support/efEstates.js';
import type { DeclareEstate } from '../../test/support/analyzerTester.js';

const shop =
  (...extra: [string, string][]): DeclareEstate =>
  (b) => {
    b.csharpSource('shop', 'src/Data/ShopContext.cs', EF_CORE_MODEL).csharpSource(
      'shop',
      'src/Data/Entities.cs',
      EF_CORE_ENTITIES,
    );
    for (const [file, text] of extra) b.csharpSource('shop', file, text);
    return b;
  };

testAnalyzer(clientSideEvaluation, {
  valid: [
    {
      name: 'queries filtered by the database, LINQ over lists in a test, and over loaded objects in loops',
      estate: shop(
        ['src/Data/ProductRepository.cs', EF_CORE_REPOSITORY],
        ['tests/ProductTests.cs', EF_CORE_TEST],
        ['src/Domain/Basket.cs', EF_CORE_DOMAIN],
      ),
    },
  ],
  invalid: [
    {
      name: 'whole tables filtered or counted in memory, and queries per loop iteration',
      estate: shop(['src/Reports/SalesReport.cs', EF_CORE_REPORTS]),
      findings: [
        {
          messageId: 'filterAfterLoad',
          message:
            'Product is loaded whole by ToList() and then filtered in memory by Where(): move the filter before ToList() so the database applies it',
          location: { repo: 'shop', file: 'src/Reports/SalesReport.cs', line: 6 },
          data: { kind: 'filter-after-load', operator: 'Where', materialiser: 'ToList', table: 'Product' },
        },
        {
          messageId: 'filterAfterLoad',
          location: { line: 10 },
          related: [{ repo: 'shop', file: 'src/Reports/SalesReport.cs', line: 9 }],
          data: {
            expression: 'all.Count(o => o.Status == 1)',
            operator: 'Count',
            table: 'sales.Orders',
            loadedAt: { line: 9 },
          },
        },
        {
          messageId: 'countAfterLoad',
          location: { line: 12 },
          data: { kind: 'count-after-load', operator: 'Count', materialiser: 'AsEnumerable', table: 'Brand' },
        },
        {
          messageId: 'queryInLoop',
          message: /^Customer is queried once per loop iteration \(First\): load what every iteration needs/,
          location: { line: 18 },
          data: { kind: 'query-in-loop', table: 'Customer' },
        },
        {
          messageId: 'loadInLoop',
          location: { line: 25 },
          data: { kind: 'load-in-loop', operator: 'Load' },
        },
      ],
    },
  ],
});

import { typeId } from '../../src/core/ids.js';
import { testAnalyzer } from '../../test/support/analyzerTester.js';
import { declareAreas } from '../../test/support/areaEstate.js';
import seam from './index.js';

// Five types each: an area below that is a fragment and merges into its neighbour.
const BILLING = {
  name: 'Billing',
  types: ['Invoice', 'InvoiceLine', 'TariffCalculator', 'InvoiceRepository', 'CreditNote'],
};
const ORDERS = { name: 'Orders', types: ['Order', 'OrderLine', 'OrderRepository', 'OrderPlacement', 'OrderArchive'] };
const MEMBERS = { name: 'Members', types: ['Member', 'MemberRepository', 'Membership', 'MemberCard', 'MemberNotes'] };

testAnalyzer(seam, {
  valid: [
    {
      name: 'areas that never use each other: no seam but with the shared layer',
      estate: (b) => {
        declareAreas(b, [BILLING, ORDERS, MEMBERS]);
        return b.clustering();
      },
    },
    {
      name: 'a crossing lighter than minWeight',
      estate: (b) => {
        declareAreas(b, [BILLING, ORDERS, MEMBERS]);
        return b.typeRef('Shop.Orders.OrderPlacement', 'Shop.Billing.TariffCalculator', 1).clustering();
      },
      options: { minWeight: 2 },
    },
  ],
  invalid: [
    {
      name: 'Orders prices with Billing’s tariff: the seam names the crossing, with the shared layer left out',
      estate: (b) => {
        declareAreas(b, [BILLING, ORDERS, MEMBERS]);
        return b.typeRef('Shop.Orders.OrderPlacement', 'Shop.Billing.TariffCalculator', 2).clustering();
      },
      findings: [
        {
          messageId: 'seam',
          rank: 1,
          message:
            'Seam between Billing and Orders (weight 2): 1 references across (2 uses), 0 calls, 0 shared tables — the cut to make before either is extracted, starting with Shop.Orders.OrderPlacement → Shop.Billing.TariffCalculator',
          location: { repo: 'shop', file: 'Orders/OrderPlacement.cs' },
          data: {
            from: 'billing',
            to: 'orders',
            weight: 2,
            references: 1,
            referenceCount: 2,
            calls: 0,
            sharedTables: [],
            topReferences: [
              { from: typeId('Shop.Orders.OrderPlacement'), to: typeId('Shop.Billing.TariffCalculator'), count: 2 },
            ],
          },
        },
      ],
      summaries: [{ title: 'Seams', rows: [['Billing ⇄ Orders', '2', '1', '0', '0']] }],
    },
    {
      name: 'two areas reading one table: the seam is the shared table, located where the table is declared',
      estate: (b) => {
        declareAreas(b, [BILLING, ORDERS, MEMBERS]);
        return b
          .sqlScript('shop', 'db/schema.sql', 'CREATE TABLE dbo.Members (Id INT PRIMARY KEY, Email NVARCHAR(200));')
          .queries('shop', 'Members/MemberRepository.cs', ['SELECT Email FROM dbo.Members WHERE Id = @id'])
          .queries('shop', 'Billing/InvoiceRepository.cs', ['SELECT Email FROM dbo.Members WHERE Id = @id'])
          .clustering();
      },
      findings: [
        {
          messageId: 'seam',
          rank: 1,
          message:
            'Seam between Billing and Members (weight 1): 0 references across (0 uses), 0 calls, 1 shared tables (dbo.members) — the cut to make before either is extracted, starting with the shared table dbo.members',
          location: { repo: 'shop', file: 'db/schema.sql', line: 1 },
          data: { from: 'billing', to: 'members', weight: 1, sharedTables: ['table:dbo.members'] },
        },
      ],
    },
    {
      name: 'with includeSharedLayer, what each area uses of the shared layer is reported too',
      estate: (b) => {
        declareAreas(b, [BILLING, ORDERS, MEMBERS]);
        return b.clustering();
      },
      options: { includeSharedLayer: true, minWeight: 0 },
      findings: [
        { messageId: 'seam', rank: 1, data: { from: 'billing', to: 'shared', weight: 10 } },
        { messageId: 'seam', rank: 2, data: { from: 'members', to: 'shared', weight: 10 } },
        { messageId: 'seam', rank: 3, data: { from: 'orders', to: 'shared', weight: 10 } },
      ],
    },
  ],
});

import { describe, expect, it } from 'vitest';
import { analyzeQuery } from './analyzeQuery.js';

const origin = { dialect: 'transactsql' as const, api: 'test', line: 1, column: 1, dynamic: false };
const accessesOf = (text: string) => {
  const { query, problems } = analyzeQuery(text, origin);
  return {
    problems: problems.map((p) => p.code),
    accesses: query.blocks.flatMap((b) => b.accesses.map((a) => [a.table.name, a.mode, a.joinColumns ?? []])),
    parsed: query.parsed,
  };
};

describe('MERGE', () => {
  it('reads the target as written and probed by the ON columns, the source as read, aliases as no tables', () => {
    const read = accessesOf(`MERGE [dbo].[CollectionUser] AS [Target]
      USING @Collections AS [Source] ON [Target].[CollectionId] = [Source].[Id] AND [Target].[OrganizationUserId] = @Id
      WHEN NOT MATCHED BY TARGET THEN INSERT (CollectionId, OrganizationUserId) VALUES ([Source].[Id], @Id)
      WHEN MATCHED AND [Target].[ReadOnly] != [Source].[ReadOnly] THEN UPDATE SET [Target].[ReadOnly] = [Source].[ReadOnly]
      WHEN NOT MATCHED BY SOURCE AND [Target].[OrganizationUserId] = @Id THEN DELETE;`);
    expect(read.problems).toEqual([]);
    expect(read.parsed).toBe(true);
    expect(read.accesses).toEqual([
      ['@Collections', 'read', []],
      ['CollectionUser', 'write', ['CollectionId', 'OrganizationUserId']],
    ]);
  });

  it('reads a derived source with its WHERE, a table hint and tables in the WHEN clauses', () => {
    const read = accessesOf(`MERGE INTO dbo.Stock WITH (HOLDLOCK) AS s
      USING (SELECT ProductId, Qty FROM dbo.Incoming WHERE BatchId = @b) AS i ON s.ProductId = i.ProductId
      WHEN MATCHED AND EXISTS (SELECT 1 FROM dbo.Locks l WHERE l.ProductId = s.ProductId) THEN UPDATE SET s.Qty = s.Qty + i.Qty
      WHEN NOT MATCHED THEN INSERT (ProductId, Qty) VALUES (i.ProductId, i.Qty)
      OUTPUT inserted.ProductId INTO @changed;`);
    expect(read.problems).toEqual([]);
    expect(read.accesses).toEqual(
      expect.arrayContaining([
        ['Incoming', 'read', []],
        ['Stock', 'write', ['ProductId']],
        ['Locks', 'read', []],
      ]),
    );
  });

  it('reads a MERGE fed by CTEs, whose names are no tables', () => {
    const read = accessesOf(`;WITH [Available] AS (SELECT Id FROM [dbo].[Collection] WHERE OrganizationId = @org)
      MERGE [dbo].[CollectionGroup] AS [Target]
      USING (SELECT Id FROM @ids WHERE Id IN (SELECT Id FROM [Available])) AS [Source]
      ON [Target].[CollectionId] = [Source].[Id] AND [Target].[GroupId] = @id
      WHEN NOT MATCHED BY TARGET THEN INSERT (CollectionId, GroupId) VALUES ([Source].[Id], @id)
      WHEN NOT MATCHED BY SOURCE AND [Target].[GroupId] = @id THEN DELETE;`);
    expect(read.problems).toEqual([]);
    expect(read.accesses.map((a) => a[0]).sort()).toEqual(['@ids', 'Collection', 'CollectionGroup']);
    expect(read.accesses).toContainEqual(['CollectionGroup', 'write', ['CollectionId', 'GroupId']]);
  });

  it('still says so when the MERGE is not that shape', () => {
    const read = accessesOf('MERGE dbo.Stock AS s USING dbo.Incoming AS i WHEN MATCHED THEN DELETE;');
    expect(read.problems).toEqual(['sql-unsupported-statement']);
    expect(read.parsed).toBe(false);
    expect(read.accesses.map((a) => a[0])).toEqual(['Stock', 'Incoming']);
  });
});

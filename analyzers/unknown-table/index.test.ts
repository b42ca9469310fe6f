import unknownTable from './index.js';
import { testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';

const SCHEMA = 'CREATE TABLE dbo.Users (Id INT NOT NULL PRIMARY KEY)';

/** A schema script, and the queries one per line of db/Queries.cs. */
const withQueries =
  (schema: string, ...queries: string[]): DeclareEstate =>
  (b) =>
    b.sqlScript('db', 'schema.sql', schema).queries('db', 'Queries.cs', queries);

testAnalyzer(unknownTable, {
  valid: [
    {
      name: 'defined tables (any quoting or case), views, temp tables, table variables and trigger pseudo-tables',
      estate: withQueries(
        `${SCHEMA}\nGO\nCREATE VIEW [Active Users] AS SELECT Id FROM dbo.Users`,
        'SELECT * FROM "Active Users"',
        'SELECT Id FROM inserted',
        'SELECT Id FROM [DBO].[USERS]',
        'SELECT Id FROM users',
        'SELECT * FROM #staging',
        'SELECT * FROM @ids',
      ),
    },
    {
      name: 'tables a script or routine creates for itself: temporary, SELECT … INTO, renamed, created in the body',
      estate: (b) =>
        b
          .sqlScript('db', 'mysql/Schema.sql', 'CREATE TABLE `Users` (`Id` INT NOT NULL, `Flag` INT) ENGINE=InnoDB;')
          .sqlScript(
            'db',
            'mysql/EnableAccess.sql',
            [
              'CREATE TEMPORARY TABLE `TempAccess` AS SELECT `Id` FROM `Users`;',
              'UPDATE `Users` `U` INNER JOIN `TempAccess` `T` ON `U`.`Id` = `T`.`Id` SET `U`.`Flag` = 1;',
              'DROP TEMPORARY TABLE IF EXISTS `TempAccess`;',
            ].join('\n'),
          )
          .sqlScript(
            'db',
            'sqlite/Down.sql',
            'CREATE TABLE "Users" ("Id" INTEGER);\nALTER TABLE "Users" RENAME TO "Old_Users";\nCREATE TABLE "Users" ("Id" INTEGER, "Name" TEXT);\nINSERT INTO "Users" ("Id") SELECT "Id" FROM "Old_Users";\nDROP TABLE "Old_Users";',
          )
          .sqlScript(
            'db',
            'Maintenance.sql',
            [
              SCHEMA,
              'GO',
              'CREATE PROCEDURE dbo.Maintain AS',
              'BEGIN',
              "  IF OBJECT_ID('MaintenanceLog') IS NULL CREATE TABLE MaintenanceLog (Id BIGINT IDENTITY(1,1), Note VARCHAR(400))",
              "  INSERT INTO MaintenanceLog (Note) SELECT 'start' FROM dbo.Users",
              '  SELECT Id INTO dbo.UserSnapshot FROM dbo.Users',
              '  SELECT COUNT(*) FROM dbo.UserSnapshot',
              'END',
            ].join('\n'),
          ),
    },
    {
      name: 'a table dropped by a later migration, used only by routines that migration drops too',
      estate: (b) =>
        b
          .sqlScript(
            'db',
            'Migrator/DbScripts/2017-08-19_00_InitialSetup.sql',
            'CREATE TABLE [dbo].[U2f] ([Id] INT NOT NULL PRIMARY KEY, [UserId] INT NOT NULL)\nGO\nCREATE PROCEDURE [dbo].[U2f_ReadByUserId] @UserId INT AS\nBEGIN\n  SELECT * FROM [dbo].[U2f] WHERE [UserId] = @UserId\nEND',
          )
          .sqlScript(
            'db',
            'Migrator/DbScripts/2022-01-21_00_RemoveU2f.sql',
            "IF OBJECT_ID('[dbo].[U2f_ReadByUserId]') IS NOT NULL\nBEGIN\n  DROP PROCEDURE [dbo].[U2f_ReadByUserId]\nEND\nGO\nDROP TABLE [dbo].[U2f]",
          ),
    },
  ],
  invalid: [
    {
      name: 'a dropped table that a routine still standing uses',
      estate: (b) =>
        b
          .sqlScript(
            'db',
            'Migrator/DbScripts/2017-08-19_00_InitialSetup.sql',
            'CREATE TABLE [dbo].[U2f] ([Id] INT NOT NULL PRIMARY KEY, [UserId] INT NOT NULL)\nGO\nCREATE PROCEDURE [dbo].[U2f_ReadByUserId] @UserId INT AS\nBEGIN\n  SELECT * FROM [dbo].[U2f] WHERE [UserId] = @UserId\nEND',
          )
          .sqlScript(
            'db',
            'Migrator/DbScripts/2022-01-21_00_RemoveU2f.sql',
            "IF OBJECT_ID('[dbo].[U2f_Old]') IS NOT NULL\nBEGIN\n  DROP PROCEDURE [dbo].[U2f_Old]\nEND\nGO\nDROP TABLE [dbo].[U2f]",
          ),
      findings: [
        {
          messageId: 'unknown',
          location: { repo: 'db', file: 'Migrator/DbScripts/2017-08-19_00_InitialSetup.sql', line: 3 },
          data: { table: 'dbo.u2f', queries: 1 },
        },
      ],
    },
    {
      name: 'a table another script creates for itself is still unknown to the queries of other files',
      estate: (b) =>
        b
          .sqlScript('db', 'schema.sql', SCHEMA)
          .sqlScript(
            'db',
            'Report.sql',
            'SELECT Id INTO dbo.Snapshot FROM dbo.Users;\nSELECT COUNT(*) FROM dbo.Snapshot;',
          )
          .queries('db', 'Queries.cs', ['SELECT * FROM dbo.Snapshot']),
      findings: [
        {
          messageId: 'unknown',
          location: { repo: 'db', file: 'Queries.cs', line: 1 },
          data: { table: 'dbo.snapshot', queries: 1, files: ['db/Queries.cs'] },
        },
      ],
    },
    {
      name: 'each table no schema defines once, however many queries use it',
      estate: withQueries(
        SCHEMA,
        'SELECT * FROM dbo.AuditLog WHERE Actor = @a',
        'INSERT INTO AuditLog (Actor) VALUES (@a)',
        'SELECT Id FROM dbo.Users',
      ),
      findings: [
        {
          messageId: 'unknown',
          severity: 'note',
          message: 'Table dbo.AuditLog is used by 2 queries but no schema in the estate defines it',
          location: { repo: 'db', file: 'Queries.cs', line: 1 },
          related: [{ repo: 'db', file: 'Queries.cs', line: 2 }],
          data: { table: 'dbo.auditlog', queries: 2, files: ['db/Queries.cs'] },
        },
      ],
    },
    {
      name: 'one finding per unknown table, each at its first use across files',
      estate: (b) =>
        withQueries(
          SCHEMA,
          'SELECT Id FROM dbo.Users',
          'SELECT * FROM dbo.Sessions',
        )(b).queries('api', 'Store.cs', ['SELECT Token FROM dbo.Sessions', 'SELECT * FROM legacy.Export']),
      findings: [
        {
          messageId: 'unknown',
          location: { repo: 'api', file: 'Store.cs', line: 1 },
          related: [{ repo: 'db', file: 'Queries.cs', line: 2 }],
          data: { table: 'dbo.sessions', queries: 2, files: ['api/Store.cs', 'db/Queries.cs'] },
        },
        {
          messageId: 'unknown',
          message: 'Table legacy.Export is used by 1 query but no schema in the estate defines it',
          location: { repo: 'api', file: 'Store.cs', line: 2 },
          data: { table: 'legacy.export', queries: 1, files: ['api/Store.cs'] },
        },
      ],
    },
  ],
});

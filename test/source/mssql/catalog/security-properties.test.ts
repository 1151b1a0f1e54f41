import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../../src/source/mssql/catalog/build-model';
import { readExtendedPropertyRow } from '../../../../src/source/mssql/catalog/extended-properties';
import {
  readPermissionStatementRow,
  readPrincipalRow,
  readRoleMemberRow,
} from '../../../../src/source/mssql/catalog/security';
import { columnRow, emptyCatalog } from '../catalog-rows';
import { elementText, fixtureModel, writtenText } from '../fixture-text';

const grant = (over: Record<string, unknown>) =>
  readPermissionStatementRow({
    securableClass: 0,
    permissionName: 'CONNECT',
    state: 'G',
    granteeId: 5,
    granteeName: 'shamil',
    granteeIsFixedRole: false,
    grantorName: 'dbo',
    minorId: 0,
    securableSchema: null,
    securableName: null,
    ...over,
  });

const property = (over: Record<string, unknown>) =>
  readExtendedPropertyRow({
    propertyClass: 0,
    propertyName: 'MS_Description',
    minorId: 0,
    valueText: 'AdventureWorksLT 2012 Sample OLTP Database',
    valueType: 'nvarchar',
    hostSchema: null,
    hostName: null,
    hostType: null,
    childName: null,
    ...over,
  });

const shamil = readPrincipalRow({
  principalId: 5,
  principalName: 'shamil',
  principalType: 'S',
  authenticationType: 1,
  defaultSchema: 'dbo',
  loginName: 'shamil',
  ownerName: null,
});

test('a SQL user with its login, the grants and extended properties are written as AdventureWorksLT2022 writes them', async () => {
  const fixture = await fixtureModel('AdventureWorksLT2022.bacpac');
  const { model, findings } = buildModel(
    emptyCatalog({
      schemas: [{ schemaName: 'SalesLT', ownerName: 'dbo' }],
      columns: [
        columnRow({
          tableName: 'BuildVersion',
          columnName: 'ModifiedDate',
          typeName: 'datetime',
          baseTypeName: 'datetime',
          maxLength: 8,
        }),
      ],
      principals: [shamil],
      permissions: [
        grant({}),
        grant({
          granteeId: 0,
          granteeName: 'public',
          permissionName: 'VIEW ANY COLUMN ENCRYPTION KEY DEFINITION',
        }),
        grant({
          granteeId: 0,
          granteeName: 'public',
          permissionName: 'VIEW ANY COLUMN MASTER KEY DEFINITION',
        }),
      ],
      extendedProperties: [
        property({}),
        property({
          propertyClass: 3,
          hostSchema: 'SalesLT',
          valueText: 'Contains objects related to products, customers, sales orders, and sales territories.',
        }),
        property({
          propertyClass: 1,
          minorId: 1,
          hostSchema: 'dbo',
          hostName: 'BuildVersion',
          hostType: 'U',
          childName: 'ModifiedDate',
          valueText: 'Date and time the record was last updated.',
        }),
        property({
          propertyClass: 20,
          hostName: 'PRIMARY',
          valueText: 'Primary filegroup for the AdventureWorks sample database.',
        }),
      ],
    }),
  );
  assert.deepEqual(findings, []);
  assert.equal(model.databaseOptions.disambiguator, 1);
  const ours = writtenText(model);
  for (const open of [
    '<Element Type="SqlUser" Name="[shamil]">',
    '<Element Type="SqlPermissionStatement" Name="[Grant.Connect.Database].[shamil].[dbo]">',
    '<Element Type="SqlPermissionStatement" Name="[Grant.ViewAnyColumnEncryptionKeyDefinition.Database].[public].[dbo]">',
    '<Element Type="SqlPermissionStatement" Name="[Grant.ViewAnyColumnMasterKeyDefinition.Database].[public].[dbo]">',
    '<Element Type="SqlExtendedProperty" Name="[SqlDatabaseOptions].[MS_Description]">',
    '<Element Type="SqlExtendedProperty" Name="[SqlSchema].[SalesLT].[MS_Description]">',
    '<Element Type="SqlExtendedProperty" Name="[SqlColumn].[dbo].[BuildVersion].[ModifiedDate].[MS_Description]">',
    '<Element Type="SqlExtendedProperty" Name="[SqlFilegroup].[PRIMARY].[MS_Description]">',
    '<Element Type="SqlSchema" Name="[SalesLT]">',
  ]) {
    assert.equal(elementText(ours, open), elementText(fixture.text, open), open);
  }
  const login = '<Element Type="SqlLogin" Name="[shamil]" Disambiguator="5">';
  const password = (text: string) =>
    text.replace(/Name="Password" Value="[^"]*"/, 'Name="Password" Value="*"');
  assert.equal(password(elementText(ours, login)), password(elementText(fixture.text, login)));
  const placeholder = /Name="Password" Value="([^"]*)"/.exec(elementText(ours, login))?.[1] ?? '';
  assert.ok(
    placeholder.length >= 40 &&
      /[A-Z]/.test(placeholder) &&
      /[a-z]/.test(placeholder) &&
      /\d/.test(placeholder),
  );
});

test('roles, memberships, object and schema grants; what the model cannot carry is reported, not guessed', () => {
  const role = readPrincipalRow({
    principalId: 6,
    principalName: 'app_reader',
    principalType: 'R',
    authenticationType: 0,
    ownerName: 'dbo',
  });
  const loose = readPrincipalRow({
    principalId: 7,
    principalName: 'batch',
    principalType: 'S',
    authenticationType: 0,
    defaultSchema: 'etl',
  });
  const entra = readPrincipalRow({
    principalId: 8,
    principalName: 'ops@contoso.com',
    principalType: 'E',
    authenticationType: 4,
  });
  const { model, findings } = buildModel(
    emptyCatalog({
      schemas: [
        { schemaName: 'etl', ownerName: 'batch' },
        { schemaName: 'ops', ownerName: 'ops@contoso.com' },
      ],
      columns: [columnRow({ tableName: 'Orders' })],
      principals: [shamil, role, loose, entra],
      roleMembers: [
        readRoleMemberRow({
          roleName: 'app_reader',
          roleId: 6,
          roleIsFixed: false,
          memberName: 'shamil',
          memberId: 5,
        }),
        readRoleMemberRow({
          roleName: 'db_datareader',
          roleId: 16390,
          roleIsFixed: true,
          memberName: 'batch',
          memberId: 7,
        }),
        readRoleMemberRow({
          roleName: 'db_datareader',
          roleId: 16390,
          roleIsFixed: true,
          memberName: 'ops@contoso.com',
          memberId: 8,
        }),
      ],
      permissions: [
        grant({
          securableClass: 1,
          permissionName: 'SELECT',
          granteeId: 6,
          granteeName: 'app_reader',
          securableSchema: 'dbo',
          securableName: 'Orders',
        }),
        grant({
          securableClass: 3,
          permissionName: 'DELETE',
          granteeId: 7,
          granteeName: 'batch',
          securableSchema: 'etl',
        }),
        grant({
          securableClass: 3,
          permissionName: 'EXECUTE',
          granteeId: 7,
          granteeName: 'batch',
          securableSchema: 'etl',
        }),
        grant({
          securableClass: 1,
          permissionName: 'SELECT',
          state: 'D',
          granteeId: 7,
          granteeName: 'batch',
          securableSchema: 'dbo',
          securableName: 'Orders',
        }),
        grant({
          securableClass: 1,
          permissionName: 'UPDATE',
          minorId: 1,
          granteeId: 7,
          granteeName: 'batch',
          securableSchema: 'dbo',
          securableName: 'Orders',
        }),
        grant({ granteeId: 8, granteeName: 'ops@contoso.com' }),
      ],
    }),
  );
  const find = (type: string, name?: string) =>
    model.elements.find((e) => e.type === type && e.name === name);
  assert.deepEqual(find('SqlRole', '[app_reader]')?.relationships, {
    Authorizer: { externalSource: 'BuiltIns', name: '[dbo]' },
  });
  assert.deepEqual(find('SqlUser', '[batch]'), {
    type: 'SqlUser',
    name: '[batch]',
    properties: { WithoutLogin: true },
    relationships: { DefaultSchema: { name: '[etl]' } },
  });
  assert.equal(find('SqlUser', '[ops@contoso.com]'), undefined);
  assert.deepEqual(
    model.elements.filter((e) => e.type === 'SqlRoleMembership').map((e) => e.relationships),
    [
      { Member: { name: '[shamil]' }, Role: { name: '[app_reader]' } },
      { Member: { name: '[batch]' }, Role: { externalSource: 'BuiltIns', name: '[db_datareader]' } },
    ],
  );
  assert.deepEqual(
    find('SqlPermissionStatement', '[Grant.Select.Object].[app_reader].[dbo].[dbo].[Orders]'),
    {
      type: 'SqlPermissionStatement',
      name: '[Grant.Select.Object].[app_reader].[dbo].[dbo].[Orders]',
      properties: { Permission: 2 },
      relationships: { Grantee: { name: '[app_reader]' }, SecuredObject: { name: '[dbo].[Orders]' } },
    },
  );
  assert.deepEqual(
    find('SqlPermissionStatement', '[Grant.Delete.Schema].[batch].[dbo].[etl]')?.relationships,
    {
      Grantee: { name: '[batch]' },
      SecuredObject: { name: '[etl]' },
    },
  );
  assert.equal(model.elements.filter((e) => e.type === 'SqlPermissionStatement').length, 2);
  assert.equal(model.databaseOptions.disambiguator, undefined, 'nothing exported refers to the database');
  assert.deepEqual(find('SqlSchema', '[etl]')?.relationships, { Authorizer: { name: '[batch]' } });
  assert.deepEqual(find('SqlSchema', '[ops]')?.relationships, {
    Authorizer: { externalSource: 'BuiltIns', name: '[dbo]' },
  });
  assert.deepEqual(findings.map((f) => `${f.code} ${f.object}`).sort(), [
    'PERMISSION_LEFT_OUT [dbo].[Orders]',
    'PERMISSION_LEFT_OUT [dbo].[Orders]',
    'PERMISSION_LEFT_OUT [etl]',
    'PRINCIPAL_LEFT_OUT [ops@contoso.com]',
    'SCHEMA_OWNER_LEFT_OUT [ops]',
  ]);
  const messages = findings.map((f) => f.message).join('\n');
  assert.match(messages, /GRANT EXECUTE TO \[batch\]: this permission is not mapped/);
  assert.match(messages, /DENY SELECT TO \[batch\]: DENY statements are left out/);
  assert.match(
    messages,
    /GRANT UPDATE TO \[batch\]: permissions on this kind of securable \(class 1, column\)/,
  );
  assert.match(messages, /Microsoft Entra users are left out/);
});

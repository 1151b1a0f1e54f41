import type { SqlView } from '../../bacpac/model';
import { formatName, ref } from '../../bacpac/model';
import { CUSTOMER } from './sales-tables';

/**
 * `[sales].[vActiveCustomers]`, a view over the customer table. Besides its query it carries what
 * DacFx derives from parsing it and what the importer needs to create objects in a working order:
 * QueryDependencies (the table, then the columns of the WHERE clause, then those of the select
 * list, as DacFx lists them) and the view's Columns, each depending on the table column it shows.
 */
const SHOWN = ['CustomerID', 'AccountNumber', 'Name', 'Email'] as const;
const FILTERED = ['IsActive'] as const;

export const VIEW_NAME = '[sales].[vActiveCustomers]';

const column = (name: string): string => `${CUSTOMER}.${formatName([name])}`;

export const ACTIVE_CUSTOMERS_VIEW: SqlView = {
  type: 'SqlView',
  name: VIEW_NAME,
  properties: {
    QueryScript: {
      text:
        '\nSELECT c.[CustomerID], c.[AccountNumber], c.[Name], c.[Email]\n' +
        'FROM [sales].[Customer] AS c\n' +
        'WHERE c.[IsActive] = 1',
      quotedIdentifiers: true,
      ansiNulls: true,
    },
    IsAnsiNullsOn: true,
  },
  relationships: {
    Columns: SHOWN.map((name) => ({
      type: 'SqlComputedColumn',
      name: `${VIEW_NAME}.${formatName([name])}`,
      properties: {},
      relationships: { ExpressionDependencies: [ref(column(name))] },
    })),
    QueryDependencies: [
      ref(CUSTOMER),
      ...FILTERED.map((c) => ref(column(c))),
      ...SHOWN.map((c) => ref(column(c))),
    ],
    Schema: ref('[sales]'),
  },
};

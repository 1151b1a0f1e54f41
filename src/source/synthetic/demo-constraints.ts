import type {
  SqlCheckConstraint,
  SqlDefaultConstraint,
  SqlForeignKeyConstraint,
  SqlIndex,
  SqlPrimaryKeyConstraint,
  SqlUniqueConstraint,
  TopLevelElement,
} from '../../bacpac/model';
import { ref } from '../../bacpac/model';
import { columnRefs, keyColumns } from './model-parts';
import { CUSTOMER, IS_ACTIVE_DEFAULT, SALES_ORDER } from './sales-tables';

/**
 * The constraints and index of the demo database: a clustered primary key on every table, a
 * unique constraint, a foreign key, a check constraint, a named and a system-named default
 * constraint, and a nonclustered index. Expressions are written as SQL Server stores them (check
 * expressions without their outer parentheses, as DacFx writes them).
 */

export function primaryKey(
  schema: string,
  name: string,
  table: string,
  key: string,
): SqlPrimaryKeyConstraint {
  return {
    type: 'SqlPrimaryKeyConstraint',
    name: `[${schema}].[${name}]`,
    properties: {},
    relationships: { ColumnSpecifications: keyColumns(table, [key]), DefiningTable: ref(table) },
  };
}

const uniqueAccount: SqlUniqueConstraint = {
  type: 'SqlUniqueConstraint',
  name: '[sales].[UQ_Customer_AccountNumber]',
  properties: {},
  relationships: {
    ColumnSpecifications: keyColumns(CUSTOMER, ['AccountNumber']),
    DefiningTable: ref(CUSTOMER),
  },
};

const orderCustomer: SqlForeignKeyConstraint = {
  type: 'SqlForeignKeyConstraint',
  name: '[sales].[FK_SalesOrder_Customer]',
  properties: {},
  relationships: {
    Columns: columnRefs(SALES_ORDER, ['CustomerID']),
    DefiningTable: ref(SALES_ORDER),
    ForeignColumns: columnRefs(CUSTOMER, ['CustomerID']),
    ForeignTable: ref(CUSTOMER),
  },
};

const creditLimitCheck: SqlCheckConstraint = {
  type: 'SqlCheckConstraint',
  name: '[sales].[CK_Customer_CreditLimit]',
  properties: { CheckExpressionScript: { text: '[CreditLimit]>=(0)' } },
  relationships: {
    CheckExpressionDependencies: columnRefs(CUSTOMER, ['CreditLimit']),
    DefiningTable: ref(CUSTOMER),
  },
};

const createdDefault: SqlDefaultConstraint = {
  type: 'SqlDefaultConstraint',
  name: '[sales].[DF_Customer_Created]',
  properties: { DefaultExpressionScript: { text: '(sysdatetime())' } },
  relationships: { DefiningTable: ref(CUSTOMER), ForColumn: ref(`${CUSTOMER}.[Created]`) },
};

/** Declared inline without a name: SQL Server named it, DacFx ties it to its column. */
const isActiveDefault: SqlDefaultConstraint = {
  type: 'SqlDefaultConstraint',
  properties: { DefaultExpressionScript: { text: '((1))' } },
  relationships: { DefiningTable: ref(CUSTOMER), ForColumn: ref(`${CUSTOMER}.[IsActive]`) },
  annotations: [
    {
      type: 'SqlInlineConstraintAnnotation',
      name: '[sales].[DF__Customer__IsActi__3B75D760]',
      disambiguator: IS_ACTIVE_DEFAULT,
      properties: {},
    },
  ],
};

const customerIndex: SqlIndex = {
  type: 'SqlIndex',
  name: `${SALES_ORDER}.[IX_SalesOrder_CustomerID]`,
  properties: {},
  relationships: {
    ColumnSpecifications: keyColumns(SALES_ORDER, ['CustomerID']),
    IndexedObject: ref(SALES_ORDER),
  },
};

export const DEMO_CONSTRAINTS: readonly TopLevelElement[] = [
  primaryKey('sales', 'PK_Customer', CUSTOMER, 'CustomerID'),
  primaryKey('sales', 'PK_SalesOrder', SALES_ORDER, 'SalesOrderID'),
  primaryKey('dbo', 'PK_AllTypes', '[dbo].[AllTypes]', 'ID'),
  primaryKey('dbo', 'PK_RequiredTypes', '[dbo].[RequiredTypes]', 'ID'),
  uniqueAccount,
  orderCustomer,
  creditLimitCheck,
  createdDefault,
  isActiveDefault,
  customerIndex,
];

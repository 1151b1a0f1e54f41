import type { BcpValue } from '../../bacpac/bcp/types';
import { formatName, ref } from '../../bacpac/model';
import { rowversion } from './binary-values';
import { dayNumber, dayText, pad } from './civil-date';
import type { ColumnShape } from './model-parts';
import { decimalText } from './numeric-values';
import { rowRng, saltOf } from './prng';
import type { SyntheticTable } from './synthetic-table';
import { qualified } from './synthetic-table';
import { ACCOUNT_CODE_TYPE } from './type-catalog';
import { randomDatetime2 } from './temporal-values';
import { randomUnicodeText } from './text-values';

/**
 * The two related tables of the demo database: customers (identity key, alias-typed unique account
 * number, a computed display name, a checked credit limit, two defaulted columns) and their orders
 * (bigint identity key, a foreign key to a customer that exists at the same scale, a rowversion).
 */

export const SALES_SCHEMA = 'sales';
export const CUSTOMER = qualified(SALES_SCHEMA, 'Customer');
export const SALES_ORDER = qualified(SALES_SCHEMA, 'SalesOrder');

/** Disambiguator of the system-named default on Customer.IsActive. */
export const IS_ACTIVE_DEFAULT = 3;

const FIRST_NAMES = [
  'Anna',
  'José',
  'Zoë',
  'Søren',
  'Ólafur',
  '李娜',
  'Nguyễn',
  'Αλέξης',
  'Мария',
  'Chloé',
  'O’Neil',
  'Łukasz',
  'محمد',
  'Dvořák',
  '🙂 Sam',
];
const LAST_NAMES = [
  'Smith',
  'García',
  'Müller',
  'Ødegård',
  '王',
  'Tanaka',
  'Kowalski',
  'Öztürk',
  'Björk',
  'Nowak',
  'Brontë',
  'Иванова',
  'Cohen',
  'van der Berg',
  '𝓢cript',
];

export const CUSTOMER_COLUMNS: readonly ColumnShape[] = [
  { name: 'CustomerID', type: { name: 'int' }, nullable: false, identity: true },
  { name: 'AccountNumber', type: { name: ACCOUNT_CODE_TYPE, alias: true }, nullable: false },
  { name: 'Name', type: { name: 'nvarchar', length: 100 }, nullable: false },
  {
    name: 'DisplayName',
    type: { name: 'nvarchar' },
    nullable: true,
    computed: {
      script: "(concat([Name],N' (',[AccountNumber],N')'))",
      dependencies: [ref(`${CUSTOMER}.[Name]`), ref(`${CUSTOMER}.[AccountNumber]`)],
    },
  },
  { name: 'Email', type: { name: 'varchar', length: 50 }, nullable: true },
  { name: 'CreditLimit', type: { name: 'money' }, nullable: false },
  { name: 'Created', type: { name: 'datetime2' }, nullable: false },
  { name: 'IsActive', type: { name: 'bit' }, nullable: false, inlineDefault: IS_ACTIVE_DEFAULT },
];

export function customerTable(seed: number, rowCount: number): SyntheticTable {
  const salt = saltOf(`${SALES_SCHEMA}.Customer`);
  return {
    schema: SALES_SCHEMA,
    name: 'Customer',
    qualifiedName: CUSTOMER,
    columns: CUSTOMER_COLUMNS,
    rowCount,
    rowAt(index: number): BcpValue[] {
      const rng = rowRng(seed, salt, index);
      const id = index + 1;
      const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      const emailKind = rng.next();
      const email = emailKind < 0.15 ? null : emailKind < 0.2 ? '' : `customer${id}@example.com`;
      const credit = decimalText(false, String(rng.int(0, 1_000_000)), pad(rng.int(0, 9999), 4));
      return [id, `AC${pad(id, 10)}`, name, email, credit, randomDatetime2(rng, 0), rng.chance(0.85)];
    },
  };
}

export const SALES_ORDER_COLUMNS: readonly ColumnShape[] = [
  { name: 'SalesOrderID', type: { name: 'bigint' }, nullable: false, identity: true },
  { name: 'CustomerID', type: { name: 'int' }, nullable: false },
  { name: 'OrderDate', type: { name: 'date' }, nullable: false },
  { name: 'Total', type: { name: 'decimal', precision: 18, scale: 4 }, nullable: false },
  { name: 'Notes', type: { name: 'nvarchar', isMax: true }, nullable: true },
  { name: 'RowVersion', type: { name: 'rowversion' }, nullable: false },
];

const FIRST_ORDER_DAY = dayNumber(2015, 1, 1);
const LAST_ORDER_DAY = dayNumber(2025, 12, 31);

export function salesOrderTable(seed: number, rowCount: number, customerCount: number): SyntheticTable {
  const salt = saltOf(`${SALES_SCHEMA}.SalesOrder`);
  return {
    schema: SALES_SCHEMA,
    name: 'SalesOrder',
    qualifiedName: SALES_ORDER,
    columns: SALES_ORDER_COLUMNS,
    rowCount,
    rowAt(index: number): BcpValue[] {
      const rng = rowRng(seed, salt, index);
      const customer = 1 + (rng.u32() % customerCount);
      const total = decimalText(false, String(rng.int(0, 250_000)), pad(rng.int(0, 9999), 4));
      const notes = rng.chance(0.6) ? null : randomUnicodeText(rng, 200);
      return [
        BigInt(index + 1),
        customer,
        dayText(rng.int(FIRST_ORDER_DAY, LAST_ORDER_DAY)),
        total,
        notes,
        rowversion(2, index),
      ];
    },
  };
}

/** `[sales].[Customer].[Name]` style reference to a column of a sales table. */
export function salesColumn(table: string, column: string): string {
  return `${table}.${formatName([column])}`;
}

import type { DatabaseModel, TopLevelElement } from '../../bacpac/model';
import { sortTopLevel } from '../../bacpac/model';
import { allTypesTable, FIXED_ROWS } from './all-types-table';
import {
  DATABASE_OPTIONS,
  DEFAULT_GRANTS,
  MODEL_HEADER,
  aliasType,
  schemaElement,
} from './database-skeleton';
import { DEMO_CONSTRAINTS } from './demo-constraints';
import { SALES_SCHEMA, customerTable, salesOrderTable } from './sales-tables';
import type { SyntheticTable } from './synthetic-table';
import { scaledRows } from './synthetic-table';
import { tableElement } from './table-element';
import { ACCOUNT_CODE_TYPE } from './type-catalog';
import { ACTIVE_CUSTOMERS_VIEW } from './view-element';

/** A synthetic database: its name, its typed model and its tables with their row generators. */
export interface SyntheticDatabase {
  readonly name: string;
  readonly model: DatabaseModel;
  readonly tables: readonly SyntheticTable[];
}

/** Rows of each demo table at scale 1 (about 3,750 in all). */
export const DEMO_BASE_ROWS = { customers: 500, orders: 3000, allTypes: 200, requiredTypes: 50 } as const;

/** `BacpacFlowDemo`: two related sales tables, a view over one, and two all-types tables. */
export function demoDatabase(seed: number, scale: number): SyntheticDatabase {
  const customers = scaledRows(DEMO_BASE_ROWS.customers, scale);
  const tables: SyntheticTable[] = [
    customerTable(seed, customers),
    salesOrderTable(seed, scaledRows(DEMO_BASE_ROWS.orders, scale), customers),
    allTypesTable({
      seed,
      schema: 'dbo',
      name: 'AllTypes',
      nullable: true,
      rowCount: scaledRows(DEMO_BASE_ROWS.allTypes, scale, FIXED_ROWS),
      rowversionBase: 3,
    }),
    allTypesTable({
      seed,
      schema: 'dbo',
      name: 'RequiredTypes',
      nullable: false,
      rowCount: scaledRows(DEMO_BASE_ROWS.requiredTypes, scale, FIXED_ROWS),
      rowversionBase: 4,
    }),
  ];
  const elements: TopLevelElement[] = [
    schemaElement(SALES_SCHEMA),
    aliasType(ACCOUNT_CODE_TYPE, 'varchar', 20),
    ...DEFAULT_GRANTS,
    ...tables.map(tableElement),
    ...DEMO_CONSTRAINTS,
    ACTIVE_CUSTOMERS_VIEW,
  ];
  return {
    name: 'BacpacFlowDemo',
    model: { header: MODEL_HEADER, databaseOptions: DATABASE_OPTIONS, elements: sortTopLevel(elements) },
    tables,
  };
}

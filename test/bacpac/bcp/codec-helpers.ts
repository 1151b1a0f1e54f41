import { ByteWriter, decodeBcpRows, encodeRow } from '../../../src/bacpac/bcp';
import type { BcpColumn, BcpValue } from '../../../src/bacpac/bcp';

/** Shared by the BCP codec tests: one-column encode/decode and hex helpers. */
export function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

export function encodeOne(column: BcpColumn, value: BcpValue, table = 'dbo.T'): Buffer {
  const out = new ByteWriter(64);
  encodeRow([column], [value], out, { table, row: 1 });
  return out.take();
}

export function decodeOne(column: BcpColumn, bytes: Buffer, table = 'dbo.T'): BcpValue {
  const rows = [...decodeBcpRows(bytes, [column], table)];
  if (rows.length !== 1) throw new Error(`expected one row, found ${rows.length}`);
  return rows[0]?.[0] ?? null;
}

export function col(type: BcpColumn['type'], nullable: boolean, facets: Partial<BcpColumn> = {}): BcpColumn {
  return { name: 'C', type, nullable, ...facets };
}

import type { ByteWriter } from './byte-writer';
import { formatDayNumber } from './calendar';
import { readDays, writeDays } from './datetime2';
import {
  UNITS_PER_DAY,
  formatOffset,
  formatTime,
  parseDateTime,
  parseTime,
  temporalText,
} from './temporal-text';
import type { SqlVariantValue } from './types';
import { checkScale, readLE, writeLE } from './variant-bytes';

/**
 * Base types with a scale (property byte count 1: the scale). As in TDS, the time of day counts
 * units of 10^-scale s in 3, 4 or 5 bytes, then datetime2 and datetimeoffset add 3 bytes of days
 * (in UTC for datetimeoffset) and datetimeoffset 2 bytes of offset minutes.
 */
export const SCALED_TIME: Readonly<Record<string, number>> = {
  time: 0x29,
  datetime2: 0x2a,
  datetimeoffset: 0x2b,
};

function timeBytes(scale: number): number {
  return scale <= 2 ? 3 : scale <= 4 ? 4 : 5;
}

export function encodeScaledTime(out: ByteWriter, v: SqlVariantValue, code: number): void {
  const scale = checkScale(v, 7, 7);
  const label = `${v.baseType}(${scale})`;
  const text = temporalText(label, v.value);
  const step = 10 ** (7 - scale);
  out.u8(code);
  out.u8(1);
  out.u8(scale);
  if (v.baseType === 'time') {
    writeLE(out, parseTime(label, text, scale) / step, timeBytes(scale));
    return;
  }
  const parts = parseDateTime(label, text, scale, v.baseType === 'datetimeoffset');
  let units = parts.units - parts.offsetMinutes * 600_000_000;
  let days = parts.days;
  if (units < 0) [units, days] = [units + UNITS_PER_DAY, days - 1];
  if (units >= UNITS_PER_DAY) [units, days] = [units - UNITS_PER_DAY, days + 1];
  writeLE(out, units / step, timeBytes(scale));
  out.ensure(3);
  writeDays(out.buf, out.pos, days);
  out.pos += 3;
  if (v.baseType === 'datetimeoffset') writeLE(out, parts.offsetMinutes & 0xffff, 2);
}

/** Decodes the value whose type byte is at `offset` and value bytes at `at`. */
export function decodeScaledTime(buf: Buffer, offset: number, at: number, baseType: string): SqlVariantValue {
  const scale = buf[offset + 2] as number;
  const step = 10 ** (7 - scale);
  const width = timeBytes(scale);
  const units = readLE(buf, at, width) * step;
  let text: string;
  if (baseType === 'time') text = formatTime(units, scale);
  else {
    let days = readDays(buf, at + width);
    let local = units;
    let offsetMinutes = 0;
    if (baseType === 'datetimeoffset') {
      offsetMinutes = buf.readInt16LE(at + width + 3);
      local += offsetMinutes * 600_000_000;
      if (local < 0) [local, days] = [local + UNITS_PER_DAY, days - 1];
      if (local >= UNITS_PER_DAY) [local, days] = [local - UNITS_PER_DAY, days + 1];
    }
    text = `${formatDayNumber(days)} ${formatTime(local, scale)}`;
    if (baseType === 'datetimeoffset') text += ` ${formatOffset(offsetMinutes)}`;
  }
  return { kind: 'sql_variant', baseType, value: text, scale };
}

import type { ByteWriter } from './byte-writer';
import { LAST_DAY, formatDayNumber } from './calendar';
import type { BcpValue } from './types';
import { BcpValueError } from './value-error';
import type { ValueCodec } from './value-codec';
import {
  UNITS_PER_DAY,
  formatOffset,
  formatTime,
  parseDateTime,
  parseTime,
  temporalText,
} from './temporal-text';

/**
 * date, time(n), datetime2(n) and datetimeoffset(n) (format spec 5.4). A date is a 3-byte LE day
 * count from 0001-01-01. A time is a 5-byte LE count of 100 ns units since midnight for every
 * scale. datetime2 is time then date (8 bytes). datetimeoffset is the UTC time, the UTC date and
 * an int16 LE offset in minutes (10 bytes); its text is the local time and the offset.
 */
const TWO_32 = 4294967296;

export function writeTimeUnits(buf: Buffer, offset: number, units: number): void {
  const low = units % TWO_32;
  buf.writeUInt32LE(low, offset);
  buf[offset + 4] = (units - low) / TWO_32;
}

export function readTimeUnits(buf: Buffer, offset: number): number {
  return buf.readUInt32LE(offset) + (buf[offset + 4] as number) * TWO_32;
}

export function writeDays(buf: Buffer, offset: number, days: number): void {
  buf[offset] = days & 0xff;
  buf[offset + 1] = (days >>> 8) & 0xff;
  buf[offset + 2] = (days >>> 16) & 0xff;
}

export function readDays(buf: Buffer, offset: number): number {
  return (buf[offset] as number) | ((buf[offset + 1] as number) << 8) | ((buf[offset + 2] as number) << 16);
}

export const dateCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    const { days } = parseDateTime('date', temporalText('date', value), 0, false, true);
    out.ensure(3);
    writeDays(out.buf, out.pos, days);
    out.pos += 3;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    return formatDayNumber(readDays(buf, offset));
  },
};

export function timeCodec(scale: number): ValueCodec {
  const label = `time(${scale})`;
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      const units = parseTime(label, temporalText(label, value), scale);
      out.ensure(5);
      writeTimeUnits(out.buf, out.pos, units);
      out.pos += 5;
    },
    decode(buf: Buffer, offset: number): BcpValue {
      return formatTime(readTimeUnits(buf, offset), scale);
    },
  };
}

export function datetime2Codec(scale: number): ValueCodec {
  const label = `datetime2(${scale})`;
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      const { days, units } = parseDateTime(label, temporalText(label, value), scale, false);
      out.ensure(8);
      writeTimeUnits(out.buf, out.pos, units);
      writeDays(out.buf, out.pos + 5, days);
      out.pos += 8;
    },
    decode(buf: Buffer, offset: number): BcpValue {
      return `${formatDayNumber(readDays(buf, offset + 5))} ${formatTime(readTimeUnits(buf, offset), scale)}`;
    },
  };
}

/** Moves a day number and time of day by a number of minutes, carrying across midnight. */
function shift(days: number, units: number, minutes: number): [number, number] {
  let u = units + minutes * 60 * 10_000_000;
  let d = days;
  while (u < 0) {
    u += UNITS_PER_DAY;
    d -= 1;
  }
  while (u >= UNITS_PER_DAY) {
    u -= UNITS_PER_DAY;
    d += 1;
  }
  return [d, u];
}

export function datetimeoffsetCodec(scale: number): ValueCodec {
  const label = `datetimeoffset(${scale})`;
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      const text = temporalText(label, value);
      const local = parseDateTime(label, text, scale, true);
      const [days, units] = shift(local.days, local.units, -local.offsetMinutes);
      if (days < 0 || days > LAST_DAY) {
        throw new BcpValueError(
          'BCP_TEMPORAL_RANGE',
          `value "${text}" is out of range for ${label}: its UTC date must be within 0001-01-01 to 9999-12-31`,
        );
      }
      out.ensure(10);
      writeTimeUnits(out.buf, out.pos, units);
      writeDays(out.buf, out.pos + 5, days);
      out.buf.writeInt16LE(local.offsetMinutes, out.pos + 8);
      out.pos += 10;
    },
    decode(buf: Buffer, offset: number): BcpValue {
      const offsetMinutes = buf.readInt16LE(offset + 8);
      const [days, units] = shift(readDays(buf, offset + 5), readTimeUnits(buf, offset), offsetMinutes);
      return `${formatDayNumber(days)} ${formatTime(units, scale)} ${formatOffset(offsetMinutes)}`;
    },
  };
}

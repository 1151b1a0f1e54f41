import type { ByteWriter } from './byte-writer';
import { DAY_1900, dayNumber, formatDayNumber } from './calendar';
import type { BcpValue } from './types';
import { BcpValueError } from './value-error';
import type { ValueCodec } from './value-codec';
import { formatTime, parseDateTime, temporalText } from './temporal-text';

/**
 * datetime and smalldatetime (format spec 5.4). datetime is an int32 LE day count from 1900-01-01
 * and a uint32 LE count of 1/300 s ticks since midnight; its text has 3 fraction digits, the
 * millisecond SQL Server shows for a tick (.000, .003, .007, ...), and text maps back to the nearest
 * tick the way SQL Server rounds (.005 -> .007, .999 -> next second). smalldatetime is a uint16 LE
 * day count from 1900-01-01 and a uint16 LE minute of the day; its text always has `:00` seconds.
 */
const TICKS_PER_DAY = 300 * 86_400;
const DATETIME_FIRST_DAY = dayNumber(1753, 1, 1) - DAY_1900;
const DATETIME_LAST_DAY = dayNumber(9999, 12, 31) - DAY_1900;
const SMALL_LAST_DAY = dayNumber(2079, 6, 6) - DAY_1900;

export const datetimeCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    const text = temporalText('datetime', value);
    const parts = parseDateTime('datetime', text, 3, false);
    const ms = parts.units / 10_000;
    let ticks = Math.floor((ms * 3 + 5) / 10);
    let days = parts.days - DAY_1900;
    if (ticks >= TICKS_PER_DAY) {
      ticks -= TICKS_PER_DAY;
      days += 1;
    }
    if (days < DATETIME_FIRST_DAY || days > DATETIME_LAST_DAY) {
      throw new BcpValueError(
        'BCP_TEMPORAL_RANGE',
        `value "${text}" is out of range for datetime (1753-01-01 to 9999-12-31 23:59:59.997)`,
      );
    }
    out.ensure(8);
    out.buf.writeInt32LE(days, out.pos);
    out.buf.writeUInt32LE(ticks, out.pos + 4);
    out.pos += 8;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    const days = buf.readInt32LE(offset);
    const ticks = buf.readUInt32LE(offset + 4);
    const ms = Math.floor((ticks * 10 + 1) / 3);
    return `${formatDayNumber(days + DAY_1900)} ${formatTime(ms * 10_000, 3)}`;
  },
};

export const smalldatetimeCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    const text = temporalText('smalldatetime', value);
    const parts = parseDateTime('smalldatetime', text, 0, false);
    if (parts.units % 600_000_000 !== 0) {
      throw new BcpValueError(
        'BCP_TEMPORAL_PRECISION',
        `value "${text}" has seconds but smalldatetime keeps whole minutes (no rounding is done)`,
      );
    }
    const days = parts.days - DAY_1900;
    if (days < 0 || days > SMALL_LAST_DAY) {
      throw new BcpValueError(
        'BCP_TEMPORAL_RANGE',
        `value "${text}" is out of range for smalldatetime (1900-01-01 to 2079-06-06 23:59)`,
      );
    }
    out.ensure(4);
    out.buf.writeUInt16LE(days, out.pos);
    out.buf.writeUInt16LE(parts.units / 600_000_000, out.pos + 2);
    out.pos += 4;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    const days = buf.readUInt16LE(offset);
    const minutes = buf.readUInt16LE(offset + 2);
    return `${formatDayNumber(days + DAY_1900)} ${formatTime(minutes * 600_000_000, 0)}`;
  },
};

import { ArchivalError } from './archival-error';

/**
 * NCRONTAB, the six-field cron dialect of Azure Functions timer triggers:
 * `second minute hour day month day-of-week`, evaluated in UTC.
 *
 * Each field is `*`, a value, a range `a-b`, a list `a,b-c`, or any of these with a step (`*\/15`,
 * `10-50/20`, `5/15` meaning 5 to the field's maximum). Months accept Jan-Dec and days of the week
 * Sun-Sat (0 = Sunday ... 6 = Saturday), case-insensitive. As in NCrontab, a time matches only when the
 * day of the month AND the day of the week both match (classic cron ORs them).
 */
export interface NcrontabSchedule {
  /** The expression with its fields separated by single spaces. */
  readonly expression: string;
  readonly seconds: ReadonlySet<number>;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly days: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
}

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day-of-week', min: 0, max: 6, names: DAY_NAMES },
];

function fail(expression: string, message: string): never {
  throw new ArchivalError('ARCHIVE_SCHEDULE_INVALID', `NCRONTAB "${expression}": ${message}`);
}

function parseValue(text: string, spec: FieldSpec, expression: string): number {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  const value = named >= 0 ? named + spec.min : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    const names = spec.names === undefined ? '' : ` or a name such as ${spec.names[0]}`;
    fail(expression, `${spec.name} field: expected ${spec.min}-${spec.max}${names}, found "${text}"`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', stepText, extra] = item.split('/');
    if (range === '' || extra !== undefined || stepText === '') {
      fail(expression, `${spec.name} field: malformed item "${item}"`);
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) {
        fail(
          expression,
          `${spec.name} field: step must be a whole number of at least 1, found "${stepText}"`,
        );
      }
      step = Number(stepText);
    }
    let low: number;
    let high: number;
    if (range === '*') {
      [low, high] = [spec.min, spec.max];
    } else {
      const bounds = range.split('-');
      if (bounds.length > 2) fail(expression, `${spec.name} field: malformed range "${range}"`);
      low = parseValue(bounds[0] ?? '', spec, expression);
      high =
        bounds[1] === undefined
          ? stepText === undefined
            ? low
            : spec.max
          : parseValue(bounds[1], spec, expression);
      if (high < low) fail(expression, `${spec.name} field: range "${range}" runs backwards`);
    }
    for (let value = low; value <= high; value += step) values.add(value);
  }
  return values;
}

/** Parses a six-field NCRONTAB expression; throws ARCHIVE_SCHEDULE_INVALID naming the field at fault. */
export function parseNcrontab(expression: string): NcrontabSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) {
    fail(
      expression,
      `expected six fields (second minute hour day month day-of-week), found ${fields.length}`,
    );
  }
  const [seconds, minutes, hours, days, months, daysOfWeek] = FIELDS.map((spec, i) =>
    parseField(fields[i] ?? '', spec, expression),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  return { expression: fields.join(' '), seconds, minutes, hours, days, months, daysOfWeek };
}

import { COMPRESSIONS, CONSISTENCIES, type ExportOptions } from './export-request';
import type { FieldProblems } from './field-problems';
import type { RequestDefaults } from './request-defaults';

const MAX_PARALLELISM = 64;
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const TABLE_NAME = /^[^.\s][^.]*\.[^.]*[^.\s]$/;

/**
 * The optional `options` section, with the server defaults filled in; `instanceId` (the
 * caller-chosen orchestration instance id) is returned alongside the export options.
 */
export function parseExportOptions(
  value: unknown,
  defaults: RequestDefaults,
  problems: FieldProblems,
): ExportOptions & { instanceId?: string } {
  const known = [
    'tables',
    'maxParallelism',
    'splitRowThreshold',
    'compression',
    'overwrite',
    'instanceId',
    'consistency',
  ];
  const options = value === undefined ? {} : problems.object(value, 'options', known);
  let tables: string[] | undefined;
  if (options.tables !== undefined) {
    if (!Array.isArray(options.tables) || options.tables.length === 0) {
      problems.add('options.tables: must be a non-empty array of "schema.table" names');
    } else {
      tables = options.tables.map((t, i) =>
        problems.text(t, `options.tables[${i}]`, TABLE_NAME, 'a "schema.table" name'),
      );
    }
  }
  if (options.overwrite !== undefined && typeof options.overwrite !== 'boolean') {
    problems.add(`options.overwrite: must be true or false, found ${JSON.stringify(options.overwrite)}`);
  }
  const instanceId =
    options.instanceId === undefined
      ? undefined
      : problems.text(
          options.instanceId,
          'options.instanceId',
          INSTANCE_ID,
          '1-100 letters, digits, "_", "." or "-"',
        );
  return {
    ...(tables === undefined ? {} : { tables }),
    maxParallelism: problems.integer(
      options.maxParallelism,
      'options.maxParallelism',
      1,
      MAX_PARALLELISM,
      defaults.maxParallelism,
    ),
    splitRowThreshold: problems.integer(
      options.splitRowThreshold,
      'options.splitRowThreshold',
      1000,
      2_000_000_000,
      defaults.splitRowThreshold,
    ),
    compression: problems.choice(
      options.compression,
      'options.compression',
      COMPRESSIONS,
      defaults.compression,
    ),
    overwrite: options.overwrite === true,
    consistency: problems.choice(options.consistency, 'options.consistency', CONSISTENCIES, 'none'),
    ...(instanceId === undefined ? {} : { instanceId }),
  };
}

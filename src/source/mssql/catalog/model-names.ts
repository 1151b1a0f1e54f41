import { formatName } from '../../../bacpac/model/names';
import type { Reference } from '../../../bacpac/model/types';

/** Schemas that exist in every database: referenced as built-ins, never written as elements. */
const BUILT_IN_SCHEMAS = new Set(['dbo', 'guest', 'sys', 'INFORMATION_SCHEMA']);

export function schemaReference(schema: string): Reference {
  return BUILT_IN_SCHEMAS.has(schema)
    ? { externalSource: 'BuiltIns', name: formatName([schema]) }
    : { name: formatName([schema]) };
}

export function objectName(schema: string, name: string): string {
  return formatName([schema, name]);
}

export function columnName(schema: string, table: string, column: string): string {
  return formatName([schema, table, column]);
}

export function builtInType(name: string): Reference {
  return { externalSource: 'BuiltIns', name };
}

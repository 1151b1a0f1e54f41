import type { RawRow } from './row-fields';
import { bool, num, optNum, optStr, str } from './row-fields';

/** Every user sequence with its type and values as exact text. */
export const SEQUENCES_SQL = `
SELECT SCHEMA_NAME(sq.schema_id) AS schemaName, sq.name AS sequenceName,
  ty.name AS typeName, SCHEMA_NAME(ty.schema_id) AS typeSchema, ty.is_user_defined AS isAliasType,
  TYPE_NAME(ty.system_type_id) AS baseTypeName, ty.max_length AS maxLength, sq.precision AS precision, sq.scale AS scale,
  CONVERT(varchar(40), sq.start_value) AS startValue, CONVERT(varchar(40), sq.increment) AS incrementValue,
  CONVERT(varchar(40), sq.minimum_value) AS minValue, CONVERT(varchar(40), sq.maximum_value) AS maxValue,
  CONVERT(varchar(40), sq.current_value) AS currentValue, sq.is_cycling AS isCycling,
  sq.is_cached AS isCached, sq.cache_size AS cacheSize, sq.is_exhausted AS isExhausted
FROM sys.sequences AS sq
JOIN sys.types AS ty ON ty.user_type_id = sq.user_type_id
WHERE sq.is_ms_shipped = 0
ORDER BY sq.schema_id, sq.name;`;

export interface SequenceRow {
  readonly schemaName: string;
  readonly sequenceName: string;
  readonly typeName: string;
  readonly typeSchema: string;
  readonly isAliasType: boolean;
  readonly baseTypeName: string;
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  readonly startValue: string;
  readonly incrementValue: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly currentValue?: string;
  readonly isCycling: boolean;
  readonly isCached: boolean;
  readonly cacheSize?: number;
  readonly isExhausted: boolean;
}

export function readSequenceRow(row: RawRow): SequenceRow {
  const q = 'sequences';
  const currentValue = optStr(row, 'currentValue', q);
  const cacheSize = optNum(row, 'cacheSize', q);
  return {
    schemaName: str(row, 'schemaName', q),
    sequenceName: str(row, 'sequenceName', q),
    typeName: str(row, 'typeName', q),
    typeSchema: str(row, 'typeSchema', q),
    isAliasType: bool(row, 'isAliasType', q),
    baseTypeName: str(row, 'baseTypeName', q),
    maxLength: num(row, 'maxLength', q),
    precision: num(row, 'precision', q),
    scale: num(row, 'scale', q),
    startValue: str(row, 'startValue', q),
    incrementValue: str(row, 'incrementValue', q),
    minValue: str(row, 'minValue', q),
    maxValue: str(row, 'maxValue', q),
    isCycling: bool(row, 'isCycling', q),
    isCached: bool(row, 'isCached', q),
    isExhausted: bool(row, 'isExhausted', q),
    ...(currentValue !== undefined ? { currentValue } : {}),
    ...(cacheSize !== undefined ? { cacheSize } : {}),
  };
}

/** Every synonym with the parts of the name it stands for. */
export const SYNONYMS_SQL = `
SELECT SCHEMA_NAME(sn.schema_id) AS schemaName, sn.name AS synonymName, sn.base_object_name AS baseObjectName,
  PARSENAME(sn.base_object_name, 4) AS baseServer, PARSENAME(sn.base_object_name, 3) AS baseDatabase,
  PARSENAME(sn.base_object_name, 2) AS baseSchema, PARSENAME(sn.base_object_name, 1) AS baseName
FROM sys.synonyms AS sn
WHERE sn.is_ms_shipped = 0
ORDER BY sn.schema_id, sn.name;`;

export interface SynonymRow {
  readonly schemaName: string;
  readonly synonymName: string;
  readonly baseObjectName: string;
  readonly baseServer?: string;
  readonly baseDatabase?: string;
  readonly baseSchema?: string;
  readonly baseName: string;
}

export function readSynonymRow(row: RawRow): SynonymRow {
  const q = 'synonyms';
  const opt = (key: string): string | undefined => optStr(row, key, q);
  const [baseServer, baseDatabase, baseSchema] = [opt('baseServer'), opt('baseDatabase'), opt('baseSchema')];
  return {
    schemaName: str(row, 'schemaName', q),
    synonymName: str(row, 'synonymName', q),
    baseObjectName: str(row, 'baseObjectName', q),
    baseName: str(row, 'baseName', q),
    ...(baseServer !== undefined ? { baseServer } : {}),
    ...(baseDatabase !== undefined ? { baseDatabase } : {}),
    ...(baseSchema !== undefined ? { baseSchema } : {}),
  };
}

/** Every user XML schema collection with its schemas as one XML text. */
export const XML_SCHEMA_COLLECTIONS_SQL = `
SELECT SCHEMA_NAME(x.schema_id) AS schemaName, x.name AS collectionName,
  CONVERT(nvarchar(max), XML_SCHEMA_NAMESPACE(SCHEMA_NAME(x.schema_id), x.name)) AS schemaText
FROM sys.xml_schema_collections AS x
WHERE x.xml_collection_id > 1
ORDER BY x.schema_id, x.name;`;

export interface XmlSchemaCollectionRow {
  readonly schemaName: string;
  readonly collectionName: string;
  readonly schemaText: string;
}

export function readXmlSchemaCollectionRow(row: RawRow): XmlSchemaCollectionRow {
  const q = 'xml schema collections';
  return {
    schemaName: str(row, 'schemaName', q),
    collectionName: str(row, 'collectionName', q),
    schemaText: str(row, 'schemaText', q),
  };
}

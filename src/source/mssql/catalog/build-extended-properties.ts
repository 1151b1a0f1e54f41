import { formatName } from '../../../bacpac/model/names';
import type { Reference, SqlExtendedProperty } from '../../../bacpac/model/types';
import type { SourceFinding } from '../../types';
import { unicodeLiteral } from '../quote';
import { DATABASE_DISAMBIGUATOR } from './disambiguators';
import type { ExtendedPropertyRow } from './extended-properties';
import { objectName, schemaReference } from './model-names';

/** The host kind DacFx names an object's extended property after, by sys.objects.type. */
const OBJECT_HOSTS: Readonly<Record<string, string>> = {
  U: 'SqlTableBase',
  V: 'SqlView',
  P: 'SqlProcedure',
  FN: 'SqlFunction',
  IF: 'SqlFunction',
  TF: 'SqlFunction',
  TR: 'SqlDmlTrigger',
  PK: 'SqlConstraint',
  UQ: 'SqlConstraint',
  F: 'SqlConstraint',
  C: 'SqlConstraint',
  D: 'SqlConstraint',
};

const NUMERIC = new Set(['tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric', 'bit']);

/** The value as a T-SQL literal: N'text' for strings (and other types, as text), digits for numbers. */
export function propertyLiteral(row: ExtendedPropertyRow): string {
  if (row.valueText === undefined) return 'NULL';
  return NUMERIC.has((row.valueType ?? '').toLowerCase()) ? row.valueText : unicodeLiteral(row.valueText);
}

/**
 * `[<host kind>].<host name parts>.[<property>]` with R Host (4.3, 4.6.11). `hosts(name)` tells
 * whether a host is an element of the model (with its disambiguator, if any); properties of hosts
 * not in the model (view columns, objects left out, system-named constraints) are reported.
 */
export function buildExtendedProperties(
  rows: readonly ExtendedPropertyRow[],
  hosts: (name: string) => { readonly disambiguator?: number } | undefined,
): { elements: SqlExtendedProperty[]; findings: SourceFinding[]; referencesDatabase: boolean } {
  const elements: SqlExtendedProperty[] = [];
  const findings: SourceFinding[] = [];
  let referencesDatabase = false;
  for (const row of rows) {
    const host = hostOf(row);
    if (host === undefined) {
      findings.push({
        code: 'EXTENDED_PROPERTY_LEFT_OUT',
        severity: 'warning',
        object:
          row.hostSchema !== undefined
            ? objectName(row.hostSchema, row.hostName ?? '')
            : `[${row.hostName ?? 'class ' + row.propertyClass}]`,
        message: `extended property ${row.propertyName}: its host (class ${row.propertyClass}${row.hostType !== undefined ? `, type ${row.hostType}` : ''}${row.childName !== undefined ? `, ${row.childName}` : ''}) is not in the model`,
      });
      continue;
    }
    let reference = host.reference;
    if (host.checkInModel) {
      const found = reference.name !== undefined ? hosts(reference.name) : undefined;
      if (found === undefined) {
        findings.push({
          code: 'EXTENDED_PROPERTY_LEFT_OUT',
          severity: 'warning',
          object: reference.name ?? '',
          message: `extended property ${row.propertyName}: its host is not in the model`,
        });
        continue;
      }
      if (found.disambiguator !== undefined) reference = { ...reference, disambiguator: found.disambiguator };
    }
    if (row.propertyClass === 0) referencesDatabase = true;
    elements.push({
      type: 'SqlExtendedProperty',
      name: formatName([host.kind, ...host.parts, row.propertyName]),
      properties: { Value: { text: propertyLiteral(row) } },
      relationships: { Host: reference },
    });
  }
  return { elements, findings, referencesDatabase };
}

interface Host {
  readonly kind: string;
  readonly parts: string[];
  readonly reference: Reference;
  readonly checkInModel: boolean;
}

function hostOf(row: ExtendedPropertyRow): Host | undefined {
  const schema = row.hostSchema;
  const name = row.hostName;
  switch (row.propertyClass) {
    case 0:
      return {
        kind: 'SqlDatabaseOptions',
        parts: [],
        reference: { disambiguator: DATABASE_DISAMBIGUATOR },
        checkInModel: false,
      };
    case 3:
      return schema === undefined
        ? undefined
        : { kind: 'SqlSchema', parts: [schema], reference: schemaReference(schema), checkInModel: false };
    case 20:
      return name === 'PRIMARY'
        ? {
            kind: 'SqlFilegroup',
            parts: [name],
            reference: { externalSource: 'BuiltIns', name: '[PRIMARY]' },
            checkInModel: false,
          }
        : undefined;
  }
  if (schema === undefined || name === undefined) return undefined;
  const child = (kind: string, childName: string | undefined): Host | undefined =>
    childName === undefined
      ? undefined
      : {
          kind,
          parts: [schema, name, childName],
          reference: { name: formatName([schema, name, childName]) },
          checkInModel: true,
        };
  switch (row.propertyClass) {
    case 1: {
      if (row.minorId !== 0) return row.hostType === 'U' ? child('SqlColumn', row.childName) : undefined;
      const kind = OBJECT_HOSTS[row.hostType ?? ''];
      return kind === undefined
        ? undefined
        : { kind, parts: [schema, name], reference: { name: objectName(schema, name) }, checkInModel: true };
    }
    case 2:
      return child('SqlSubroutineParameter', row.childName);
    case 7:
      return child('SqlIndexBase', row.childName);
    case 10:
      return {
        kind: 'SqlXmlSchemaCollection',
        parts: [schema, name],
        reference: { name: objectName(schema, name) },
        checkInModel: true,
      };
  }
  return undefined;
}

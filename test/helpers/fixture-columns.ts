import { SaxesParser } from 'saxes';
import type { BcpColumn, BcpSqlType } from '../../src/bacpac/bcp/types';

/**
 * A small, independent reader of the column lists in a fixture's model.xml, used as an oracle by
 * the BCP codec tests. It follows the format spec 4.6: `SqlTable` elements hold `SqlSimpleColumn`
 * (kept) and `SqlComputedColumn` (skipped) elements in table order; each simple column has a
 * `SqlTypeSpecifier` (or `SqlXmlTypeSpecifier`) with `Length`, `IsMax`, `Precision` and `Scale`
 * properties (left out when default, so a missing `Scale` is 0) and a `Type` reference to a
 * built-in type or to a `SqlUserDefinedDataType`, whose own properties and base type apply.
 */
interface Frame {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, string>;
  typeRef?: string;
  typeBuiltIn?: boolean;
  spec?: Frame;
  readonly columns: Frame[];
}

function unbracket(name: string): string[] {
  return [...name.matchAll(/\[((?:[^\]]|\]\])*)\]/g)].map((m) => (m[1] ?? '').replace(/\]\]/g, ']'));
}

const BUILT_IN: Readonly<Record<string, BcpSqlType>> = {
  '[sys].[sysname]': 'sysname',
  '[sys].[geography]': 'geography',
  '[sys].[geometry]': 'geometry',
  '[sys].[hierarchyid]': 'hierarchyid',
  '[timestamp]': 'rowversion',
};

function builtInType(ref: string): BcpSqlType {
  return BUILT_IN[ref] ?? (unbracket(ref)[0] as BcpSqlType);
}

function toColumn(column: Frame, uddts: ReadonlyMap<string, Frame>): BcpColumn {
  const spec = column.spec;
  if (!spec?.typeRef) throw new Error(`column ${column.name} has no type`);
  let props: Record<string, string> = { ...spec.props };
  let type: BcpSqlType;
  let nullable = column.props.IsNullable !== 'False';
  if (spec.typeBuiltIn) {
    type = builtInType(spec.typeRef);
  } else {
    const uddt = uddts.get(spec.typeRef);
    if (!uddt?.typeRef) throw new Error(`column ${column.name}: unknown type ${spec.typeRef}`);
    type = builtInType(uddt.typeRef);
    props = { ...uddt.props, ...props };
    if (uddt.props.IsNullable === 'False') nullable = false;
  }
  const parts = unbracket(column.name);
  const result: { -readonly [K in keyof BcpColumn]: BcpColumn[K] } = {
    name: parts[parts.length - 1] ?? '',
    type,
    nullable,
  };
  if (props.Length !== undefined) result.length = Number(props.Length);
  if (props.IsMax === 'True') result.isMax = true;
  if (props.Precision !== undefined) result.precision = Number(props.Precision);
  if (['decimal', 'numeric', 'time', 'datetime2', 'datetimeoffset'].includes(type)) {
    result.scale = props.Scale === undefined ? 0 : Number(props.Scale);
  }
  return result;
}

/** The columns of every table in a model.xml, keyed `schema.table` (unbracketed). */
export function readModelColumns(modelXml: Buffer | string): Map<string, BcpColumn[]> {
  const parser = new SaxesParser();
  const stack: Frame[] = [];
  const relationships: string[] = [];
  const tables: Frame[] = [];
  const uddts = new Map<string, Frame>();
  const nearest = (): Frame | undefined => stack[stack.length - 1];
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    if (tag.name === 'Element') {
      stack.push({ type: attrs.Type ?? '', name: attrs.Name ?? '', props: {}, columns: [] });
    } else if (tag.name === 'Property' && attrs.Name !== undefined && attrs.Value !== undefined) {
      const frame = nearest();
      if (frame) frame.props[attrs.Name] = attrs.Value;
    } else if (tag.name === 'Relationship') {
      relationships.push(attrs.Name ?? '');
    } else if (tag.name === 'References' && relationships[relationships.length - 1] === 'Type') {
      const frame = nearest();
      if (frame && attrs.Name !== undefined) {
        frame.typeRef = attrs.Name;
        frame.typeBuiltIn = attrs.ExternalSource === 'BuiltIns';
      }
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'Relationship') relationships.pop();
    if (tag.name !== 'Element') return;
    const frame = stack.pop();
    const parent = nearest();
    if (!frame) return;
    if (frame.type === 'SqlTypeSpecifier' || frame.type === 'SqlXmlTypeSpecifier') {
      if (parent) parent.spec = frame;
    } else if (frame.type === 'SqlSimpleColumn' || frame.type === 'SqlComputedColumn') {
      if (parent?.type === 'SqlTable' && frame.type === 'SqlSimpleColumn') parent.columns.push(frame);
    } else if (frame.type === 'SqlTable') {
      tables.push(frame);
    } else if (frame.type === 'SqlUserDefinedDataType') {
      uddts.set(frame.name, frame);
    }
  });
  parser.write(typeof modelXml === 'string' ? modelXml : modelXml.toString('utf8').replace(/^\uFEFF/, ''));
  parser.close();
  const result = new Map<string, BcpColumn[]>();
  for (const table of tables) {
    result.set(
      unbracket(table.name).join('.'),
      table.columns.map((c) => toColumn(c, uddts)),
    );
  }
  return result;
}

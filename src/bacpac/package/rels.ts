import { randomBytes } from 'node:crypto';
import { BacpacError } from '../errors';
import { partUri } from './part-names';
import { parseXmlPart } from './xml-tree';
import { XML_DECLARATION, escapeXmlAttribute, withBom } from './xml-text';

/**
 * `_rels/.rels`: a UTF-8 BOM and one line. Each data part has two package relationships, one after the
 * other: `Type="table=<table>"` then `Type="schema=<schema>"`, both targeting the part's absolute URI.
 * Names are raw identifiers with XML attribute escaping only. Attribute order is Type, Target, Id; an
 * Id is `R` and 16 lowercase hex digits, random per relationship. Pairs follow the data entries' order in
 * the ZIP. A package without data parts has no `_rels/.rels` at all.
 */
export const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Relationship {
  readonly type: string;
  readonly target: string;
  readonly id: string;
}

/** A data part as the relationships describe it: its escaped part name and the table it holds. */
export interface DataPartReference {
  readonly schema: string;
  readonly table: string;
  readonly partName: string;
}

/** Supplies relationship ids; inject a fixed sequence to make the output reproducible. */
export type RelationshipIdGenerator = () => string;

const ID_PATTERN = /^R[0-9a-f]{16}$/;

/** A random id in DacFx's form: `R` and 16 lowercase hex digits. */
export function randomRelationshipId(): string {
  return `R${randomBytes(8).toString('hex')}`;
}

/** The bytes of `_rels/.rels` for the given data parts, in the given (ZIP entry) order. */
export function writeRels(
  parts: readonly DataPartReference[],
  newId: RelationshipIdGenerator = randomRelationshipId,
): Buffer {
  if (parts.length === 0) {
    throw new BacpacError(
      'RELS_INVALID',
      '_rels/.rels: no data parts given; a package without data has no _rels/.rels',
    );
  }
  const seen = new Set<string>();
  const nextId = (): string => {
    const id = newId();
    if (!ID_PATTERN.test(id) || seen.has(id)) {
      throw new BacpacError(
        'RELS_INVALID',
        `_rels/.rels: relationship id ${JSON.stringify(id)} is not a fresh R + 16 lowercase hex digits`,
      );
    }
    seen.add(id);
    return id;
  };
  const entries = parts.flatMap((part) => {
    const target = escapeXmlAttribute(partUri(part.partName), `relationship target ${part.partName}`);
    const pair: Array<[string, string]> = [
      ['table', part.table],
      ['schema', part.schema],
    ];
    return pair.map(([kind, name]) => {
      const type = escapeXmlAttribute(`${kind}=${name}`, `${kind} name of ${part.partName}`);
      return `<Relationship Type="${type}" Target="${target}" Id="${nextId()}" />`;
    });
  });
  return withBom(
    `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">${entries.join('')}</Relationships>`,
  );
}

/** What `_rels/.rels` says: every relationship in order, and the table/schema named for each target. */
export interface RelsContent {
  readonly relationships: readonly Relationship[];
  readonly tablesByTarget: ReadonlyMap<string, { readonly schema?: string; readonly table?: string }>;
}

/** Reads `_rels/.rels`. Relationship types other than `table=`/`schema=` are kept but not interpreted. */
export function readRels(bytes: Uint8Array): RelsContent {
  const root = parseXmlPart(bytes, '_rels/.rels');
  if (root.name !== 'Relationships' || root.attributes.xmlns !== RELATIONSHIPS_NAMESPACE) {
    throw new BacpacError(
      'RELS_INVALID',
      `_rels/.rels: expected root <Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">, found <${root.name}>`,
    );
  }
  const relationships: Relationship[] = [];
  const tablesByTarget = new Map<string, { schema?: string; table?: string }>();
  for (const child of root.children) {
    const { Type: type, Target: target, Id: id } = child.attributes;
    if (child.name !== 'Relationship' || type === undefined || target === undefined || id === undefined) {
      throw new BacpacError(
        'RELS_INVALID',
        `_rels/.rels: expected <Relationship Type Target Id>, found <${child.name}>`,
      );
    }
    relationships.push({ type, target, id });
    const match = /^(table|schema)=/.exec(type);
    if (match) {
      const entry = tablesByTarget.get(target) ?? {};
      entry[match[1] === 'table' ? 'table' : 'schema'] = type.slice(match[0].length);
      tablesByTarget.set(target, entry);
    }
  }
  return { relationships, tablesByTarget };
}

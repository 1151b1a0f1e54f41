import type { AnnotationDescriptor, KindDescriptor } from './descriptor';
import { p } from './descriptor';
import { checkConstraintKind, defaultConstraintKind } from './kinds/check-default';
import { computedColumnKind, simpleColumnKind } from './kinds/columns';
import { databaseOptionsKind } from './kinds/database-options';
import { extendedPropertyKind } from './kinds/extended-property';
import { foreignKeyKind } from './kinds/foreign-key';
import {
  inlineTableValuedFunctionKind,
  multiStatementTableValuedFunctionKind,
  scalarFunctionKind,
  scriptFunctionImplementationKind,
} from './kinds/functions';
import { columnStoreIndexKind, indexKind, xmlIndexKind } from './kinds/indexes';
import { indexedColumnSpecificationKind, primaryKeyKind, uniqueConstraintKind } from './kinds/keys';
import { procedureKind, subroutineParameterKind } from './kinds/procedures';
import { defaultKind, ruleKind } from './kinds/rules-defaults';
import { schemaKind } from './kinds/schema';
import { loginKind, permissionStatementKind, roleKind, roleMembershipKind, userKind } from './kinds/security';
import { sequenceKind, synonymKind } from './kinds/sequences-synonyms';
import { tableKind } from './kinds/table';
import { dmlTriggerKind } from './kinds/triggers';
import { typeSpecifierKind, xmlTypeSpecifierKind } from './kinds/type-specifiers';
import {
  tableTypeCheckKind,
  tableTypeComputedColumnKind,
  tableTypeDefaultKind,
  tableTypeIndexKind,
  tableTypeKind,
  tableTypePrimaryKeyKind,
  tableTypeSimpleColumnKind,
  tableTypeUniqueKind,
  userDefinedDataTypeKind,
} from './kinds/user-defined-types';
import { dynamicColumnSourceKind, viewKind } from './kinds/views';
import { xmlSchemaCollectionKind } from './kinds/xml-schema-collection';

/** Every element kind the reader and writer know, by `Type`. Adding a kind: one file plus one line here. */
const kinds: readonly KindDescriptor[] = [
  databaseOptionsKind,
  schemaKind,
  tableKind,
  simpleColumnKind,
  computedColumnKind,
  typeSpecifierKind,
  xmlTypeSpecifierKind,
  userDefinedDataTypeKind,
  tableTypeKind,
  tableTypeSimpleColumnKind,
  tableTypeComputedColumnKind,
  tableTypePrimaryKeyKind,
  tableTypeUniqueKind,
  tableTypeCheckKind,
  tableTypeDefaultKind,
  tableTypeIndexKind,
  primaryKeyKind,
  uniqueConstraintKind,
  indexedColumnSpecificationKind,
  foreignKeyKind,
  checkConstraintKind,
  defaultConstraintKind,
  indexKind,
  xmlIndexKind,
  columnStoreIndexKind,
  viewKind,
  dynamicColumnSourceKind,
  procedureKind,
  subroutineParameterKind,
  scalarFunctionKind,
  inlineTableValuedFunctionKind,
  multiStatementTableValuedFunctionKind,
  scriptFunctionImplementationKind,
  dmlTriggerKind,
  sequenceKind,
  synonymKind,
  xmlSchemaCollectionKind,
  extendedPropertyKind,
  ruleKind,
  defaultKind,
  userKind,
  loginKind,
  roleKind,
  roleMembershipKind,
  permissionStatementKind,
];

export const kindsByType: ReadonlyMap<string, KindDescriptor> = new Map(kinds.map((k) => [k.type, k]));

/**
 * Annotation kinds (`<Annotation Type="..">`). `AttachedAnnotation` is a separate element and
 * `PersistedResolvableAnnotation` appears only inside relationship entries (see Reference).
 */
const annotations: readonly AnnotationDescriptor[] = [
  { type: 'OnlinePropertyAnnotation', properties: [p.text('Value'), p.text('CurrentValue')] },
  { type: 'SqlInlineConstraintAnnotation', properties: [] },
  { type: 'IsNotTrustedPropertyAnnotation', properties: [] },
  {
    type: 'SysCommentsObjectAnnotation',
    properties: [
      p.int('CreateOffset'),
      p.int('Length'),
      p.int('StartLine'),
      p.int('StartColumn'),
      p.text('HeaderContents'),
      p.text('FooterContents'),
    ],
  },
];

export const annotationsByType: ReadonlyMap<string, AnnotationDescriptor> = new Map(
  annotations.map((a) => [a.type, a]),
);

/** Element types that Origin.xml's ObjectCounts leaves out. */
export const uncountedTypes: ReadonlySet<string> = new Set([
  'SqlTypeSpecifier',
  'SqlXmlTypeSpecifier',
  'SqlIndexedColumnSpecification',
  'SqlDynamicColumnSource',
]);

import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference } from '../values';

/**
 * `SqlDatabaseOptions`: unnamed, exactly one per model. Every property seen in real exports.
 * The order is the one real files use where they show it; the places of IsAnsiNullDefaultOn,
 * PageVerifyMode, QueryStoreDesiredState, QueryStoreStaleQueryThreshold, Containment,
 * DefaultLanguage and DefaultFullTextLanguage (never seen next to the others) are assumptions.
 * Defaults are inferred from which value real files write (a property only ever written as
 * `False` defaults to true); integer options have no known default and are written whenever set.
 */
export interface DatabaseOptionsProperties {
  readonly Collation?: string;
  readonly IsAnsiNullDefaultOn?: boolean;
  readonly IsAnsiPaddingOn?: boolean;
  readonly IsQuotedIdentifierOn?: boolean;
  readonly IsAnsiNullsOn?: boolean;
  readonly IsAnsiWarningsOn?: boolean;
  readonly IsArithAbortOn?: boolean;
  readonly IsConcatNullYieldsNullOn?: boolean;
  readonly IsCursorDefaultScopeGlobal?: boolean;
  readonly IsAutoCloseOn?: boolean;
  readonly IsTornPageProtectionOn?: boolean;
  readonly RecoveryMode?: number;
  readonly PageVerifyMode?: number;
  readonly IsFullTextEnabled?: boolean;
  readonly ServiceBrokerOption?: number;
  readonly IsAllowSnapshotIsolation?: boolean;
  readonly IsReadCommittedSnapshot?: boolean;
  readonly IsEncryptionOn?: boolean;
  readonly CatalogCollation?: number;
  readonly FileStreamDirectoryName?: string;
  readonly CompatibilityMode?: number;
  readonly Containment?: number;
  readonly DefaultLanguage?: string;
  readonly DefaultFullTextLanguage?: string;
  readonly TargetRecoveryTimePeriod?: number;
  readonly QueryStoreDesiredState?: number;
  readonly QueryStoreCaptureMode?: number;
  readonly QueryStoreMaxStorageSize?: number;
  readonly QueryStoreStaleQueryThreshold?: number;
  readonly TemporalHistoryRetentionEnabled?: boolean;
  readonly MaxDop?: number;
}

export interface SqlDatabaseOptions extends ElementBase<
  'SqlDatabaseOptions',
  DatabaseOptionsProperties,
  { readonly DefaultFilegroup?: Reference }
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

export const databaseOptionsKind = defineKind<SqlDatabaseOptions>({
  type: 'SqlDatabaseOptions',
  naming: 'unnamed',
  properties: [
    p.text('Collation'),
    p.bool('IsAnsiNullDefaultOn', false),
    p.bool('IsAnsiPaddingOn', true),
    p.bool('IsQuotedIdentifierOn', true),
    p.bool('IsAnsiNullsOn', false),
    p.bool('IsAnsiWarningsOn', false),
    p.bool('IsArithAbortOn', false),
    p.bool('IsConcatNullYieldsNullOn', false),
    p.bool('IsCursorDefaultScopeGlobal', false),
    p.bool('IsAutoCloseOn', false),
    p.bool('IsTornPageProtectionOn', true),
    p.int('RecoveryMode'),
    p.int('PageVerifyMode'),
    p.bool('IsFullTextEnabled', false),
    p.int('ServiceBrokerOption'),
    p.bool('IsAllowSnapshotIsolation', false),
    p.bool('IsReadCommittedSnapshot', false),
    p.bool('IsEncryptionOn', false),
    p.int('CatalogCollation'),
    p.text('FileStreamDirectoryName'),
    p.int('CompatibilityMode'),
    p.int('Containment'),
    p.text('DefaultLanguage'),
    p.text('DefaultFullTextLanguage'),
    p.int('TargetRecoveryTimePeriod'),
    p.int('QueryStoreDesiredState'),
    p.int('QueryStoreCaptureMode'),
    p.int('QueryStoreMaxStorageSize'),
    p.int('QueryStoreStaleQueryThreshold'),
    p.bool('TemporalHistoryRetentionEnabled', true),
    p.int('MaxDop'),
  ],
  relationships: [r.one('DefaultFilegroup')],
});

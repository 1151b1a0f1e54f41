import type { RawRow } from './row-fields';
import { bool, num, optNum, optStr, str } from './row-fields';

/** One row: the server, the current database and its options. */
export const SERVER_INFO_SQL = `
SELECT
  DB_NAME() AS databaseName,
  @@VERSION AS serverVersion,
  CAST(SERVERPROPERTY('EngineEdition') AS int) AS engineEdition,
  CAST(PARSENAME(CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)), 4) AS int) AS majorVersion,
  d.collation_name AS collationName,
  CAST(COLLATIONPROPERTY(d.collation_name, 'LCID') AS int) AS collationLcid,
  d.compatibility_level AS compatibilityLevel,
  d.snapshot_isolation_state AS snapshotIsolationState,
  d.is_read_committed_snapshot_on AS isReadCommittedSnapshotOn,
  d.is_ansi_null_default_on AS isAnsiNullDefaultOn,
  d.is_ansi_nulls_on AS isAnsiNullsOn,
  d.is_ansi_padding_on AS isAnsiPaddingOn,
  d.is_ansi_warnings_on AS isAnsiWarningsOn,
  d.is_arithabort_on AS isArithAbortOn,
  d.is_concat_null_yields_null_on AS isConcatNullYieldsNullOn,
  d.is_quoted_identifier_on AS isQuotedIdentifierOn,
  d.is_cursor_close_on_commit_on AS isCursorCloseOnCommitOn,
  d.is_local_cursor_default AS isLocalCursorDefault,
  d.is_auto_close_on AS isAutoCloseOn,
  d.recovery_model AS recoveryModel,
  d.page_verify_option AS pageVerifyOption,
  d.is_fulltext_enabled AS isFullTextEnabled,
  d.is_broker_enabled AS isBrokerEnabled,
  d.is_encrypted AS isEncrypted,
  d.target_recovery_time_in_seconds AS targetRecoveryTime,
  d.containment AS containment,
  CAST((SELECT SUM(CAST(size AS bigint)) * 8 FROM sys.database_files) AS varchar(20)) AS sizeKb
FROM sys.databases AS d
WHERE d.database_id = DB_ID();`;

export interface ServerInfo {
  readonly databaseName: string;
  readonly serverVersion: string;
  readonly engineEdition: number;
  readonly majorVersion: number;
  readonly collationName: string;
  readonly collationLcid: number;
  readonly compatibilityLevel: number;
  /** sys.databases.snapshot_isolation_state: 1 = ON. */
  readonly snapshotIsolationState: number;
  readonly isReadCommittedSnapshotOn: boolean;
  readonly isAnsiNullDefaultOn: boolean;
  readonly isAnsiNullsOn: boolean;
  readonly isAnsiPaddingOn: boolean;
  readonly isAnsiWarningsOn: boolean;
  readonly isArithAbortOn: boolean;
  readonly isConcatNullYieldsNullOn: boolean;
  readonly isQuotedIdentifierOn: boolean;
  readonly isLocalCursorDefault: boolean;
  readonly isAutoCloseOn: boolean;
  readonly recoveryModel: number;
  readonly pageVerifyOption: number;
  readonly isFullTextEnabled: boolean;
  readonly isBrokerEnabled: boolean;
  readonly isEncrypted: boolean;
  readonly targetRecoveryTime?: number;
  readonly containment: number;
  readonly sizeKb?: string;
}

export function readServerInfo(row: RawRow): ServerInfo {
  const q = 'server info';
  const targetRecoveryTime = optNum(row, 'targetRecoveryTime', q);
  const sizeKb = optStr(row, 'sizeKb', q);
  return {
    databaseName: str(row, 'databaseName', q),
    serverVersion: str(row, 'serverVersion', q),
    engineEdition: num(row, 'engineEdition', q),
    majorVersion: num(row, 'majorVersion', q),
    collationName: str(row, 'collationName', q),
    collationLcid: num(row, 'collationLcid', q),
    compatibilityLevel: num(row, 'compatibilityLevel', q),
    snapshotIsolationState: num(row, 'snapshotIsolationState', q),
    isReadCommittedSnapshotOn: bool(row, 'isReadCommittedSnapshotOn', q),
    isAnsiNullDefaultOn: bool(row, 'isAnsiNullDefaultOn', q),
    isAnsiNullsOn: bool(row, 'isAnsiNullsOn', q),
    isAnsiPaddingOn: bool(row, 'isAnsiPaddingOn', q),
    isAnsiWarningsOn: bool(row, 'isAnsiWarningsOn', q),
    isArithAbortOn: bool(row, 'isArithAbortOn', q),
    isConcatNullYieldsNullOn: bool(row, 'isConcatNullYieldsNullOn', q),
    isQuotedIdentifierOn: bool(row, 'isQuotedIdentifierOn', q),
    isLocalCursorDefault: bool(row, 'isLocalCursorDefault', q),
    isAutoCloseOn: bool(row, 'isAutoCloseOn', q),
    recoveryModel: num(row, 'recoveryModel', q),
    pageVerifyOption: num(row, 'pageVerifyOption', q),
    isFullTextEnabled: bool(row, 'isFullTextEnabled', q),
    isBrokerEnabled: bool(row, 'isBrokerEnabled', q),
    isEncrypted: bool(row, 'isEncrypted', q),
    containment: num(row, 'containment', q),
    ...(targetRecoveryTime !== undefined ? { targetRecoveryTime } : {}),
    ...(sizeKb !== undefined ? { sizeKb } : {}),
  };
}

import type { SqlDatabaseOptions } from '../../../bacpac/model/types';
import { DATABASE_DISAMBIGUATOR } from './disambiguators';
import type { ServerInfo } from './server-info';

/** The database options from sys.databases; `referenced`: something refers to the database (disambiguator 1). */
export function buildDatabaseOptions(s: ServerInfo, referenced = false): SqlDatabaseOptions {
  return {
    type: 'SqlDatabaseOptions',
    ...(referenced ? { disambiguator: DATABASE_DISAMBIGUATOR } : {}),
    properties: {
      Collation: s.collationName,
      IsAnsiNullDefaultOn: s.isAnsiNullDefaultOn,
      IsAnsiPaddingOn: s.isAnsiPaddingOn,
      IsQuotedIdentifierOn: s.isQuotedIdentifierOn,
      IsAnsiNullsOn: s.isAnsiNullsOn,
      IsAnsiWarningsOn: s.isAnsiWarningsOn,
      IsArithAbortOn: s.isArithAbortOn,
      IsConcatNullYieldsNullOn: s.isConcatNullYieldsNullOn,
      IsCursorDefaultScopeGlobal: !s.isLocalCursorDefault,
      IsAutoCloseOn: s.isAutoCloseOn,
      IsTornPageProtectionOn: s.pageVerifyOption === 1,
      IsFullTextEnabled: s.isFullTextEnabled,
      ServiceBrokerOption: s.isBrokerEnabled ? 1 : 0,
      IsAllowSnapshotIsolation: s.snapshotIsolationState === 1,
      IsReadCommittedSnapshot: s.isReadCommittedSnapshotOn,
      IsEncryptionOn: s.isEncrypted,
      CompatibilityMode: s.compatibilityLevel,
      ...(s.containment !== 0 ? { Containment: s.containment } : {}),
      ...(s.targetRecoveryTime !== undefined ? { TargetRecoveryTimePeriod: s.targetRecoveryTime } : {}),
    },
    relationships: { DefaultFilegroup: { externalSource: 'BuiltIns', name: '[PRIMARY]' } },
  };
}

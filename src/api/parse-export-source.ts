import { AUTHENTICATIONS, type ExportSourceSpec } from './export-request';
import type { FieldProblems } from './field-problems';

const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const SERVER = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(,\d{1,5})?$/;

/**
 * The `source` section: server host (optionally `,port`), database, and how to authenticate; a
 * connection setting name only with authentication "connection-setting".
 */
export function parseExportSource(value: unknown, problems: FieldProblems): ExportSourceSpec {
  const source = problems.object(value, 'source', [
    'server',
    'database',
    'authentication',
    'connectionSetting',
  ]);
  const server = problems.text(
    source.server,
    'source.server',
    SERVER,
    'a host name, optionally with ",port"',
  );
  const database = problems.text(source.database, 'source.database');
  if (database.length > 128) problems.add('source.database: must be at most 128 characters');
  const authentication = problems.choice(
    source.authentication,
    'source.authentication',
    AUTHENTICATIONS,
    'managed-identity',
  );
  if (source.authentication === undefined) problems.add('source.authentication: required');
  if (authentication === 'connection-setting') {
    const setting = problems.text(
      source.connectionSetting,
      'source.connectionSetting',
      SETTING_NAME,
      'the name of an app setting',
    );
    return { server, database, authentication, connectionSetting: setting };
  }
  if (source.connectionSetting !== undefined) {
    problems.add('source.connectionSetting: only allowed with authentication "connection-setting"');
  }
  return { server, database, authentication };
}

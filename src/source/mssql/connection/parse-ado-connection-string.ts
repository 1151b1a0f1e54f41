import { ADO_KEYWORDS } from './ado-keywords';
import type { SqlConnectionSettings } from './connection-settings';
import { configError } from './connection-string-error';
import { parseServer } from './parse-server';
import { splitConnectionString } from './split-connection-string';

function parseBoolean(key: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', '1', 'mandatory'].includes(v)) return true;
  if (['false', 'no', '0', 'optional'].includes(v)) return false;
  throw configError(`"${key}" must be true or false, found "${value}"`);
}

function parseSeconds(key: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw configError(`"${key}" must be a whole number of seconds, found "${value}"`);
  }
  return Number(value.trim());
}

/** Parses an ADO.NET connection string (`Server=tcp:x.database.windows.net,1433;Database=db;...`). */
export function parseAdoConnectionString(text: string): SqlConnectionSettings {
  const settings: { -readonly [K in keyof SqlConnectionSettings]?: SqlConnectionSettings[K] } = {};
  let encrypt: boolean | 'strict' = true;
  let trust = false;
  for (const [key, value] of splitConnectionString(text)) {
    const field = ADO_KEYWORDS.get(key);
    if (field === undefined) throw configError(`unknown keyword "${key}"`);
    switch (field) {
      case 'server':
        Object.assign(settings, parseServer(value));
        break;
      case 'database':
        settings.database = value;
        break;
      case 'user':
        settings.user = value;
        break;
      case 'password':
        settings.password = value;
        break;
      case 'authentication':
        settings.authentication = value;
        break;
      case 'encrypt':
        encrypt = value.trim().toLowerCase() === 'strict' ? 'strict' : parseBoolean(key, value);
        break;
      case 'trustServerCertificate':
        trust = parseBoolean(key, value);
        break;
      case 'hostNameInCertificate':
        settings.hostNameInCertificate = value;
        break;
      case 'connectTimeout':
        settings.connectTimeoutSeconds = parseSeconds(key, value);
        break;
      case 'commandTimeout':
        settings.commandTimeoutSeconds = parseSeconds(key, value);
        break;
      case 'applicationName':
        settings.applicationName = value;
        break;
      case 'ignored':
        break;
    }
  }
  if (settings.server === undefined) throw configError('no Server (or Data Source) keyword');
  return Object.freeze({ ...settings, server: settings.server, encrypt, trustServerCertificate: trust });
}

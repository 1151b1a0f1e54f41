import { MssqlSourceError } from '../errors';

/** A SQL Server connection target read from an ADO.NET connection string or an mssql:// URL. */
export interface SqlConnectionSettings {
  readonly server: string;
  readonly port?: number;
  readonly instanceName?: string;
  readonly database?: string;
  readonly user?: string;
  /** Never logged; `describeConnection` leaves it out. */
  readonly password?: string;
  /** `Authentication=` keyword as written (e.g. `Active Directory Managed Identity`), if any. */
  readonly authentication?: string;
  /** True unless the connection string turns encryption off; `strict` for TDS 8.0. */
  readonly encrypt: boolean | 'strict';
  readonly trustServerCertificate: boolean;
  readonly hostNameInCertificate?: string;
  readonly connectTimeoutSeconds?: number;
  readonly commandTimeoutSeconds?: number;
  readonly applicationName?: string;
}

type Field =
  | 'server'
  | 'database'
  | 'user'
  | 'password'
  | 'authentication'
  | 'encrypt'
  | 'trustServerCertificate'
  | 'hostNameInCertificate'
  | 'connectTimeout'
  | 'commandTimeout'
  | 'applicationName'
  | 'ignored';

/** ADO.NET keywords (lower case, inner spaces kept) and their synonyms. */
const KEYWORDS: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['server', 'server'],
  ['data source', 'server'],
  ['address', 'server'],
  ['addr', 'server'],
  ['network address', 'server'],
  ['database', 'database'],
  ['initial catalog', 'database'],
  ['user id', 'user'],
  ['userid', 'user'],
  ['uid', 'user'],
  ['user', 'user'],
  ['password', 'password'],
  ['pwd', 'password'],
  ['authentication', 'authentication'],
  ['encrypt', 'encrypt'],
  ['trustservercertificate', 'trustServerCertificate'],
  ['trust server certificate', 'trustServerCertificate'],
  ['hostnameincertificate', 'hostNameInCertificate'],
  ['host name in certificate', 'hostNameInCertificate'],
  ['connect timeout', 'connectTimeout'],
  ['connection timeout', 'connectTimeout'],
  ['timeout', 'connectTimeout'],
  ['command timeout', 'commandTimeout'],
  ['application name', 'applicationName'],
  ['app', 'applicationName'],
  ['persist security info', 'ignored'],
  ['persistsecurityinfo', 'ignored'],
  ['multipleactiveresultsets', 'ignored'],
  ['multiple active result sets', 'ignored'],
  ['integrated security', 'ignored'],
  ['pooling', 'ignored'],
  ['max pool size', 'ignored'],
  ['min pool size', 'ignored'],
  ['connect retry count', 'ignored'],
  ['connect retry interval', 'ignored'],
  ['application intent', 'ignored'],
  ['applicationintent', 'ignored'],
  ['multisubnetfailover', 'ignored'],
  ['multi subnet failover', 'ignored'],
  ['workstation id', 'ignored'],
  ['packet size', 'ignored'],
]);

/** Splits `key=value;key2="va;lue"` into pairs, honouring ADO.NET quoting (doubled quotes escape). */
export function splitConnectionString(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === ';' || /\s/.test(text[i] ?? ''))) i++;
    if (i >= text.length) break;
    const eq = text.indexOf('=', i);
    if (eq < 0) throw configError(`a key without "=" near position ${i}`);
    const key = text.slice(i, eq).trim().toLowerCase().replace(/\s+/g, ' ');
    i = eq + 1;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    let value = '';
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      i++;
      for (;;) {
        if (i >= text.length) throw configError(`an unterminated quoted value for "${key}"`);
        const ch = text[i] as string;
        if (ch === quote) {
          if (text[i + 1] === quote) {
            value += quote;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += ch;
        i++;
      }
      while (i < text.length && text[i] !== ';') {
        if (!/\s/.test(text[i] ?? '')) throw configError(`text after the quoted value of "${key}"`);
        i++;
      }
    } else {
      const end = text.indexOf(';', i);
      value = (end < 0 ? text.slice(i) : text.slice(i, end)).trim();
      i = end < 0 ? text.length : end;
    }
    pairs.push([key, value]);
  }
  return pairs;
}

function configError(what: string): MssqlSourceError {
  return new MssqlSourceError('SQL_CONFIG', `connection string: ${what}`);
}

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

/** Reads `tcp:host,port`, `host\instance`, `host,port` or `np:`-free host names. */
export function parseServer(value: string): { server: string; port?: number; instanceName?: string } {
  let rest = value.trim();
  const prefix = /^(tcp|np|lpc|admin):/i.exec(rest);
  if (prefix) {
    if (prefix[1]?.toLowerCase() !== 'tcp') {
      throw configError(`only TCP connections are supported, found "${prefix[0]}"`);
    }
    rest = rest.slice(prefix[0].length);
  }
  let port: number | undefined;
  const comma = rest.lastIndexOf(',');
  if (comma >= 0) {
    const portText = rest.slice(comma + 1).trim();
    if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw configError(`the server port must be a number from 1 to 65535, found "${portText}"`);
    }
    port = Number(portText);
    rest = rest.slice(0, comma).trim();
  }
  let instanceName: string | undefined;
  const slash = rest.indexOf('\\');
  if (slash >= 0) {
    instanceName = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  if (rest === '.' || rest.toLowerCase() === '(local)') rest = 'localhost';
  if (rest === '') throw configError('the server name is empty');
  return { server: rest, ...(port !== undefined ? { port } : {}), ...(instanceName ? { instanceName } : {}) };
}

/** Parses an ADO.NET connection string (`Server=tcp:x.database.windows.net,1433;Database=db;...`). */
export function parseAdoConnectionString(text: string): SqlConnectionSettings {
  const settings: { -readonly [K in keyof SqlConnectionSettings]?: SqlConnectionSettings[K] } = {};
  let encrypt: boolean | 'strict' = true;
  let trust = false;
  for (const [key, value] of splitConnectionString(text)) {
    const field = KEYWORDS.get(key);
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

/** Parses `mssql://user:password@host[:port][/instance]/database?encrypt=true&trustServerCertificate=false`. */
export function parseMssqlUrl(text: string): SqlConnectionSettings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError('the mssql:// URL cannot be parsed');
  }
  const pathParts = url.pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  const database = pathParts.length > 1 ? pathParts[1] : pathParts[0];
  const instanceName = pathParts.length > 1 ? pathParts[0] : undefined;
  const pairs: string[] = [];
  for (const [key, value] of url.searchParams) pairs.push(`${key}=${quoteValue(value)}`);
  const base = parseAdoConnectionString(pairs.join(';') + ';Server=' + quoteValue(url.hostname));
  return Object.freeze({
    ...base,
    ...(url.port !== '' ? { port: Number(url.port) } : {}),
    ...(instanceName !== undefined ? { instanceName } : {}),
    ...(database !== undefined ? { database } : {}),
    ...(url.username !== '' ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.password !== '' ? { password: decodeURIComponent(url.password) } : {}),
  });
}

function quoteValue(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Parses either form: an `mssql://` / `sqlserver://` URL or an ADO.NET connection string. */
export function parseConnectionString(text: string): SqlConnectionSettings {
  const trimmed = text.trim();
  if (/^(mssql|sqlserver):\/\//i.test(trimmed)) {
    return parseMssqlUrl(trimmed.replace(/^sqlserver:/i, 'mssql:'));
  }
  return parseAdoConnectionString(trimmed);
}

/** A one-line description of the target that is safe to log: never the password. */
export function describeConnection(settings: SqlConnectionSettings): string {
  const port = settings.port !== undefined ? `,${settings.port}` : '';
  const instance = settings.instanceName !== undefined ? `\\${settings.instanceName}` : '';
  const user = settings.user !== undefined ? ` as ${settings.user}` : '';
  return `${settings.server}${instance}${port}/${settings.database ?? '(default database)'}${user}`;
}

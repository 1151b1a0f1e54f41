/** The setting an ADO.NET keyword fills, or `ignored` for keywords accepted and not used. */
export type AdoField =
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
export const ADO_KEYWORDS: ReadonlyMap<string, AdoField> = new Map<string, AdoField>([
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

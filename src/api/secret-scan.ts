/**
 * Finds credentials in a request body, at any depth, so they are refused before they could reach the
 * orchestration history (stored in plain text). Returns the JSON paths of the offending fields.
 *
 * A field is refused when its key names a secret (password, pwd, connectionString, secret, accountKey,
 * sas...) or its string value looks like a connection string (`...;Password=...`, `Server=...;`,
 * `AccountKey=...`) or a SAS token (`sig=`).
 */

const SECRET_KEY =
  /^(password|passwd|pwd|secret|clientsecret|connectionstring|connstr|accountkey|sharedaccesskey|sastoken|sas|token|accesstoken)$/i;

const SECRET_VALUE = [
  /(^|;)\s*(password|pwd)\s*=/i,
  /(^|;)\s*(server|data source|address|addr|network address)\s*=[^;]*;/i,
  /(^|;)\s*(accountkey|sharedaccesskey|sharedaccesssignature)\s*=/i,
  /[?&]sig=/i,
];

function looksSecret(value: string): boolean {
  return SECRET_VALUE.some((pattern) => pattern.test(value));
}

export function findSecrets(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return looksSecret(value) ? [path || '(body)'] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findSecrets(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => {
      const childPath = path === '' ? key : `${path}.${key}`;
      const normalised = key.replace(/[-_\s]/g, '');
      return SECRET_KEY.test(normalised) ? [childPath] : findSecrets(child, childPath);
    });
  }
  return [];
}

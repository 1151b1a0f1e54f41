/**
 * Field parsers for app settings. Each returns the parsed value or throws a plain message that says
 * what was expected; the loader prefixes the setting's name.
 */
export type Parser<T> = (raw: string) => T;

export function integer(min: number, max: number): Parser<number> {
  return (raw) => {
    if (!/^\d+$/.test(raw.trim()))
      throw new Error(`expected a whole number from ${min} to ${max}, found "${raw}"`);
    const value = Number(raw.trim());
    if (value < min || value > max)
      throw new Error(`expected a whole number from ${min} to ${max}, found ${value}`);
    return value;
  };
}

export function oneOf<T extends string>(...choices: readonly T[]): Parser<T> {
  return (raw) => {
    const value = raw.trim() as T;
    if (!choices.includes(value)) throw new Error(`expected one of ${choices.join(', ')}, found "${raw}"`);
    return value;
  };
}

/** Comma- or semicolon-separated list; empty entries are ignored. */
export function list<T>(item: Parser<T>): Parser<readonly T[]> {
  return (raw) =>
    raw
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .map((s) => item(s));
}

export const text: Parser<string> = (raw) => raw;

export const containerName: Parser<string> = (raw) => {
  const value = raw.trim();
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(value)) {
    throw new Error(
      `expected a container name of 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit, found "${raw}"`,
    );
  }
  return value;
};

/** A SQL server host name, optionally with a leading `*.` wildcard (`*.database.windows.net`). */
export const serverPattern: Parser<string> = (raw) => {
  const value = raw.trim().toLowerCase();
  if (!/^(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(value)) {
    throw new Error(
      `expected a server host name such as myserver.database.windows.net or *.database.windows.net, found "${raw}"`,
    );
  }
  return value;
};

export interface TargetRule {
  /** Blob service URL of the account, without a trailing slash: https://account.blob.core.windows.net */
  readonly accountUrl: string;
  /** The one container allowed in that account; any container when absent. */
  readonly container?: string;
}

/** `https://account.blob.core.windows.net` or `https://account.blob.core.windows.net/container`. */
export const targetRule: Parser<TargetRule> = (raw) => {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(
      `expected a blob service URL such as https://account.blob.core.windows.net[/container], found "${raw}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`expected an https:// blob service URL, found "${raw}"`);
  }
  if (url.search || url.hash)
    throw new Error(`expected a URL without query or fragment (no SAS tokens), found "${raw}"`);
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  // Azurite and other emulators put the account name in the first path segment.
  const emulator = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  const accountSegments = emulator ? 1 : 0;
  if (segments.length > accountSegments + 1) {
    throw new Error(`expected at most one container after the account URL, found "${raw}"`);
  }
  const accountUrl = `${url.protocol}//${url.host}${segments
    .slice(0, accountSegments)
    .map((s) => `/${s}`)
    .join('')}`;
  const container = segments[accountSegments];
  return container === undefined ? { accountUrl } : { accountUrl, container: containerName(container) };
};

/** Six-field NCRONTAB expression (second minute hour day month day-of-week), checked for shape only. */
export const ncrontab: Parser<string> = (raw) => {
  const fields = raw.trim().split(/\s+/);
  if (fields.length !== 6 || !fields.every((f) => /^[\d*/,\-A-Za-z]+$/.test(f))) {
    throw new Error(`expected a six-field NCRONTAB expression such as "0 0 2 * * *", found "${raw}"`);
  }
  return fields.join(' ');
};

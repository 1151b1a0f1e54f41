import { StorageError } from './errors';

/**
 * Naming rules for where a BACPAC is written. Each checker returns every broken rule as a message that
 * starts with the field path (`target.blobName: must end with ".bacpac"`); an empty list means valid.
 *
 * Container names follow Azure's rules: 3-63 characters of lowercase letters, digits and hyphens,
 * starting and ending with a letter or digit, with no two hyphens in a row.
 *
 * BACPAC blob names follow the product's rules, stricter than Azure's: fewer than 128 characters, no
 * control characters, none of  space < > * % & : \ / ?  (so no virtual folders), not ending with ".",
 * and ending with ".bacpac" after a non-empty stem.
 */

const FORBIDDEN_BLOB_CHARACTERS = [' ', '<', '>', '*', '%', '&', ':', '\\', '/', '?'];
const BACPAC_SUFFIX = '.bacpac';
const MAX_BLOB_NAME_CHARACTERS = 127;

function describe(character: string): string {
  return character === ' ' ? 'a space' : `"${character}"`;
}

export function containerNameProblems(name: string, field = 'target.container'): string[] {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63) {
    problems.push(`${field}: must be 3 to 63 characters long (found ${name.length})`);
  }
  const invalid = [...new Set(name.replace(/[a-z0-9-]/g, ''))];
  if (invalid.length > 0) {
    problems.push(
      `${field}: must contain only lowercase letters, digits and hyphens (found ${invalid.map(describe).join(', ')})`,
    );
  }
  // Other characters are reported above; only a hyphen can be valid inside the name and not at its ends.
  if (name.startsWith('-')) problems.push(`${field}: must start with a letter or digit`);
  if (name.endsWith('-')) problems.push(`${field}: must end with a letter or digit`);
  if (name.includes('--')) problems.push(`${field}: must not contain consecutive hyphens`);
  return problems;
}

export function bacpacBlobNameProblems(name: string, field = 'target.blobName'): string[] {
  const problems: string[] = [];
  const characters = [...name];
  if (characters.length > MAX_BLOB_NAME_CHARACTERS) {
    problems.push(`${field}: must be fewer than 128 characters (found ${characters.length})`);
  }
  const forbidden = FORBIDDEN_BLOB_CHARACTERS.filter((c) => name.includes(c));
  if (forbidden.length > 0) {
    problems.push(`${field}: must not contain ${forbidden.map(describe).join(', ')}`);
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rule rejects
  if (/[\u0000-\u001f\u007f]/.test(name)) problems.push(`${field}: must not contain control characters`);
  if (name.endsWith('.')) problems.push(`${field}: must not end with "."`);
  if (!name.endsWith(BACPAC_SUFFIX)) {
    problems.push(`${field}: must end with "${BACPAC_SUFFIX}"`);
  } else if (name.length === BACPAC_SUFFIX.length) {
    problems.push(`${field}: must have a name before "${BACPAC_SUFFIX}"`);
  }
  return problems;
}

function assertNoProblems(problems: string[], details: Record<string, unknown>): void {
  if (problems.length > 0) throw new StorageError('STORAGE_INVALID_NAME', problems.join('; '), details);
}

/** Throws STORAGE_INVALID_NAME listing every rule the container name breaks. */
export function assertContainerName(name: string, field = 'target.container'): void {
  assertNoProblems(containerNameProblems(name, field), { field, name });
}

/** Throws STORAGE_INVALID_NAME listing every rule the BACPAC blob name breaks. */
export function assertBacpacBlobName(name: string, field = 'target.blobName'): void {
  assertNoProblems(bacpacBlobNameProblems(name, field), { field, name });
}

/**
 * The name of the Azure SQL Database copy an export with `consistency: "copy"` reads:
 * `<database>_bacpac_<tag>`, where the tag is the first 8 letters and digits of the run id (the
 * first 8 hex digits of a UUID run id). The name is a pure function of the database and the run, so
 * the orchestrator, a retried activity and the cancel handler all find the same copy. It fits a
 * sysname (at most 128 UTF-16 code units): a long database name is shortened, never the tag.
 */
export const COPY_NAME_INFIX = '_bacpac_';
const TAG_LENGTH = 8;
const SYSNAME_MAX = 128;

export function copyDatabaseName(database: string, runId: string): string {
  const tag = runId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, TAG_LENGTH)
    .toLowerCase();
  if (tag.length === 0) {
    throw new Error(`[COPY_NAME_INVALID] run id "${runId}" has no letters or digits to name a database copy`);
  }
  let base = database.slice(0, SYSNAME_MAX - COPY_NAME_INFIX.length - tag.length);
  // Never cut a surrogate pair in half.
  if (/[\uD800-\uDBFF]$/.test(base)) base = base.slice(0, -1);
  return `${base}${COPY_NAME_INFIX}${tag}`;
}

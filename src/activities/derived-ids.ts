import { createHash } from 'node:crypto';

/**
 * Identifiers derived from the run id, so assembling the same run twice gives the same bytes
 * (relationship ids and the Origin.xml identity look random, as in DacFx's files, but are stable).
 */
function digest(runId: string, purpose: string): string {
  return createHash('sha256').update(`${runId}\u0000${purpose}`).digest('hex');
}

/** `R` + 16 lower-case hex digits, as `_rels/.rels` ids are. */
export function relationshipIdSource(runId: string): () => string {
  let n = 0;
  return () => `R${digest(runId, `rel-${n++}`).slice(0, 16)}`;
}

/** A version-4-shaped GUID for Origin.xml's Operation/Identity. */
export function operationIdentity(runId: string): string {
  const h = digest(runId, 'identity');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

import type { AttachedAnnotation, SqlInlineConstraintAnnotation } from '../../../bacpac/model/types';

/**
 * Disambiguators: small integers, unique in one model, that tell apart elements DacFx cannot tell
 * apart by name. The database options take 1 when something refers to the database; the others
 * start at 5, as in every fixture (constraints SQL Server named itself, an index named like a
 * column of its table, a login named like a user).
 */
export const DATABASE_DISAMBIGUATOR = 1;
const FIRST = 5;

export interface Disambiguators {
  next(): number;
}

export function createDisambiguators(): Disambiguators {
  let n = FIRST;
  return { next: () => n++ };
}

/** The annotation that ends an unnamed constraint: its real name and its disambiguator. */
export function inlineConstraint(name: string, disambiguator: number): SqlInlineConstraintAnnotation {
  return { type: 'SqlInlineConstraintAnnotation', name, disambiguator, properties: {} };
}

/** The owner's side (the column for a default, the table for the others). */
export function attached(disambiguator: number): AttachedAnnotation {
  return { type: 'AttachedAnnotation', disambiguator };
}

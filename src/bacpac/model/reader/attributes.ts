import { modelError } from '../model-error';
import type { Attributes } from './frames';

/** Rejects any attribute of a tag that is not in the allowed list. */
export function checkAttributes(attrs: Attributes, allowed: readonly string[], tag: string): void {
  for (const key of Object.keys(attrs)) {
    if (!allowed.includes(key)) {
      throw modelError('MODEL_UNKNOWN_ATTRIBUTE', `<${tag}> has unknown attribute ${key}="${attrs[key]}"`);
    }
  }
}

/** The Disambiguator attribute: absent, or a positive integer. */
export function disambiguatorOf(attrs: Attributes, where: string): number | undefined {
  const d = attrs.Disambiguator;
  if (d === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(d)) {
    throw modelError('MODEL_BAD_VALUE', `${where}: Disambiguator expected a positive integer, found ${d}`);
  }
  return Number(d);
}

/** What a relationship's entries may hold, in words for error messages. */
export function describeEntries(entries: 'references' | readonly string[]): string {
  return entries === 'references' ? 'references' : `elements of type ${entries.join(' or ')}`;
}

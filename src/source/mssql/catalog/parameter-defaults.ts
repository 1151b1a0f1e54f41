import { tokens } from './module-split';

/** Words that end a parameter's default value in a module header. */
const END_WORDS = new Set(['OUTPUT', 'OUT', 'READONLY', 'AS', 'WITH', 'FOR', 'RETURNS']);

export interface HeaderFacts {
  /** Default expression text by parameter name (`@a` -> `1`), as written in the header. */
  readonly defaults: ReadonlyMap<string, string>;
  /** The table variable of a multi-statement function (`RETURNS @t TABLE (...)`). */
  readonly returnTableVariable?: string;
}

/**
 * Reads parameter defaults and the returned table variable from a module header (the text up to
 * the `AS` before the body). sys.parameters keeps no defaults for T-SQL modules, so the header is
 * the only source: after `@name type =` the default runs to the next `,` at the same depth, to the
 * closing parenthesis of the list, or to OUTPUT / READONLY / AS / WITH / FOR / RETURNS.
 */
export function readHeaderFacts(header: string): HeaderFacts {
  const defaults = new Map<string, string>();
  let depth = 0;
  let current: { name: string; depth: number } | undefined;
  let valueStart: number | undefined;
  let afterReturns = false;
  let returnTableVariable: string | undefined;
  const finish = (end: number): void => {
    if (current !== undefined && valueStart !== undefined) {
      defaults.set(current.name, header.slice(valueStart, end).trim());
    }
    current = undefined;
    valueStart = undefined;
  };
  for (const t of tokens(header)) {
    const upper = t.text.toUpperCase();
    if (afterReturns) {
      if (t.text.startsWith('@')) returnTableVariable = t.text;
      break;
    }
    if (t.text === '(') {
      depth++;
      continue;
    }
    if (t.text === ')') {
      depth--;
      if (current !== undefined && depth < current.depth) finish(t.start);
      continue;
    }
    if (current !== undefined && depth === current.depth) {
      if (t.text === ',' || END_WORDS.has(upper)) finish(t.start);
      else if (t.text === '=' && valueStart === undefined) {
        valueStart = t.end;
        continue;
      }
    }
    if (depth === 0 && upper === 'RETURNS') {
      finish(t.start);
      afterReturns = true;
      continue;
    }
    if (current === undefined && t.text.startsWith('@') && !t.text.startsWith('@@')) {
      current = { name: t.text, depth };
    }
  }
  finish(header.length);
  return {
    defaults,
    ...(returnTableVariable !== undefined ? { returnTableVariable } : {}),
  };
}

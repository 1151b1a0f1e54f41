import { configError } from './connection-string-error';

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

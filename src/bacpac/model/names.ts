import { BacpacError } from '../errors';

/**
 * Multi-part names as model.xml writes them: every part in square brackets, parts joined by `.`,
 * and a `]` inside a part doubled as in T-SQL (`[a]]b]`). `[dbo].[Order Details].[Col]` has the
 * parts `dbo`, `Order Details` and `Col`.
 */
export function parseName(text: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '[') throw invalidName(text, i, 'expected "["');
    let part = '';
    i++;
    for (;;) {
      if (i >= text.length) throw invalidName(text, i, 'expected "]" before the end');
      const c = text[i] as string;
      if (c === ']') {
        if (text[i + 1] === ']') {
          part += ']';
          i += 2;
          continue;
        }
        i++;
        break;
      }
      part += c;
      i++;
    }
    parts.push(part);
    if (i < text.length) {
      if (text[i] !== '.') throw invalidName(text, i, 'expected "." between parts');
      i++;
      if (i >= text.length) throw invalidName(text, i, 'expected a part after "."');
    }
  }
  if (parts.length === 0) throw invalidName(text, 0, 'expected at least one part');
  return parts;
}

/** Formats name parts back into the bracketed form (`['a]b']` becomes `[a]]b]`). */
export function formatName(parts: readonly string[]): string {
  return parts.map((p) => `[${p.replaceAll(']', ']]')}]`).join('.');
}

function invalidName(text: string, at: number, expected: string): BacpacError {
  return new BacpacError('MODEL_NAME_INVALID', `name ${JSON.stringify(text)} at offset ${at}: ${expected}`, {
    name: text,
  });
}

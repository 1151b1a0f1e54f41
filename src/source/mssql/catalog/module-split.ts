/**
 * Splits a module definition (sys.sql_modules.definition) into the header (`CREATE VIEW ... AS`)
 * and the body that model.xml stores. The body starts right after the `AS` keyword that ends the
 * header: the first `AS` outside parentheses, comments, strings and quoted identifiers that does not
 * belong to `EXECUTE AS` or to a parameter declaration (`@p AS int`). For an inline table-valued
 * function the body is the query after `RETURN`, and a trailing `;` is the footer.
 */
export interface ModuleParts {
  readonly header: string;
  readonly body: string;
  readonly footer?: string;
}

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Significant tokens (words, variables, punctuation) with comments, strings and whitespace skipped. */
export function* tokens(sql: string): Generator<Token> {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'" || c === '"' || c === '[') {
      const close = c === '[' ? ']' : c;
      const start = i;
      i++;
      while (i < sql.length) {
        if (sql[i] === close) {
          if (sql[i + 1] === close) i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
      yield { text: sql.slice(start, i), start, end: i };
    } else if (/[\w@#$]/.test(c)) {
      const start = i;
      while (i < sql.length && /[\w@#$]/.test(sql[i] as string)) i++;
      yield { text: sql.slice(start, i), start, end: i };
    } else {
      yield { text: c, start: i, end: i + 1 };
      i++;
    }
  }
}

export function splitModuleDefinition(definition: string, objectType: string): ModuleParts | undefined {
  let depth = 0;
  let previous: Token | undefined;
  let asToken: Token | undefined;
  const iterator = tokens(definition);
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    const token = step.value;
    const upper = token.text.toUpperCase();
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (depth === 0 && upper === 'AS') {
      const prev = previous?.text.toUpperCase();
      const afterExecute = prev === 'EXECUTE' || prev === 'EXEC';
      const afterVariable = previous !== undefined && previous.text.startsWith('@');
      if (!afterExecute && !afterVariable) {
        asToken = token;
        break;
      }
    }
    previous = token;
  }
  if (asToken === undefined) return undefined;
  let headerEnd = asToken.end;
  if (objectType === 'IF') {
    const next = iterator.next();
    if (!next.done && next.value.text.toUpperCase() === 'RETURN') headerEnd = next.value.end;
  }
  let body = definition.slice(headerEnd);
  let footer: string | undefined;
  if (objectType === 'IF') {
    const trimmed = body.replace(/\s+$/, '');
    if (trimmed.endsWith(';')) {
      footer = ';';
      body = trimmed.slice(0, -1);
    }
  }
  return { header: definition.slice(0, headerEnd), body, ...(footer !== undefined ? { footer } : {}) };
}

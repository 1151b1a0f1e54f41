/** Quotes one identifier part for T-SQL: `Order Details` -> `[Order Details]`, `a]b` -> `[a]]b]`. */
export function quoteName(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

/** `[schema].[name]`. */
export function quoteTwoPart(schema: string, name: string): string {
  return `${quoteName(schema)}.${quoteName(name)}`;
}

/** A T-SQL Unicode string literal: `N'it''s'`. */
export function unicodeLiteral(text: string): string {
  return `N'${text.replace(/'/g, "''")}'`;
}

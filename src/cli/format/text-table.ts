/**
 * Lays out rows as columns of text padded to the widest cell; columns listed in `right` are aligned
 * to the right (numbers). Each line is indented by `indent` spaces.
 */
export function textTable(
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
  indent = 2,
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map(
    (row) =>
      ' '.repeat(indent) +
      row
        .map((cell, i) => {
          const width = widths[i] ?? 0;
          return right.has(i) ? cell.padStart(width) : i === row.length - 1 ? cell : cell.padEnd(width);
        })
        .join('  '),
  );
}

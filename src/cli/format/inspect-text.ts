import type { InspectReport } from '../../bacpac/inspect';
import { textTable } from './text-table';

const RIGHT = new Set([1, 2, 3, 4]);

/** The human-readable form of an inspect report. */
export function formatInspect(file: string, report: InspectReport): string {
  const serverFirstLine = report.serverVersion.split('\n')[0]?.trim() ?? '';
  const origin = report.originRowTotal === undefined ? '' : ` (Origin.xml total ${report.originRowTotal})`;
  const lines = [
    `File:         ${file}`,
    `Database:     ${report.databaseName}`,
    `Provider:     ${report.provider} (model.xml SchemaVersion ${report.schemaVersion})`,
    `DacFx:        ${report.productVersion}`,
    `Server:       ${serverFirstLine}`,
    `Exported:     ${report.exportStarted}`,
    `ZIP:          family ${report.zipFamily}, ${report.entryCount} entries${report.zip64 ? ', ZIP64' : ''}`,
  ];
  if (report.sourceDatabaseSizeKb !== undefined)
    lines.push(`Source size:  ${report.sourceDatabaseSizeKb} KB`);
  lines.push(`Rows:         ${report.rowTotal}${origin}`, '', `Tables (${report.tables.length}):`);
  const rows: string[][] = [['table / part', 'parts', 'rows', 'stored', 'size']];
  for (const table of report.tables) {
    const stored = table.parts.reduce((n, p) => n + p.compressedSize, 0);
    const size = table.parts.reduce((n, p) => n + p.size, 0);
    rows.push([
      `${table.schema}.${table.name}`,
      String(table.parts.length),
      table.rows === undefined ? '?' : String(table.rows),
      String(stored),
      String(size),
    ]);
    if (table.parts.length > 1) {
      for (const part of table.parts) {
        const file = part.name.slice(part.name.lastIndexOf('/') + 1);
        rows.push([
          `  ${file}`,
          '',
          part.rows === undefined ? '?' : String(part.rows),
          String(part.compressedSize),
          String(part.size),
        ]);
      }
    }
  }
  lines.push(...textTable(rows, RIGHT));
  const failed = report.tables.flatMap((t) => t.parts.filter((p) => p.error !== undefined));
  if (failed.length > 0) {
    lines.push('', 'Parts whose rows could not be counted (run verify for details):');
    for (const part of failed) lines.push(`  ${part.name}: ${part.error}`);
  }
  const counts = Object.entries(report.objectCounts);
  lines.push('', `Object counts (Origin.xml, ${counts.length} types):`);
  lines.push(
    ...textTable(
      counts.map(([type, count]) => [type, String(count)]),
      new Set([1]),
    ),
  );
  return `${lines.join('\n')}\n`;
}

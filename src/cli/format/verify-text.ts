import type { VerifyProblem, VerifyReport } from '../../bacpac/verify';

function problemLine(problem: VerifyProblem): string {
  return `  ${problem.severity === 'error' ? 'error  ' : 'warning'} [${problem.code}] ${problem.message}`;
}

/** The human-readable form of a verify report: a verdict line, then every problem. */
export function formatVerify(file: string, report: VerifyReport): string {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  const tablesWithRows = report.tables.filter((t) => t.rows > 0).length;
  const summary =
    `${report.tables.length} tables (${tablesWithRows} with rows), ${report.dataPartCount} data parts, ` +
    `${report.rowsTotal} rows decoded`;
  const lines: string[] = [];
  if (report.ok) {
    lines.push(`VALID: ${file}`, `  ${summary}; model.xml checksum matches Origin.xml`);
  } else {
    lines.push(`INVALID: ${file}: ${errors.length} error(s), ${warnings.length} warning(s)`, `  ${summary}`);
  }
  if (report.problems.length > 0) {
    lines.push('', 'Problems:');
    for (const problem of [...errors, ...warnings]) lines.push(problemLine(problem));
  }
  return `${lines.join('\n')}\n`;
}

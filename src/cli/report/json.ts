import type { FileReport } from '../file-finding';

/** One object per file: path, title, counts and findings (offsets, line/column, rule, source). */
export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({
    filePath: r.path,
    title: r.title,
    errorCount: r.findings.filter((f) => f.severity === 'error').length,
    warningCount: r.findings.filter((f) => f.severity === 'warning').length,
    infoCount: r.findings.filter((f) => f.severity === 'info').length,
    findings: r.findings,
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
}

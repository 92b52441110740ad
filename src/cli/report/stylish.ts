import type { FileReport } from '../file-finding';
import type { Style } from '../style';

type Paint = (style: Style | Style[], text: string) => string;

const SEVERITY_LABEL = { error: 'error', warning: 'warning', info: 'info' } as const;
const SEVERITY_STYLE: Record<'error' | 'warning' | 'info', Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * ESLint's "stylish" layout: the file, then one line per finding with line:column, severity,
 * message and rule id, and the rule's source dimmed underneath; a summary line at the end.
 */
export function formatStylish(reports: readonly FileReport[], paint: Paint): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const report of reports) {
    if (!report.findings.length) continue;
    out += `\n${paint('underline', report.path)}\n`;
    const place = report.findings.map((f) => `${f.line}:${f.column}`);
    const placeWidth = Math.max(...place.map((p) => p.length));
    report.findings.forEach((f, i) => {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      const severity = paint(SEVERITY_STYLE[f.severity], SEVERITY_LABEL[f.severity].padEnd(7));
      out += `  ${paint('dim', place[i]!.padEnd(placeWidth))}  ${severity}  ${f.message.replace(/\n/g, ' ')}  ${paint('dim', f.ruleId)}\n`;
      if (f.source) out += `  ${' '.repeat(placeWidth)}  ${' '.repeat(7)}  ${paint('dim', `来源 source: ${f.source}`)}\n`;
    });
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''}) · 共 ${total} 个问题（错误 ${errors}，警告 ${warnings}${infos ? `，提示 ${infos}` : ''}）`;
  return `${out}\n${paint(['bold', errors ? 'red' : 'yellow'], summary)}\n`;
}

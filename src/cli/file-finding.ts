import { LineIndex, type Finding, type Severity } from '../findings/index';

/** A finding placed in a file: offsets into the file's text, start and end line:column. */
export interface FileFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  excerpt: string;
  source?: string;
  suggestions?: string[];
  /** The channel a channel finding is about. */
  channel?: string;
}

/** Places a finding whose offsets are into `text` (already shifted by the caller). */
export function placeFinding(index: LineIndex, f: Pick<Finding, 'ruleId' | 'severity' | 'message' | 'start' | 'end' | 'source' | 'suggestions'>, channel?: string): FileFinding {
  const start = Math.max(0, Math.min(f.start, index.text.length));
  const end = Math.max(start, Math.min(f.end, index.text.length));
  const from = index.locate(start);
  const to = index.locate(end);
  const out: FileFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    start,
    end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    excerpt: index.text.slice(start, end),
  };
  if (f.source !== undefined) out.source = f.source;
  if (f.suggestions?.length) out.suggestions = f.suggestions;
  if (channel !== undefined) out.channel = channel;
  return out;
}

/** Orders findings by place, then severity, then rule. */
export function byPlace(a: FileFinding, b: FileFinding): number {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return a.start - b.start || a.end - b.end || rank[a.severity] - rank[b.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** One checked file and what was found in it. */
export interface FileReport {
  path: string;
  title: string;
  findings: FileFinding[];
}

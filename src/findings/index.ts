export type { Finding, FindingInput, Fix, Severity } from './finding';
export { LineIndex, lineColumn } from './line-index';
export { createFinding, hasErrors, sortFindings } from './create-finding';

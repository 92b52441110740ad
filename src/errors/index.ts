export { ERROR_CODES, GovpubError, isGovpubError } from './govpub-error';
export type { GovpubErrorCode, ValidationIssue } from './govpub-error';
export { parseOrThrow, toValidationIssues, validationError } from './validate';
export type { ToValidationIssuesOptions } from './validate';

export { ERROR_CODES } from './codes';
export type { GovpubErrorCode } from './codes';
export { GovpubError, GovpubErrorOf, isGovpubError } from './govpub-error';
export type { GovpubErrorConstructor, GovpubErrorFor, GovpubErrorOptions } from './govpub-error';
export type {
  ChecksFailedErrorDetails,
  ClearanceErrorDetails,
  ConflictErrorDetails,
  ForbiddenErrorDetails,
  GovpubErrorDetails,
  GovpubErrorDetailsMap,
  InvalidTransitionErrorDetails,
  NotFoundErrorDetails,
  RefusalReason,
  ReportedFinding,
  StorageErrorDetails,
  ValidationErrorDetails,
  ValidationIssue,
} from './details';
export { parseOrThrow, toValidationIssues, validationError } from './validate';
export type { ToValidationIssuesOptions } from './validate';
export { safeParseWithMessages } from './zod-messages';

export { inspect } from './inspect';
export type { InspectInput } from './inspect';
export { cadenceAlerts } from './cadence-alerts';
export type { CadenceAlert, CadenceAlertsInput } from './cadence-alerts';
export { inspectionToCSV, inspectionToJSON } from './export-data';
export { NATIONAL_MAX_GAP_DAYS } from './silence';
export { ORIGINAL_SHARE } from './account-tally';
export { countMessages, REPLY_REVIEW_STEPS } from './messages-count';
export type { MessageCounts } from './messages-count';
export { inboundMessageSchema, inspectionAccountSchema, publicationRecordSchema, cadenceSchema } from './schemas';
export type { InspectionLocale } from './messages';
export type {
  AccountInspection,
  Cadence,
  RecordDeliveryState,
  Gap,
  InboundMessage,
  InspectionAccount,
  InspectionReason,
  InspectionReasonCode,
  InspectionResult,
  InspectionVerdict,
  PublicationRecord,
  ReasonSeverity,
  Reply,
  ReplyReviewStep,
} from './types';
export { renderInspectionReport } from './render-report';
export type { RenderInspectionOptions } from './render-report';
export { publicationRecords, collectPublicationRecords, defaultAccounts, findingCategory, CHANNEL_ACCOUNT_NAMES } from './storage-records';
export type { PublicationRecordsOptions } from './storage-records';
export { inspectStorage, cadenceAlertsFromStorage } from './inspect-storage';
export type { InspectStorageOptions, CadenceAlertsFromStorageOptions } from './inspect-storage';
export { recordsFromDocumentAlone } from './storage-records';
export { storedPublicationFacts } from './storage-records';
export type { DeliveryStateOf } from './records-from-facts';

/**
 * govpub: the publishing workflow of a government new-media office, as a library.
 *
 * The root names what hosts need. Helpers for adapter authors (cursors, list queries) are
 * in `govpub/storage`; internals (the machine, schemas, the Markdown source) are not exported.
 *
 * @packageDocumentation
 */
export {
  ERROR_CODES,
  GovpubError,
  isGovpubError,
  GovpubErrorOf,
} from './errors/index';
export type {
  GovpubErrorCode,
  ValidationIssue,
  ChecksFailedErrorDetails,
  ClearanceErrorDetails,
  ConflictErrorDetails,
  ForbiddenErrorDetails,
  GovpubErrorConstructor,
  GovpubErrorDetails,
  GovpubErrorDetailsMap,
  GovpubErrorFor,
  GovpubErrorOptions,
  InvalidTransitionErrorDetails,
  NotFoundErrorDetails,
  RefusalReason,
  ReportedFinding,
  StorageErrorDetails,
  ValidationErrorDetails,
} from './errors/index';
export * from './findings/index';
export {
  countGraphemes,
  countOne,
  foldTraditional,
  foldTraditionalCode,
  graphemes,
  LOCALES,
  MAX_TEXT_LENGTH,
  normalizeText,
  normalizeUnits,
  toOriginalSpan,
  truncate,
  visibleText,
} from './text/index';
export type { Measure, NormalizeOptions, NormalizedText, NormalizedUnits, TruncateOptions, VisibleText, VisibleTextOptions } from './text/index';
export { canonicalJson, sha256Hex } from './hash/index';
export * from './confidentiality/index';
export {
  BUILTIN_CHECK_IDS,
  FACT_RULE_ID,
  applyFixes,
  checkCaliber,
  defineRuleSet,
  describeBuiltinCheck,
  parseFigure,
  toChineseNumeral,
  zhGovRules,
  // The built-in packs, the default set and the leader roster (issue 11).
  agencyRenameRules,
  BUILTIN_PACKS,
  defaultRuleSets,
  defineRoster,
  findNonWords,
  loadDictionaries,
  dictionariesLoaded,
  ROSTER_RULE_IDS,
  spamRules,
  xinhuaRules,
  zhGovDeDiDe,
  zhGovNonWords,
  zhGovTypos,
} from './caliber/index';
export type {
  BannedRule,
  BuiltinCheckId,
  BuiltinRule,
  CaliberOptions,
  ConsistencyRule,
  DictionaryEntry,
  DictionaryRule,
  Fact,
  Figure,
  FixableFinding,
  ApplyFixesOptions,
  Leader,
  NonWordHit,
  Roster,
  RegexRule,
  ReplaceRule,
  Rule,
  RuleBase,
  RuleSet,
  RuleSpec,
  RuleType,
  TitleRule,
} from './caliber/index';
export {
  createDuplicateIndex,
  loadDuplicateIndex,
  originality,
} from './duplicates/index';
export type {
  DuplicateFingerprint,
  DuplicateIndex,
  DuplicateIndexJSON,
  DuplicateIndexJSONDocument,
  DuplicateIndexOptions,
  DuplicateIndexParameters,
  DuplicateIndexStats,
  DuplicateMatch,
  DuplicatePassage,
  DuplicateQueryOptions,
} from './duplicates/index';
export {
  BUILT_IN_CHANNELS,
  CHANNEL_LIMITS,
  DEFAULT_WECHAT_THEME,
  WECHAT_THEME_KEYS,
  articleUuid,
  channelFinding,
  checkLength,
  defineChannel,
  displayWidth,
  formatAll,
  formatFor,
  isCustomChannel,
  renderFeed,
  renderPreview,
  resolveChannel,
  smsSegments,
  hasLinkOnDomain,
  weiboLength,
  weiboMeasure,
  // What channels render, field by field, and the personal data and markings in it (issue 13 §2).
  articleSchema,
  detectSensitiveInArticle,
  instantSchema,
  MAX_BODY_LENGTH,
  MAX_FIELD_LENGTH,
  visibleFields,
} from './channels/index';
export type {
  Article,
  BodyNote,
  BodyNoteCode,
  BuiltInChannelId,
  ChannelDefinition,
  ChannelFinding,
  ChannelFindingInput,
  ChannelLimit,
  ChannelOptionsMap,
  ChannelOutput,
  ChannelPayloads,
  ChannelSpec,
  FeedFormat,
  FeedInfo,
  FeedPerson,
  FormatContext,
  FormatOptions,
  FormatResult,
  HtmlProfile,
  LengthCheck,
  LimitUnit,
  PreviewOptions,
  PushOptions,
  PushPayload,
  RssOptions,
  RssPayload,
  SmsOptions,
  SmsPayload,
  WebsiteMeta,
  WebsiteOptions,
  WebsitePayload,
  WechatOptions,
  WechatPayload,
  WechatTheme,
  WechatThemeKey,
  WeiboOptions,
  WeiboPayload,
} from './channels/index';
export { DELIVERY_EVENT_TYPES, DOCUMENT_STATES, ROLES } from './document/index';
export type { Actor, AuditEvent, AuditEventType, DocumentState, GovDocument, PublishedOutput, PublishedRevision, RetrospectiveReview, ReviewStep, Role, Signature, Waiver } from './document/index';
export {
  memoryAdapter,
} from './storage/index';
export type {
  ArtifactStore,
  CommitRequest,
  ListPage,
  ListQuery,
  StorageAdapter,
} from './storage/index';
export {
  ACTIONS,
  DEFAULT_PERMISSIONS,
  DEFAULT_REVIEW_STEPS,
  DUPLICATES_ARTIFACT_KIND,
  GENESIS_HASH,
  LEVEL_BELOW_REQUIRED,
  caliberGate,
  confidentialityGate,
  createPublisher,
  duplicatesGate,
  freshWorkflowFields,
  verifyChain,
} from './workflow/index';
export type {
  Action,
  CaliberGateOptions,
  ChainVerification,
  ConfidentialityGateOptions,
  DraftInput,
  DraftPatch,
  DuplicatesGate,
  DuplicatesGateOptions,
  FreshWorkflowFields,
  Gate,
  GateChannel,
  GateContext,
  GatePhase,
  Permission,
  Permissions,
  PublishResult,
  Publisher,
  PublisherChannelOptions,
  PublisherOptions,
  Reason,
  ReviewDecision,
  WaiverInput,
} from './workflow/index';

// Tracing a circulating copy back to the revision it derives from (issue 16).
export { compareWithRevision, indexRevisions, renderTrace, trace } from './trace/index';
export { revisionFromStorage, storedRevisions, traceInStorage } from './trace/index';
export type { TraceInStorageOptions } from './trace/index';
export type {
  FactChange,
  FactKind,
  PublishedRevision as TracedRevision,
  RenderTraceOptions,
  RevisionComparison,
  RevisionLookup,
  TraceOptions,
  TraceReason,
  TraceReasonCode,
  TraceResult,
  TraceVerdict,
} from './trace/index';

// Inspection readiness: cadence, the 14-day rule and the report (issue 16).
export {
  cadenceAlerts,
  countMessages,
  inspect,
  inspectionToCSV,
  inspectionToJSON,
  NATIONAL_MAX_GAP_DAYS,
  renderInspectionReport,
  REPLY_REVIEW_STEPS,
} from './inspection/index';
export { cadenceAlertsFromStorage, inspectStorage, publicationRecords } from './inspection/index';
export type { CadenceAlertsFromStorageOptions, InspectStorageOptions, PublicationRecordsOptions } from './inspection/index';
export type {
  AccountInspection,
  CadenceAlert,
  CadenceAlertsInput,
  Cadence,
  InboundMessage,
  InspectInput,
  InspectionAccount,
  InspectionReason,
  InspectionReasonCode,
  InspectionResult,
  InspectionVerdict,
  PublicationRecord,
  RenderInspectionOptions,
  Reply,
} from './inspection/index';

// Delivery: named accounts, the delivery ledger, the worker and the platform transports (issue 14).
export {
  aliyunSmsTransport,
  defineAccounts,
  deliverPending,
  DELIVERY_STATE_LABELS,
  DELIVERY_STATES,
  feedTransport,
  handlePlatformEvent,
  idempotencyKey,
  MANUAL_TASKS,
  memoryDeliveryStore,
  memoryTokenStore,
  storageTokenStore,
  planDeliveries,
  planRemovals,
  pushTransport,
  resolveTargets,
  tencentSmsTransport,
  verifyWebhookSignature,
  webhookTransport,
  wechatTransport,
  weiboTransport,
} from './delivery/index';
export type {
  Account,
  AccountRegistry,
  DeliverPendingOptions,
  DeliverPendingResult,
  Delivery,
  DeliveryError,
  DeliveryReceipt,
  DeliveryState,
  DeliveryStore,
  FetchLike,
  LedgerWrite,
  ManualTask,
  TokenStore,
  Transport,
  TransportContext,
  TransportResult,
} from './delivery/index';

// The audit trail's cryptographic core: content digests, signed heads, checkpoints (issue 13 §3).
export {
  contentDigest,
  createCheckpoint,
  createHeadSigner,
  createHeadVerifier,
  generateSigningKey,
  inclusionProof,
  verifyCheckpoint,
  verifyDocumentAgainstTrail,
  verifyInclusion,
  verifyTrailHead,
} from './workflow/index';
export type {
  Checkpoint,
  CheckpointVerification,
  HeadSignature,
  HeadSigner,
  HeadVerifier,
  InclusionProof,
} from './workflow/index';

// Word drafts in (issue 15 §3).
export { importDocx } from './import/index';
export type { ImportDocxOptions, ImportedDocx, ImportedImage, ImportFinding, ImportFindingDetails } from './import/index';
export { identityKey, sameIdentity } from './document/index';
export type { Dispute } from './document/index';
export type { PublishDueResult } from './workflow/index';
export { REASON_CODES, formatReason } from './workflow/index';
export type { Locale, ReasonCode } from './workflow/index';

// Types the exported functions name, so hosts and the API reference can name them too.
export type { Lexicon } from './caliber/index';
export type { SpeciallyRuledAction } from './workflow/index';
export type { ChangePage } from './storage/index';
export type { FingerprintCandidate, FingerprintCandidateOptions, FingerprintIndex, FingerprintWrite } from './storage/index';
export type { GateCommitParts } from './workflow/index';
export type { MemoryAdapterOptions } from './storage/index';
export { duplicateProbe, fingerprintHashes, fingerprintScheme } from './duplicates/index';
export type { DuplicateProbe, ProbeCandidate } from './duplicates/index';
export type { ArticleSensitiveFinding, MarkdownToken, RenderedHtml, VisibleField } from './channels/index';
export { MarkdownSource } from './channels/index';
export type {
  AccountProfile,
  AliyunSmsConfig,
  BackoffOptions,
  CachedToken,
  ClaimRequest,
  ClaimedDelivery,
  DeliveryHistoryEntry,
  DeliveryKind,
  DeliveryOutcomeEvent,
  DeliveryQuery,
  DeliveryUpdate,
  EnqueueResult,
  FeedTransportConfig,
  HandlePlatformEventOptions,
  Lease,
  MemoryDeliveryStore,
  PlanDeliveriesInput,
  RemovalCause,
  PlatformEventMatch,
  PushTransportConfig,
  ReconcileContext,
  RecordGuard,
  RemoveContext,
  ResolvedTarget,
  TencentSmsConfig,
  VerifyWebhookInput,
  WebhookTransportConfig,
  WechatTransportConfig,
  WeiboTransportConfig,
} from './delivery/index';
export { signWebhook } from './delivery/index';
export type { AlignedPassage, SentenceRef, Span, TraceCandidate, TraceLocale } from './trace/index';
export { storedRevision, storedRevisionId } from './trace/index';
export type { Gap, InspectionLocale, MessageCounts, RecordDeliveryState, ReasonSeverity, ReplyReviewStep } from './inspection/index';
export { ORIGINAL_SHARE, recordsFromDocumentAlone } from './inspection/index';
export { CONTENT_DIGEST_EXCLUDED } from './workflow/index';
export type {
  CheckpointCode,
  CreateCheckpointOptions,
  DigestedEvent,
  DigestibleDocument,
  DocumentHead,
  DocumentTrailCheck,
  GeneratedSigningKey,
  HeadSignerOptions,
  SignatureCheck,
  SignatureCheckCode,
  SignerKey,
  TrailHeadCheck,
  TreeHead,
  VerifierKey,
  VerifyCheckpointOptions,
} from './workflow/index';
export type { DeliveryEventType, SmsRecipients } from './delivery/index';
export type { DocumentTrailCode, SignatureAlgorithm, TrailHeadCode } from './workflow/index';
export { ed25519KeyId, SIGNATURE_ALGORITHMS } from './workflow/index';
export type { HistoryProblemCode, HistoryVerification } from './workflow/index';
export type { HistoryHead, HistoryHeadSignature } from './document/index';
// The reviewers' preview (issue 15 §2): renderPreview's options and publisher.preview.
export type { ChannelLocale, HtmlPageParts, PreviewAccount, PreviewBlocker } from './channels/index';
export { htmlPage, PAGE_CSP } from './channels/index';
export type { PublisherPreview, PublisherPreviewOptions } from './workflow/index';
// Channel messages in Chinese by default, English on request (issue 15 §1).
export { channelMessage, channelName, CHANNEL_MESSAGES } from './channels/index';
export type { ChannelMessageKey } from './channels/index';
export type { PublisherCheckpointOptions, PublisherVerifyCheckpointOptions } from './workflow/index';
// The delivery ledger inside the workflow (issue 14): the storage contract's ledger and the
// publisher's delivery methods.
export type { DeliveryLedger, LedgerUpdate, MemoryLedger } from './storage/index';
export type { OutcomeRecorder } from './delivery/index';
export type { AccountDelivery, DocumentDeliveries, PublisherDeliverOptions, PublisherListQuery, PublisherPlatformEvent } from './workflow/index';

// Inspection at scale and superseded revisions in trace (issue 16 remainder).
export type { PublicationEventFacts, PublicationFacts, PublicationFactsPage, PublicationFactsQuery } from './storage/index';
export { factsFromDocumentAlone, factsOfDocument, standsAlone } from './storage/index';
export type { PublishedOriginality } from './document/index';
export type { DeliveryStateOf } from './inspection/index';
export { storedPublicationFacts } from './inspection/index';
export { revisionsOfDocument } from './trace/index';

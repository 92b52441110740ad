export type { Gate, GateChannel, GateContext, GatePhase } from './gates/gate';
export { caliberGate } from './gates/caliber';
export type { CaliberGateOptions } from './gates/caliber';
export { LEVEL_BELOW_REQUIRED, confidentialityGate } from './gates/confidentiality';
export type { ConfidentialityGateOptions } from './gates/confidentiality';
export { duplicatesGate, DUPLICATES_ARTIFACT_KIND } from './gates/duplicates';
export type { DuplicatesGate, DuplicatesGateOptions } from './gates/duplicates';
export { ACTIONS, DEFAULT_PERMISSIONS, DEFAULT_REVIEW_STEPS } from './policy';
export type { Action, Permissions, Reason, SpeciallyRuledAction } from './policy';
export { GENESIS_HASH, chainEvents, verifyChain } from './audit-chain';
export type { ChainVerification } from './audit-chain';
export { documentMachine } from './machine';
export type { MachineContext, MachineEvent } from './machine';
export { createPublisher } from './create-publisher';
export type { Permission, Publisher, PublisherChannelOptions, PublisherOptions, PublishDueResult, PublishResult } from './publisher-types';
export type { PublisherPreview, PublisherPreviewOptions } from './commands/preview';
export { freshWorkflowFields } from './new-document';
export type { FreshWorkflowFields } from './new-document';
export type { DraftInput, DraftPatch, ReviewDecision, WaiverInput } from './schemas';
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
} from './audit/index';
export type { Checkpoint, CheckpointVerification, HeadSignature, HeadSigner, HeadVerifier, InclusionProof } from './audit/index';
export { REASON_CODES, formatReason } from './reasons';
export type { Locale, ReasonCode } from './reasons';
export { CONTENT_DIGEST_EXCLUDED } from './audit/index';
export type { CheckpointCode, CreateCheckpointOptions, DigestedEvent, DigestibleDocument, DocumentHead, DocumentTrailCheck, GeneratedSigningKey, HeadSignerOptions, SignatureCheck, SignatureCheckCode, SignerKey, TrailHeadCheck, TreeHead, VerifierKey, VerifyCheckpointOptions } from './audit/index';
export { ed25519KeyId, SIGNATURE_ALGORITHMS } from './audit/index';
export type { DocumentTrailCode, SignatureAlgorithm, TrailHeadCode } from './audit/index';
export type { HistoryProblemCode, HistoryVerification } from './commands/history-check';
export type { PublisherCheckpointOptions, PublisherVerifyCheckpointOptions } from './commands/checkpoint';
export type { PublisherDeliverOptions, PublisherPlatformEvent } from './commands/deliver-pending';
export type { AccountDelivery, DocumentDeliveries, PublisherListQuery } from './commands/document-deliveries';
export type { GateCommitParts } from './gates/gate';

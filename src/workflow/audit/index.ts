// The cryptographic core of the audit trail (issue 13 §3): content digests that tie a stored
// document to its trail, signed heads, and Merkle checkpoints in the manner of Certificate
// Transparency. Pure functions; the publisher uses them in commands/template.ts (digest, signed head) and commands/history-check.ts (verifyHistory, publish).
// docs/security.md explains the threat model.

export { CONTENT_DIGEST_DOMAIN, CONTENT_DIGEST_EXCLUDED, contentDigest, digestedContent } from './content-digest';
export type { DigestibleDocument } from './content-digest';
export { verifyDocumentAgainstTrail } from './document-trail';
export type { DigestedEvent, DocumentTrailCheck, DocumentTrailCode } from './document-trail';
export { documentHeadSchema } from './document-head';
export type { DocumentHead } from './document-head';
export { SIGNATURE_ALGORITHMS, MIN_HMAC_SECRET_BYTES, ed25519KeyId, generateSigningKey } from './key-material';
export type { GeneratedSigningKey, SignatureAlgorithm } from './key-material';
export { createHeadSigner } from './head-signer';
export type { HeadSignature, HeadSigner, HeadSignerOptions, SignerKey } from './head-signer';
export { createHeadVerifier } from './head-verifier';
export type { HeadVerifier, SignatureCheck, SignatureCheckCode, VerifierKey } from './head-verifier';
export { treeHeadSchema } from './tree-head';
export type { TreeHead } from './tree-head';
export { merkleInclusionPath, merkleLeafHash, merkleNodeHash, merkleRoot, merkleRootFromPath } from './merkle';
export { headLeafHash, sortHeads } from './heads-tree';
export { checkpointSchema, createCheckpoint, verifyCheckpoint } from './checkpoint';
export type { Checkpoint, CheckpointCode, CheckpointVerification, CreateCheckpointOptions, VerifyCheckpointOptions } from './checkpoint';
export { inclusionProof, verifyInclusion } from './inclusion';
export type { InclusionProof } from './inclusion';
export { headOfTrail, verifyTrailHead } from './trail-head';
export type { TrailHeadCheck, TrailHeadCode } from './trail-head';

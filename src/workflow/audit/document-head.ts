import * as z from 'zod';
import { SHA256_HEX_PATTERN } from './bytes';

/**
 * Where a document's audit trail ends: its last event's `seq` and `hash`, and the
 * {@link contentDigest} of the document that event wrote. Signing a head vouches for the
 * whole trail up to it (each event's hash covers the one before) and for the stored content.
 */
export interface DocumentHead {
  documentId: string;
  seq: number;
  /** The last event's hash: 64 lower-case hex digits. */
  hash: string;
  /** The content digest recorded with that event: 64 lower-case hex digits. */
  contentDigest: string;
}

const sha256Hex = z.string().regex(SHA256_HEX_PATTERN, 'a SHA-256 value: 64 lower-case hex digits');

/** Validates a {@link DocumentHead}; unknown members are refused so nothing unsigned rides along. */
export const documentHeadSchema = z.strictObject({
  documentId: z.string().min(1, 'documentId is required'),
  seq: z.number().int().positive(),
  hash: sha256Hex,
  contentDigest: sha256Hex,
});

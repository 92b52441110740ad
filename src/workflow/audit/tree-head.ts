import * as z from 'zod';
import { SHA256_HEX_PATTERN } from './bytes';

/**
 * What a checkpoint's signature covers: how many document heads the tree holds, its Merkle
 * root, and when it was taken — the signed tree head of RFC 6962 §3.5, minus the log id.
 */
export interface TreeHead {
  treeSize: number;
  /** RFC 6962 Merkle tree hash over the sorted heads, 64 lower-case hex digits. */
  rootHash: string;
  /** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
  at: string;
}

/** ISO 8601 exactly as `toISOString()` writes it, so one instant has one spelling in signed bytes. */
export const isoInstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'an ISO 8601 UTC time as toISOString() writes it')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'not a real date');

/** Validates a {@link TreeHead}. */
export const treeHeadSchema = z.strictObject({
  treeSize: z.number().int().nonnegative(),
  rootHash: z.string().regex(SHA256_HEX_PATTERN, 'a SHA-256 value: 64 lower-case hex digits'),
  at: isoInstantSchema,
});

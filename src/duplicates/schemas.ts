import * as z from 'zod';
import type { DuplicateFingerprint } from './types';

/** An id of an indexed text. */
export const idSchema = z.string().min(1).max(1024);

/** Options of `query`. */
export const querySchema = z.strictObject({
  limit: z.int().min(1).max(1000).optional(),
  exclude: z.array(idSchema).readonly().optional(),
});

/** The shape of a {@link DuplicateFingerprint}; its content is checked against the text on `add`. */
export const fingerprintSchema = z.strictObject({
  format: z.literal('govpub/duplicate-fingerprint'),
  version: z.literal(1),
  key: z.string().regex(/^[0-9a-f]{14}$/),
  scheme: z.string().regex(/^\d+\/\d+$/),
  signature: z.string(),
  fingerprints: z.string(),
});

/** Arguments of `add`: `meta` must be JSON so that `toJSON` can write it. */
export const addSchema = z.tuple([idSchema, z.string(), z.json().optional(), fingerprintSchema.optional()]);

/** Any string; texts of any length are accepted (an empty one matches nothing). */
export const textSchema = z.string();

import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import type { FormatOptions } from './types';
import { localeSchema } from '../text/index';

/**
 * The options every channel accepts: `limits` overrides, the `sourceRevision` to record, and
 * `httpsOnly` (refuse images served over plain http, in the body and as the cover), and the
 * `locale` findings are written in (Chinese by default, `'en'` for English).
 */
export const baseOptionsShape = {
  limits: z.record(z.string(), z.number().finite().nonnegative()).optional(),
  sourceRevision: z.number().int().nonnegative().optional(),
  httpsOnly: z.boolean().optional(),
  locale: localeSchema.optional(),
};

/**
 * Validates a built-in channel's options against its schema (strict: an unknown option is
 * a `VALIDATION` error, so a misspelt `signture` cannot silently send an unsigned SMS).
 */
export function parseChannelOptions<S extends z.ZodRawShape>(
  channel: string,
  shape: S,
  options: FormatOptions,
): z.output<z.ZodObject<S & typeof baseOptionsShape>> {
  return parseOrThrow(z.object({ ...baseOptionsShape, ...shape }).strict(), options, `${channel} options`) as never;
}

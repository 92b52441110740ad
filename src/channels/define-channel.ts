import * as z from 'zod';
import { LEVELS } from '../confidentiality/index';
import { parseOrThrow, validationError } from '../errors/index';
import type { Measure } from '../text/index';
import type { ChannelDefinition, FormatContext, FormatResult, Article } from './types';

/** What {@link defineChannel} takes. */
export interface ChannelSpec<P extends Record<string, unknown> = Record<string, unknown>> {
  /** Lower-case letters, digits and `-`, starting with a letter; not a built-in id. */
  id: string;
  /** The highest level the channel may carry (an intranet may take `internal`). */
  clearance: ChannelDefinition['clearance'];
  /**
   * Limits by name. A limit named like a string field of the payload is enforced on that
   * field automatically (counted with `measure`), as an error finding `too_long`.
   */
  limits?: Record<string, number>;
  /** Weight of one grapheme; default 1. */
  measure?: Measure;
  /** Where each limit comes from, by limit name. */
  limitSources?: Record<string, string>;
  format(article: Article, context: FormatContext): FormatResult<P>;
}

const BUILT_IN_IDS = ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'];

const isFunction = (v: unknown) => typeof v === 'function';

const specSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and -, starting with a letter (at most 40)')
      .refine((id) => !BUILT_IN_IDS.includes(id), { message: 'is a built-in channel id; choose another' }),
    clearance: z.enum(LEVELS),
    limits: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'limit names are identifiers'), z.number().finite().nonnegative()).optional(),
    measure: z.custom<Measure>(isFunction, 'measure must be a function (grapheme) => number').optional(),
    limitSources: z.record(z.string(), z.string()).optional(),
    format: z.custom<ChannelSpec['format']>(isFunction, 'format must be a function (article, context) => { payload, findings }'),
  })
  .strict();

const customChannels = new WeakSet<object>();

/** True when `channel` was made by {@link defineChannel} (its declared limits are enforced on the payload). */
export function isCustomChannel(channel: ChannelDefinition<unknown>): boolean {
  return customChannels.has(channel);
}

/**
 * Defines a channel govpub does not ship (Douyin captions, Toutiao, an intranet), usable
 * wherever a built-in id is: {@link formatFor}, {@link formatAll}, the publisher's
 * `channels.custom`. Validates the spec and throws `VALIDATION` naming each bad field.
 *
 * @example
 * ```ts
 * const douyin = defineChannel({
 *   id: 'douyin-caption',
 *   clearance: 'public',
 *   limits: { caption: 55 },
 *   format: (article, { markdown }) => ({
 *     payload: { caption: `${article.title} ${(article.tags ?? []).map((t) => `#${t}`).join(' ')}` },
 *     findings: [],
 *   }),
 * });
 * formatFor(douyin, article).ok; // false when the caption is over 55 characters
 * ```
 */
export function defineChannel<P extends Record<string, unknown>>(spec: ChannelSpec<P>): ChannelDefinition<P> {
  const parsed = parseOrThrow(specSchema, spec, 'channel definition');
  const limits = parsed.limits ?? {};
  const unknownSources = Object.keys(parsed.limitSources ?? {}).filter((k) => !(k in limits));
  if (unknownSources.length) {
    throw validationError('channel definition', unknownSources.map((k) => ({ path: ['limitSources', k], message: 'no limit of that name' })));
  }
  if (parsed.measure) {
    // A measure that returns NaN or a negative weight would make every limit meaningless.
    for (const probe of ['a', '中', '👍🏽']) {
      const w = parsed.measure(probe);
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
        throw validationError('channel definition', [{ path: ['measure'], message: `must return a finite weight ≥ 0 (got ${String(w)} for ${probe})` }]);
      }
    }
  }
  const definition: ChannelDefinition<P> = {
    id: parsed.id,
    clearance: parsed.clearance,
    limits: Object.freeze({ ...limits }),
    format: spec.format,
    ...(parsed.measure !== undefined && { measure: parsed.measure }),
    ...(parsed.limitSources !== undefined && { limitSources: Object.freeze({ ...parsed.limitSources }) }),
  };
  Object.freeze(definition);
  customChannels.add(definition);
  return definition;
}

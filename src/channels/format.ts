import * as z from 'zod';
import { isLevel } from '../confidentiality/index';
import { GovpubError } from '../errors/index';
import { toValidationIssues, validationError } from '../errors/index';
import { canonicalJson } from '../hash/index';
import { sha256Hex } from '../hash/index';
import { countOne } from '../text/index';
import { quoteValue, requireArray, requireObject } from '../text/index';
import { parseArticle } from './article';
import { channelMessage } from './messages';
import { channelFinding, checkLength } from './channel-finding';
import { isCustomChannel } from './define-channel';
import { MarkdownSource } from './markdown-source';
import { push, type PushOptions, type PushPayload } from './push';
import { rss, type RssOptions, type RssPayload } from './rss';
import { sms, type SmsOptions, type SmsPayload } from './sms';
import type { Article, BuiltInChannelId, ChannelDefinition, ChannelFinding, ChannelOutput, FormatOptions } from './types';
import { website, type WebsiteOptions, type WebsitePayload } from './website';
import { wechat, type WechatOptions, type WechatPayload } from './wechat';
import { weibo, type WeiboOptions, type WeiboPayload } from './weibo';
import { LOCALES } from '../text/index';

/** The payload type of each built-in channel. */
export interface ChannelPayloads {
  wechat: WechatPayload;
  weibo: WeiboPayload;
  website: WebsitePayload;
  push: PushPayload;
  sms: SmsPayload;
  rss: RssPayload;
}

/** The options type of each built-in channel. */
export interface ChannelOptionsMap {
  wechat: WechatOptions;
  weibo: WeiboOptions;
  website: WebsiteOptions;
  push: PushOptions;
  sms: SmsOptions;
  rss: RssOptions;
}

/** The channels govpub ships, by id. */
export const BUILT_IN_CHANNELS: Readonly<{ [K in BuiltInChannelId]: ChannelDefinition<ChannelPayloads[K]> }> = Object.freeze({
  wechat,
  weibo,
  website,
  push,
  sms,
  rss,
});

const definitionShape = z.object({
  id: z.string().min(1),
  clearance: z.custom(isLevel, 'must be a classification level'),
  limits: z.record(z.string(), z.number()),
  format: z.custom((v) => typeof v === 'function', 'must be a function'),
});

/**
 * Finds a channel by id among `custom` (first) and the built-ins, or checks and returns the
 * definition given. Throws `VALIDATION` for an unknown id, listing the known ones.
 *
 * @example
 * ```ts
 * resolveChannel('wechat').clearance; // 'public'
 * resolveChannel('intranet', [intranet]) === intranet; // true
 * ```
 */
export function resolveChannel(channel: string | ChannelDefinition<any>, custom: readonly ChannelDefinition<any>[] = []): ChannelDefinition {
  requireArray(custom, 'resolveChannel', 'custom');
  // An index loop, not forEach: a sparse array's holes must be refused too.
  for (let i = 0; i < custom.length; i++) {
    const c: unknown = custom[i];
    if (typeof c !== 'object' || c === null || typeof (c as { id?: unknown }).id !== 'string') {
      throw validationError('resolveChannel', [{ path: ['custom', i], message: 'expected a channel definition (see defineChannel)' }]);
    }
  }
  if (typeof channel !== 'string') {
    if (typeof channel !== 'object' || channel === null) requireObject(channel, 'channel', 'channel');
    const check = definitionShape.safeParse(channel);
    if (!check.success) {
      throw validationError('channel', toValidationIssues(check.error.issues, { stringPaths: true }));
    }
    return channel as ChannelDefinition;
  }
  const found = custom.find((c) => c.id === channel) ?? (Object.hasOwn(BUILT_IN_CHANNELS, channel) ? BUILT_IN_CHANNELS[channel as BuiltInChannelId] : undefined);
  if (!found) {
    const known = [...custom.map((c) => c.id), ...Object.keys(BUILT_IN_CHANNELS)];
    throw validationError('channel', [{ path: ['channel'], message: `unknown channel ${quoteValue(channel)}; known: ${known.join(', ')}` }]);
  }
  return found as ChannelDefinition;
}

/**
 * Formats `article` for one channel: the payload, its findings, `ok` (no error findings),
 * the `contentHash` of the payload and, when given, the `sourceRevision`.
 *
 * Throws `VALIDATION` for a bad article, an unknown channel, an unknown option or limit name.
 * Problems with the content itself are findings, not exceptions.
 *
 * @example
 * ```ts
 * const out = formatFor('sms', article, { signature: '某某市人民政府', sourceRevision: 3 });
 * if (!out.ok) console.log(out.findings.map((f) => `${f.field}: ${f.message}`));
 * out.payload.segments; // typed: SmsPayload
 * ```
 */
export function formatFor<C extends BuiltInChannelId>(channel: C, article: Article, options?: ChannelOptionsMap[C]): ChannelOutput<ChannelPayloads[C]>;
export function formatFor<P>(channel: ChannelDefinition<P>, article: Article, options?: FormatOptions): ChannelOutput<P>;
export function formatFor(channel: string | ChannelDefinition<any>, article: Article, options?: FormatOptions): ChannelOutput;
export function formatFor(channel: string | ChannelDefinition<any>, article: Article, options: FormatOptions = {}): ChannelOutput {
  const def = resolveChannel(channel);
  const valid = parseArticle(article);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) requireObject(options, `${def.id} options`, 'options');
  return formatWith(def, valid, options, new MarkdownSource(valid.body));
}

/**
 * Formats `article` for several channels at once, lexing and rendering the body once for
 * all of them. `options` are keyed by channel id; ids not among `channels` are ignored.
 *
 * @example
 * ```ts
 * const outputs = formatAll(article, ['wechat', 'weibo', 'sms'], { sms: { signature: '某某市人民政府' } });
 * const blocked = outputs.filter((o) => !o.ok);
 * ```
 */
export function formatAll(
  article: Article,
  channels: readonly (string | ChannelDefinition<any>)[],
  options: Partial<ChannelOptionsMap> & Record<string, FormatOptions> = {},
): ChannelOutput[] {
  if (!Array.isArray(channels)) throw validationError('channels', [{ path: ['channels'], message: 'expected an array of channel ids or definitions' }]);
  if (channels.length > 100) throw validationError('channels', [{ path: ['channels'], message: 'at most 100 channels' }]);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) requireObject(options, 'formatAll options', 'options');
  const defs = channels.map((c) => resolveChannel(c));
  const valid = parseArticle(article);
  const markdown = new MarkdownSource(valid.body);
  return defs.map((def) => formatWith(def, valid, (Object.hasOwn(options, def.id) ? options[def.id] : undefined) ?? {}, markdown));
}

function formatWith(def: ChannelDefinition, article: Article, options: FormatOptions, markdown: MarkdownSource): ChannelOutput {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw validationError(`${def.id} options`, [{ path: [], message: 'expected an object' }]);
  }
  const overrides = options.limits ?? {};
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) requireObject(overrides, `${def.id} options`, 'limits');
  const issues = Object.entries(overrides).flatMap(([name, value]) => {
    if (!Object.hasOwn(def.limits, name)) {
      return [{ path: ['limits', name], message: `${def.id} has no limit named ${name}; known: ${Object.keys(def.limits).join(', ') || 'none'}` }];
    }
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? [] : [{ path: ['limits', name], message: 'must be a finite number ≥ 0' }];
  });
  if (options.httpsOnly !== undefined && typeof options.httpsOnly !== 'boolean') issues.push({ path: ['httpsOnly'], message: 'must be a boolean' });
  if (options.locale !== undefined && !(LOCALES as readonly unknown[]).includes(options.locale)) issues.push({ path: ['locale'], message: `expected one of ${LOCALES.map((l) => `'${l}'`).join(', ')}` });
  if (options.sourceRevision !== undefined && !(Number.isInteger(options.sourceRevision) && options.sourceRevision >= 0)) {
    issues.push({ path: ['sourceRevision'], message: 'must be an integer ≥ 0' });
  }
  if (issues.length) throw validationError(`${def.id} options`, issues);

  const limits = Object.freeze({ ...def.limits, ...overrides });
  const measure = def.measure ?? countOne;
  const result = def.format(article, { options, limits, measure, markdown });
  if (typeof result !== 'object' || result === null || typeof result.payload !== 'object' || result.payload === null || Array.isArray(result.payload) || !Array.isArray(result.findings)) {
    throw new GovpubError('VALIDATION', `Channel ${def.id} returned an invalid result; format must return { payload: object, findings: array }`, {
      details: { issues: [{ path: ['format'], message: 'expected { payload: object, findings: array }' }] },
    });
  }
  const payload = result.payload as Record<string, unknown>;
  const findings: ChannelFinding[] = [...result.findings];
  if (options.httpsOnly === true && article.coverImage !== undefined && /^http:/i.test(article.coverImage)) {
    findings.push(
      channelFinding({
        channel: def.id,
        code: 'insecure_image',
        severity: 'error',
        message: channelMessage('cover_insecure', {}, options.locale),
        field: 'coverImage',
        text: article.coverImage,
        textField: 'coverImage',
        start: 0,
        end: article.coverImage.length,
      }),
    );
  }

  if (isCustomChannel(def)) {
    // Declared limits named like a payload field are enforced, so a custom channel cannot
    // forget the check its own definition promises.
    for (const [name, limit] of Object.entries(limits)) {
      const value = payload[name];
      if (typeof value !== 'string' || findings.some((f) => f.field === name && f.code === 'too_long')) continue;
      const f = checkLength({
        channel: def.id,
        field: name,
        text: value,
        textField: `payload.${name}`,
        locale: options.locale,
        limit,
        measure,
        ...(def.limitSources?.[name] !== undefined && { source: def.limitSources[name] }),
      });
      if (f) findings.push(f);
    }
  }

  const out: ChannelOutput = {
    channel: def.id,
    payload,
    findings,
    ok: !findings.some((f) => f.severity === 'error'),
    contentHash: sha256Hex(canonicalJson(payload)),
  };
  if (options.sourceRevision !== undefined) out.sourceRevision = options.sourceRevision;
  return out;
}

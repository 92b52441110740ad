import * as z from 'zod';
import { countGraphemes, countOne } from '../text/index';
import { requireNumber } from '../text/index';
import { truncate } from '../text/index';
import { channelFinding, checkLength } from './channel-finding';
import { channelMessage } from './messages';
import { builtInBase, limitSources } from './limits';
import { parseChannelOptions } from './options';
import type { ChannelDefinition, ChannelFinding, FormatOptions } from './types';
import { PLAIN_URL, hostOf, hostUnder } from './url';

/** Options of the `sms` channel. */
export interface SmsOptions extends FormatOptions {
  /** The registered signature, without or with its 【】. Required: without it the output is not ok. */
  signature?: string;
  /**
   * Domains links may point to (a domain allows its subdomains). SMS gateways reject or
   * block unregistered links, so any other link in the text is an error, and the article
   * link is left out unless its host is listed.
   */
  linkAllowlist?: string[];
}

/** One text message. */
export interface SmsPayload {
  /** `【signature】title：summary url`. */
  text: string;
  /** Billable segments: 1 up to 70 characters (signature included), else ⌈n / 67⌉. */
  segments: number;
}

const SOURCES = limitSources('sms');

/**
 * How many billable segments a message of `length` characters takes: one up to
 * `single` (70), otherwise ⌈length / `segment`⌉ (67: the concatenation header takes the rest).
 *
 * @example
 * ```ts
 * smsSegments(70) // 1
 * smsSegments(71) // 2
 * smsSegments(135) // 3
 * ```
 */
export function smsSegments(length: number, single = 70, segment = 67): number {
  requireNumber(length, 'smsSegments', 'length');
  requireNumber(single, 'smsSegments', 'single', { integer: true, min: 1 });
  requireNumber(segment, 'smsSegments', 'segment', { integer: true, min: 1 });
  if (length <= 0) return 0;
  return length <= single ? 1 : Math.ceil(length / segment);
}

/**
 * SMS notice: `【signature】` + title (+ `：` + summary) + the article link when allowed.
 * No signature, a signature of the wrong length, a link outside the allowlist or a text over
 * the total limit make the output not ok.
 */
export const sms: ChannelDefinition<SmsPayload> = {
  ...builtInBase('sms'),
  format(article, { options, limits }) {
    const opts = parseChannelOptions(
      'sms',
      { signature: z.string().optional(), linkAllowlist: z.array(z.string().trim().min(1)).optional() },
      options,
    );
    const findings: ChannelFinding[] = [];
    const allow = opts.linkAllowlist ?? [];
    const allowed = (url: string) => {
      const host = hostOf(url);
      return host !== undefined && allow.some((d) => hostUnder(host, d));
    };

    const signatureText = (opts.signature ?? '').trim().replace(/^【|】$/g, '').trim();
    const signature = signatureText ? `【${signatureText}】` : '';

    // Links the author wrote into the title or summary must be registered ones.
    const title = article.title.trim();
    const summary = article.summary?.trim() ?? '';
    for (const [textField, text] of [['title', title], ['summary', summary]] as const) {
      for (const m of text.matchAll(PLAIN_URL)) {
        if (allowed(m[0])) continue;
        findings.push(
          channelFinding({
            channel: 'sms',
            code: 'link_not_allowed',
            severity: 'error',
            message: channelMessage('sms_link_not_allowed', { link: m[0], allow: allow.join(', ') }, opts.locale),
            field: 'text',
            text,
            textField,
            start: m.index,
            end: m.index + m[0].length,
            source: 'SMS gateways require links to be registered with the template',
          }),
        );
      }
    }

    let link = '';
    if (article.url) {
      if (allowed(article.url)) link = ` ${article.url}`;
      else {
        findings.push(
          channelFinding({
            channel: 'sms',
            code: 'link_omitted',
            severity: 'info',
            message: channelMessage('sms_link_omitted', {}, opts.locale),
            field: 'text',
            text: article.url,
            textField: 'url',
            start: 0,
            end: article.url.length,
          }),
        );
      }
    }

    const max = limits.text ?? Infinity;
    const fixed = `${signature}${title}${link}`;
    let lead = summary ? `：${summary}` : '';
    const room = max - countGraphemes(fixed, countOne);
    if (lead && countGraphemes(lead, countOne) > room && room >= 2) {
      const kept = truncate(lead, room, { boundary: 'sentence' });
      findings.push(
        channelFinding({
          channel: 'sms',
          code: 'truncated',
          severity: 'info',
          message: channelMessage('sms_truncated', { max }, opts.locale),
          field: 'text',
          text: summary,
          textField: 'summary',
          start: Math.max(0, kept.length - 2),
          end: summary.length,
          limit: max,
          actual: countGraphemes(fixed + lead, countOne),
          source: SOURCES.text,
        }),
      );
      lead = kept;
    }
    const text = `${signature}${title}${lead}${link}`;

    if (!signatureText) {
      findings.push(
        channelFinding({
          channel: 'sms',
          code: 'missing_signature',
          severity: 'error',
          message: channelMessage('sms_missing_signature', {}, opts.locale),
          field: 'text',
          text,
          textField: 'payload.text',
          start: 0,
          end: 0,
          source: SOURCES.signatureMin,
        }),
      );
    } else {
      const n = countGraphemes(signatureText, countOne);
      const min = limits.signatureMin ?? 0;
      const maxSig = limits.signatureMax ?? Infinity;
      if (n < min || n > maxSig) {
        findings.push(
          channelFinding({
            channel: 'sms',
            code: 'signature_length',
            severity: 'error',
            message: channelMessage('sms_signature_length', { n, min, max: maxSig }, opts.locale),
            field: 'text',
            text,
            textField: 'payload.text',
            start: 0,
            end: signature.length,
            limit: n < min ? min : maxSig,
            actual: n,
            source: SOURCES.signatureMax,
          }),
        );
      }
    }

    const tooLong = checkLength({
      channel: 'sms',
      field: 'text',
      text,
      textField: 'payload.text',
      locale: opts.locale,
      limit: limits.text,
      measure: countOne,
      source: SOURCES.text,
    });
    if (tooLong) findings.push(tooLong);

    const segments = smsSegments(countGraphemes(text, countOne), limits.singleSegment, limits.segment);
    return { payload: { text, segments }, findings };
  },
};

import { countGraphemes, countOne } from '../text/index';
import { truncate } from '../text/index';
import { channelFinding, checkLength } from './channel-finding';
import { channelMessage } from './messages';
import { builtInBase, limitSources } from './limits';
import { displayWidth, utf8Length } from './measures';
import { parseChannelOptions } from './options';
import { leadText } from './text-body';
import type { ChannelDefinition, ChannelFinding, FormatOptions } from './types';

/** Options of the `push` channel: only `limits` (raise them when you target fewer vendors). */
export type PushOptions = FormatOptions;

/** An app notification, the fields every vendor channel has. */
export interface PushPayload {
  title: string;
  body: string;
  /** Opened when the notification is tapped. */
  url?: string;
}

const SOURCES = limitSources('push');

/**
 * App push notification: title and body cut (on grapheme boundaries, never inside an emoji
 * or surrogate pair) to the strictest limits common to the Android vendor channels and APNs,
 * so one payload goes to every phone without a vendor rejecting or mangling it.
 */
export const push: ChannelDefinition<PushPayload> = {
  ...builtInBase('push'),
  measure: displayWidth,
  format(article, { options, limits, markdown }) {
    parseChannelOptions('push', {}, options);
    const findings: ChannelFinding[] = [];
    const fullTitle = article.title.trim();
    // Two limits on the title (vivo counts width, OPPO counts characters): satisfy both.
    let title = truncate(fullTitle, limits.title ?? Infinity, { measure: displayWidth });
    title = truncate(title, limits.titleCharacters ?? Infinity, { measure: countOne });
    const lead = leadText(article, markdown);
    const body = truncate(lead, limits.body ?? Infinity, { measure: displayWidth });

    const cut = (field: 'title' | 'body', original: string, kept: string, limit: number | undefined) => {
      if (kept === original) return;
      findings.push(
        channelFinding({
          channel: 'push',
          code: 'truncated',
          severity: 'info',
          message: channelMessage('push_truncated', { field, limit }, options.locale),
          field,
          text: kept,
          textField: `payload.${field}`,
          start: Math.max(0, kept.length - 1),
          end: kept.length,
          ...(limit !== undefined && { limit }),
          actual: countGraphemes(original, displayWidth),
          source: SOURCES[field],
        }),
      );
    };
    cut('title', fullTitle, title, limits.title);
    cut('body', lead, body, limits.body);

    const payload: PushPayload = { title, body };
    if (article.url) payload.url = article.url;
    const json = JSON.stringify(payload);
    const tooBig = checkLength({
      channel: 'push',
      field: 'url',
      text: json,
      textField: 'payload',
      locale: options.locale,
      limit: limits.payloadBytes,
      measure: utf8Length,
      actual: utf8Length(json),
      unit: 'bytes',
      source: SOURCES.payloadBytes,
    });
    if (tooBig) findings.push(tooBig);
    return { payload, findings };
  },
};

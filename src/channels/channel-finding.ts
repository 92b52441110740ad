import { createFinding } from '../findings/index';
import type { Fix, Severity } from '../findings/index';
import type { Measure } from '../text/index';
import { countGraphemes } from '../text/index';
import { overflowOffset } from './measures';
import type { ChannelLocale } from './locale';
import { channelMessage } from './messages';
import type { BodyNote } from './renderers';
import type { ChannelFinding } from './types';

/** What {@link channelFinding} needs; `ruleId`, `line`, `column` and `excerpt` are derived. */
export interface ChannelFindingInput {
  /** Machine-readable reason; the finding's `ruleId` becomes `channel/<code>`. */
  code: string;
  severity: Severity;
  message: string;
  /** The payload field the finding is about. */
  field: string;
  /** The text the offsets index into, and its name (`title`, `body`, `payload.text`, …). */
  text: string;
  textField: string;
  start: number;
  end: number;
  limit?: number;
  actual?: number;
  source?: string;
  suggestions?: string[];
  fix?: Fix;
  /** The channel id, recorded in `details.channel`. */
  channel: string;
}

/**
 * Builds a {@link ChannelFinding}: `ruleId` `channel/<code>`, `field`, `code`, `limit`,
 * `actual`, and `details.field` naming the text the offsets refer to (the publisher's
 * convention for findings on several fields).
 */
export function channelFinding(input: ChannelFindingInput): ChannelFinding {
  const base = createFinding(input.text, {
    ruleId: `channel/${input.code}`,
    severity: input.severity,
    message: input.message,
    start: input.start,
    end: input.end,
    ...(input.source !== undefined && { source: input.source }),
    ...(input.suggestions !== undefined && { suggestions: input.suggestions }),
    ...(input.fix !== undefined && { fix: input.fix }),
    details: { field: input.textField, channel: input.channel },
  });
  const finding: ChannelFinding = { ...base, field: input.field, code: input.code };
  if (input.limit !== undefined) finding.limit = input.limit;
  if (input.actual !== undefined) finding.actual = input.actual;
  return finding;
}

/** What {@link checkLength} needs. */
export interface LengthCheck {
  channel: string;
  /** The payload field. */
  field: string;
  /** The text to measure, and the name of the text its offsets refer to. */
  text: string;
  textField: string;
  limit: number | undefined;
  measure: Measure;
  severity?: Severity;
  /** Human name of the unit, for the message (`characters`, `width units`, …). */
  unit?: string;
  source?: string;
  /** A measured length, when it is not the plain sum of `measure` (Weibo's link weight). */
  actual?: number;
  /** The language of the message. Default Chinese. */
  locale?: ChannelLocale;
}

/**
 * A `too_long` finding when `text` measures more than `limit`, else `undefined`. The finding
 * spans the part past the limit, so an editor can highlight exactly what has to go.
 */
export function checkLength(check: LengthCheck): ChannelFinding | undefined {
  if (check.limit === undefined) return undefined;
  const actual = check.actual ?? countGraphemes(check.text, check.measure);
  if (actual <= check.limit) return undefined;
  const start = Math.min(overflowOffset(check.text, check.limit, check.measure), check.text.length);
  const unit = check.unit ?? 'characters';
  return channelFinding({
    channel: check.channel,
    code: 'too_long',
    severity: check.severity ?? 'error',
    message: channelMessage('too_long', { field: check.field, actual, unit, channel: check.channel, limit: check.limit }, check.locale),
    field: check.field,
    text: check.text,
    textField: check.textField,
    start,
    end: check.text.length,
    limit: check.limit,
    actual,
    ...(check.source !== undefined && { source: check.source }),
  });
}

/** Turns the renderer's notes about the body into findings on payload field `field`, their messages in `locale` (default Chinese). */
export function notesToFindings(channel: string, field: string, body: string, notes: readonly BodyNote[], locale: ChannelLocale = 'zh'): ChannelFinding[] {
  return notes.map((n) =>
    channelFinding({
      channel,
      code: n.code,
      severity: n.severity,
      message: n.messageKey === undefined ? n.message : channelMessage(n.messageKey, n.messageParams, locale),
      field,
      text: body,
      textField: 'body',
      start: n.start,
      end: n.end,
    }),
  );
}

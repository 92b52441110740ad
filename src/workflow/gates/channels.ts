import { formatAll, isCustomChannel, resolveChannel, type ChannelDefinition, type ChannelLocale, type ChannelOutput, type FormatOptions } from '../../channels/index';
import type { GovDocument } from '../../document/index';
import type { Finding } from '../../findings/index';
import { articleOf } from '../document-article';
import type { Gate } from './gate';

/** What the channel gate needs from the publisher's options. */
export interface ChannelFormatting {
  readonly customChannels: readonly ChannelDefinition[];
  readonly channelOptions: Readonly<Record<string, FormatOptions>>;
  /** The language of the built-in channels' findings (a channel's own `locale` option wins). Default Chinese. */
  readonly locale?: ChannelLocale;
}

/**
 * Formats the document for every target channel as publishing would, at `at`. The one place
 * that turns a document into channel outputs, so the submit gate, `can('publish')` and
 * `publish` cannot disagree.
 */
export function formatDocument(formatting: ChannelFormatting, doc: Readonly<GovDocument>, at: Date): ChannelOutput[] {
  const definitions = doc.channels.map((id) => resolveChannel(id, formatting.customChannels));
  // Custom channels get no locale: their option schemas are their own and may be strict.
  const perChannel = Object.fromEntries(
    definitions.map((d) => [
      d.id,
      { ...(formatting.locale !== undefined && !isCustomChannel(d) && { locale: formatting.locale }), ...formatting.channelOptions[d.id], sourceRevision: doc.revision },
    ]),
  );
  // formatAll renders the Markdown once for all channels.
  return formatAll(articleOf(doc as GovDocument, at), definitions, perChannel);
}

/** Every channel output's findings, each naming its channel in `details.channel`. */
export function channelFindings(outputs: readonly ChannelOutput[]): Finding[] {
  return outputs.flatMap((o) => o.findings.map((f) => ({ ...f, details: { ...f.details, channel: o.channel, field: f.field } })));
}

/**
 * The channel gate, run on `submit`: formats every target channel and reports what a channel
 * would refuse (an image without alt text, an SMS channel without a signature, a title over a
 * limit) before anyone signs. Publishing formats again and refuses any output that is not ok,
 * whatever a waiver says, so these findings are not waivable: the fix is in the text or the
 * channel options. The publisher always runs it.
 */
export function channelsGate(formatting: ChannelFormatting): Gate {
  return {
    id: 'channels',
    phases: ['submit'],
    waivable: false,
    check: ({ document, now }) => channelFindings(formatDocument(formatting, document, now)),
  };
}

import { channelName, type ChannelOutput } from '../../channels/index';
import type { Actor, GovDocument } from '../../document/index';
import type { Locale } from '../../text/index';
import { GovpubError } from '../../errors/index';
import { channelFindings, formatDocument } from '../gates/channels';
import { checksFailedMessage } from '../reasons';
import { checkGates } from './check-gates';
import type { CommandContext } from './context';
import { publicationEventRecord, type PublicationEventRecord } from './publication-record';

/** What `publish` and `publishUrgent` share: the published document (before extras) and its outputs. */
export interface PublishedRevisionChange {
  document: GovDocument;
  outputs: ChannelOutput[];
  /** The `published` event's outputs field. */
  eventOutputs: Pick<ChannelOutput, 'channel' | 'sourceRevision' | 'contentHash'>[];
  /** Spread into the `published` event's data: the revision's text and originality, kept for trace and inspection. */
  eventRecord: PublicationEventRecord;
}

/**
 * The body both publishing commands share: re-run every gate (rules, indexes and channels
 * may have changed since review), format every channel, and take the snapshot readers see.
 */
export async function publishRevision(ctx: CommandContext, moved: GovDocument, actor: Actor, at: Date): Promise<PublishedRevisionChange> {
  const findings = await checkGates(ctx, 'publish', moved, actor, at);
  const outputs = formatOutputs(ctx, moved, at);
  // From `moved`: it still carries the submission's findings, which the duplicate gate wrote.
  const eventRecord = publicationEventRecord(moved);
  return {
    document: { ...moved, findings, published: { ...publishedSnapshot(moved, actor, at, outputs)!, originality: eventRecord.originality } },
    outputs,
    eventOutputs: outputs.map((o) => ({ channel: o.channel, sourceRevision: o.sourceRevision, contentHash: o.contentHash })),
    eventRecord,
  };
}

/** Formats every channel; any output that is not ok stops publishing before anything is written. */
function formatOutputs(ctx: CommandContext, doc: GovDocument, at: Date): ChannelOutput[] {
  const outputs = formatDocument(ctx, doc, at);
  const refusal = channelRefusal(outputs, ctx.locale);
  if (refusal) throw refusal;
  return outputs;
}

/** The `CHECKS_FAILED` error publishing would throw for these outputs, or `null` when every one is ok. */
export function channelRefusal(outputs: readonly ChannelOutput[], locale?: Locale): GovpubError | null {
  const failed = outputs.filter((o) => !o.ok);
  if (!failed.length) return null;
  const reasons = failed.flatMap((o) => o.findings.filter((f) => f.severity === 'error').map((f) => `${channelName(o.channel, locale)}: ${f.message}`));
  return new GovpubError('CHECKS_FAILED', checksFailedMessage(reasons, locale), { details: { findings: channelFindings(failed) } });
}

function publishedSnapshot(doc: GovDocument, actor: Actor, at: Date, outputs: ChannelOutput[]): GovDocument['published'] {
  const snapshot: NonNullable<GovDocument['published']> = {
    revision: doc.revision,
    title: doc.title,
    body: doc.body,
    level: doc.level,
    publishedAt: at.toISOString(),
    publishedBy: actor.id,
    outputs: outputs.map((o) => ({ channel: o.channel, sourceRevision: doc.revision, contentHash: o.contentHash })),
    withdrawn: null,
  };
  if (doc.summary !== undefined) snapshot.summary = doc.summary;
  return snapshot;
}


import type { Actor, GovDocument } from '../../document/index';
import { GovpubError } from '../../errors/index';
import type { PublishResult } from '../publisher-types';
import type { CommandContext } from './context';
import { publishRevision, type PublishedRevisionChange } from './publish-revision';
import { scheduledLater } from '../scheduled-later';
import { assertTrailIntact } from './history-check';
import { runCommand } from './template';
import { mergeLedgerWrites, publicationLedger, removalSummary, supersededLedger } from './publish-deliveries';

/** `publish`: an approved (or due scheduled) document goes live on every channel. */
export async function publish(ctx: CommandContext, id: string, actor: Actor, opts: { at?: Date } = {}): Promise<PublishResult> {
  let published: PublishedRevisionChange | undefined;
  const document = await runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'publish',
    event: { type: 'PUBLISH' },
    ...(opts.at ? { at: opts.at } : {}),
    compute: async ({ document: doc, moved, actor: a, at }) => {
      // Only what review signed goes out: not a document edited behind its trail's back.
      await assertTrailIntact(ctx, doc);
      const later = scheduledLater(doc, at);
      if (later) throw later;
      published = await publishRevision(ctx, moved, a, at);
      // One pending delivery per target account, in this same commit; nothing is sent here.
      const ledger = publicationLedger(ctx, published.document, published.outputs, at);
      // The revision this one corrects comes down everywhere it went out.
      const superseded = await supersededLedger(ctx, doc, at);
      const deliveries = mergeLedgerWrites(ledger?.write, superseded?.write);
      return {
        // A fully reviewed revision replaces whatever was live: the review owed on an urgent
        // predecessor (and a dispute of it) is settled by this revision's signatures.
        document: { ...withoutDispute(published.document), scheduledAt: null, retrospectiveReview: null },
        events: [{ type: 'published', data: { outputs: published.eventOutputs, ...published.eventRecord, ...(ledger ? { deliveries: ledger.summary } : {}), ...(superseded ? { removals: removalSummary(superseded.removals) } : {}) } }],
        ...(deliveries ? { deliveries } : {}),
      };
    },
  });
  return { document, outputs: published!.outputs };
}

function withoutDispute(doc: GovDocument): GovDocument {
  const { dispute: _dispute, ...rest } = doc;
  return rest;
}


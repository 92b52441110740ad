import type { Actor, GovDocument } from '../../document/index';
import { GovpubError } from '../../errors/index';
import type { PublishResult } from '../publisher-types';
import type { CommandContext } from './context';
import { publishRevision, type PublishedRevisionChange } from './publish-revision';
import { runCommand } from './template';

/** `publish`: an approved (or due scheduled) document goes live on every channel. */
export async function publish(ctx: CommandContext, id: string, actor: Actor): Promise<PublishResult> {
  let published: PublishedRevisionChange | undefined;
  const document = await runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'publish',
    event: { type: 'PUBLISH' },
    compute: async ({ document: doc, moved, actor: a, at }) => {
      if (doc.state === 'scheduled' && doc.scheduledAt !== null && at.getTime() < Date.parse(doc.scheduledAt)) {
        throw new GovpubError('INVALID_TRANSITION', `Scheduled for ${doc.scheduledAt}; unschedule it to publish now`, { details: { scheduledAt: doc.scheduledAt } });
      }
      published = await publishRevision(ctx, moved, a, at);
      return {
        document: { ...published.document, scheduledAt: null },
        events: [{ type: 'published', data: { outputs: published.eventOutputs } }],
      };
    },
  });
  return { document, outputs: published!.outputs };
}

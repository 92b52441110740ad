import type { Actor, GovDocument } from '../../document/index';
import type { CommandContext } from './context';
import { runCommand } from './template';

/** `unschedule`: back to `approved`, no publishing time. */
export async function unschedule(ctx: CommandContext, id: string, actor: Actor): Promise<GovDocument> {
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'unschedule',
    event: { type: 'UNSCHEDULE' },
    compute: ({ document: doc, moved }) => ({
      document: { ...moved, scheduledAt: null },
      events: [{ type: 'unscheduled', data: { was: doc.scheduledAt } }],
    }),
  });
}

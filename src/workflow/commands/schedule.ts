import type { Actor, GovDocument } from '../../document/index';
import { GovpubError, parseOrThrow } from '../../errors/index';
import { instantSchema } from '../schemas';
import type { CommandContext } from './context';
import { runCommand } from './template';

/** `schedule`: sets (or moves) the time an approved document is due to publish; it must be in the future. */
export async function schedule(ctx: CommandContext, id: string, actor: Actor, rawAt: Date | string): Promise<GovDocument> {
  const at = parseOrThrow(instantSchema, rawAt, 'schedule time');
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'schedule',
    event: { type: 'SCHEDULE' },
    compute: ({ moved, at: time }) => {
      if (at.getTime() <= time.getTime()) {
        throw new GovpubError('VALIDATION', `Cannot schedule in the past (${at.toISOString()})`, { details: { issues: [{ path: ['at'], message: 'must be in the future' }] } });
      }
      return { document: { ...moved, scheduledAt: at.toISOString() }, events: [{ type: 'scheduled', data: { at: at.toISOString() } }] };
    },
  });
}

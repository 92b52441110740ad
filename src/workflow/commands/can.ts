import * as z from 'zod';
import { checkClearance } from '../../confidentiality/index';
import { actorSchema, type Actor } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import { eventFor } from '../action-event';
import { formatDocument } from '../gates/channels';
import { ACTIONS, type Action } from '../policy';
import type { Permission } from '../publisher-types';
import { resolveChannels } from './channels';
import type { CommandContext } from './context';
import { trailMismatch } from './history-check';
import { channelRefusal } from './publish-revision';
import { reason } from '../reasons';
import { authorize, loadDocument } from './template';

/**
 * `can`: what the command would say, without doing it. Content gates (caliber,
 * confidentiality, duplicates) are not run; clearance is, for `publish` a schedule still in
 * the future, and for `submit` and `publish` channel output that is not acceptable (the
 * channel gate's errors: cheap to compute and the commonest surprise), and for both publishing
 * actions a document that does not match its audit trail (`TRAIL_MISMATCH`).
 */
export async function can(ctx: CommandContext, id: string, rawActor: Actor, action: Action): Promise<Permission> {
  const actor = parseOrThrow(actorSchema, rawActor, 'actor');
  parseOrThrow(z.enum(ACTIONS), action, 'action');
  const doc = await loadDocument(ctx, id);
  const now = ctx.now();
  const { reasons } = authorize(ctx, doc, actor, action, eventFor(doc, action), now);
  if (action === 'publish' || action === 'submit' || action === 'publishUrgent') {
    try {
      checkClearance(doc.level, resolveChannels(ctx, doc.channels));
    } catch (e) {
      const details = (e as { details?: { channels?: unknown } }).details;
      reasons.push(reason('CLEARANCE', 'CLEARANCE', { level: doc.level, channels: details?.channels ?? doc.channels }, ctx.locale));
    }
  }
  if (action === 'publish' || action === 'submit') {
    if (reasons.length === 0) {
      const refusal = channelRefusal(formatDocument(ctx, doc, now), ctx.locale);
      if (refusal) {
        const problems = (refusal.details?.findings as { severity: string; message: string; details?: { channel?: string } }[])
          .filter((f) => f.severity === 'error')
          .map((f) => `${f.details?.channel}: ${f.message}`);
        reasons.push(reason('CHANNEL_REFUSED', 'CHECKS_FAILED', { problems }, ctx.locale));
      }
    }
  }
  if (action === 'publish' || action === 'publishUrgent') {
    const mismatch = await trailMismatch(ctx, doc);
    if (mismatch) reasons.push(mismatch);
  }
  return { ok: reasons.length === 0, reasons: reasons.map((r) => r.message), details: reasons };
}

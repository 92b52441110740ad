import type { Actor, GovDocument } from '../../document/index';
import { actorSchema } from '../../document/index';
import { GovpubError, isGovpubError, parseOrThrow } from '../../errors/index';
import type { PublishDueResult } from '../publisher-types';
import { reason } from '../reasons';
import { instantSchema } from '../schemas';
import type { CommandContext } from './context';
import { publish } from './publish';
import { due } from './queries';

/**
 * `publishDue`: publishes every scheduled document whose time has come, each claimed once
 * across host instances. The claim is the commit itself: publishing writes with the version it
 * read, so of two instances racing for one document exactly one commit lands and the other is
 * refused (`CONFLICT`, or `INVALID_TRANSITION` if it read the document after the winner wrote).
 * The loser reports the document as skipped with the reason — another instance published it —
 * never as an error; so does a document a gate or channel now refuses (it stays scheduled).
 * Errors that are not `GovpubError`s (storage down) are thrown: nothing was decided.
 */
export async function publishDue(ctx: CommandContext, rawActor: Actor, rawNow?: Date | string): Promise<PublishDueResult> {
  const actor = parseOrThrow(actorSchema, rawActor, 'actor');
  const now = rawNow === undefined ? ctx.now() : parseOrThrow(instantSchema, rawNow, 'now');
  const missing = ctx.permissions.publish.filter((r) => !actor.roles.includes(r));
  if (missing.length) {
    const why = reason('MISSING_ROLE', 'FORBIDDEN', { action: 'publish', roles: ctx.permissions.publish, missing }, ctx.locale);
    throw new GovpubError('FORBIDDEN', why.message, { details: { reasons: [why] } });
  }
  const result: PublishDueResult = { published: [], skipped: [] };
  for (const doc of await due(ctx, now)) {
    try {
      result.published.push(await publish(ctx, doc.id, actor, { at: now }));
    } catch (e) {
      if (!isGovpubError(e)) throw e;
      const current: GovDocument | null = await ctx.storage.getDocument(doc.id);
      const byOther = current !== null && current.state !== 'scheduled' && current.version !== doc.version;
      result.skipped.push({
        id: doc.id,
        code: byOther ? 'ALREADY_HANDLED' : e.code,
        reason: byOther
          ? `already ${current.state === 'published' ? 'published' : `moved to ${current.state}`} by another instance or user (version ${current.version})`
          : e.message,
      });
    }
  }
  return result;
}

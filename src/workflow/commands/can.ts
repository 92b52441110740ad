import * as z from 'zod';
import { checkClearance } from '../../confidentiality/index';
import { actorSchema, type Actor } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import { eventFor } from '../action-event';
import { ACTIONS, type Action } from '../policy';
import type { Permission } from '../publisher-types';
import { resolveChannels } from './channels';
import type { CommandContext } from './context';
import { authorize, loadDocument } from './template';

/** `can`: what the command would say, without doing it (gates are not run; clearance is). */
export async function can(ctx: CommandContext, id: string, rawActor: Actor, action: Action): Promise<Permission> {
  const actor = parseOrThrow(actorSchema, rawActor, 'actor');
  parseOrThrow(z.enum(ACTIONS), action, 'action');
  const doc = await loadDocument(ctx, id);
  const { reasons } = authorize(ctx, doc, actor, action, eventFor(doc, action));
  if (action === 'publish' || action === 'submit') {
    try {
      checkClearance(doc.level, resolveChannels(ctx, doc.channels));
    } catch (e) {
      reasons.push({ code: 'CLEARANCE', message: (e as Error).message });
    }
  }
  return { ok: reasons.length === 0, reasons: reasons.map((r) => r.message), details: reasons };
}

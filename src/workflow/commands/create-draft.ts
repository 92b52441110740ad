import type { Actor, GovDocument } from '../../document/index';
import { actorSchema, sameIdentity } from '../../document/index';
import { GovpubError, parseOrThrow } from '../../errors/index';
import { freshWorkflowFields } from '../new-document';
import { reason } from '../reasons';
import type { DraftInput } from '../schemas';
import { draftInputSchema } from '../schemas';
import { assertKnownChannels } from './channels';
import type { CommandContext } from './context';
import { runCommand, withoutUndefined } from './template';

/** `createDraft`: a new document in `draft`, authored by `actor`. */
export async function createDraft(ctx: CommandContext, input: DraftInput, rawActor: Actor): Promise<GovDocument> {
  // The actor is checked before the input, as in every command; the template checks it again (cheap).
  parseOrThrow(actorSchema, rawActor, 'actor');
  const data = parseOrThrow(draftInputSchema, input, 'createDraft input');
  return runCommand<null>(ctx, {
    id: null,
    actor: rawActor,
    action: 'create',
    event: null,
    compute: ({ actor, at }) => {
      assertKnownChannels(ctx, data.channels);
      const id = ctx.newId();
      const department = data.department ?? actor.department;
      // A draft is created only in the author's own department (admins may place it anywhere):
      // otherwise an author could pick the reviewers who see it.
      if (data.department !== undefined && !sameIdentity(data.department, actor.department) && !actor.roles.includes('admin')) {
        const why = reason('WRONG_DEPARTMENT', 'FORBIDDEN', { action: 'create', department: data.department, actorDepartment: actor.department ?? null }, ctx.locale);
        throw new GovpubError('FORBIDDEN', why.message, { details: { reasons: [why] } });
      }
      const doc: GovDocument = {
        ...withoutUndefined({ ...data, department }),
        ...freshWorkflowFields(at.toISOString()),
        id,
        authorId: actor.id,
      };
      return { document: doc, events: [{ type: 'created', data: { title: doc.title, level: doc.level, channels: doc.channels } }] };
    },
  });
}

import * as z from 'zod';
import type { Actor, GovDocument } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import { sameIdentity } from '../../document/index';
import { countBodyChanges } from '../body-changes';
import { draftPatchSchema, type DraftPatch } from '../schemas';
import { assertKnownChannels } from './channels';
import type { CommandContext } from './context';
import { runCommand, withoutUndefined } from './template';

const updateOptionsSchema = z.strictObject({ expectedVersion: z.number().int().min(1) });

/** `updateDraft`: edits a draft or rejected document; any edit starts the review over. */
export async function updateDraft(ctx: CommandContext, id: string, patch: DraftPatch, actor: Actor, opts: { expectedVersion: number }): Promise<GovDocument> {
  const changes = parseOrThrow(draftPatchSchema, patch, 'updateDraft patch');
  const expected = parseOrThrow(updateOptionsSchema, opts, 'updateDraft options').expectedVersion;
  if (changes.channels) assertKnownChannels(ctx, changes.channels);
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'update',
    event: { type: 'EDIT' },
    expectedVersion: expected,
    compute: ({ document: doc, moved, actor: a }) => {
      const fields = Object.keys(changes).filter((k) => JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(doc[k as keyof GovDocument]));
      const data: Record<string, unknown> = { fields };
      if (changes.body !== undefined && changes.body !== doc.body) {
        data.body = countBodyChanges(doc.body, changes.body);
      }
      const next = { ...moved, ...withoutUndefined(changes) };
      // Any edit starts the review over: signatures and stored findings belong to the old text.
      // Whoever edits a revision counts as its author for review and waivers.
      const editors = (doc.editors ?? []).some((e) => sameIdentity(e, a.id)) || sameIdentity(doc.authorId, a.id) ? doc.editors : [...(doc.editors ?? []), a.id];
      return {
        document: { ...next, ...(editors ? { editors } : {}), signatures: [], findings: [], currentStep: null },
        events: [{ type: 'updated', data }],
      };
    },
  });
}

import type { Actor, GovDocument } from '../../document/index';
import type { CommandContext } from './context';
import { runCommand } from './template';

/** `revise`: opens a new content revision of a published or withdrawn document as a draft. */
export async function revise(ctx: CommandContext, id: string, actor: Actor): Promise<GovDocument> {
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'revise',
    event: { type: 'REVISE' },
    compute: ({ document: doc, moved }) => ({
      // The review owed for the live revision stays owed: revising does not review it.
      document: { ...withoutEditors(moved), revision: doc.revision + 1, signatures: [], findings: [] },
      events: [{ type: 'revised', data: { from: doc.revision, to: doc.revision + 1 } }],
    }),
  });
}

function withoutEditors(doc: GovDocument): GovDocument {
  const { editors: _editors, ...rest } = doc;
  return rest;
}

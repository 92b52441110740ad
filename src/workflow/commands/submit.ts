import type { Actor, GovDocument } from '../../document/index';
import { checkGates } from './check-gates';
import type { CommandContext } from './context';
import { runCommand } from './template';

/** `submit`: sends a draft into review after the submit-phase gates pass. */
export async function submit(ctx: CommandContext, id: string, actor: Actor, opts: { expectedVersion?: number } = {}): Promise<GovDocument> {
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'submit',
    event: { type: 'SUBMIT' },
    exclusive: ctx.gates.flatMap((g) => (g.exclusive !== undefined && g.phases.includes('submit') ? [g.exclusive] : [])),
    ...(opts.expectedVersion === undefined ? {} : { expectedVersion: opts.expectedVersion }),
    compute: async ({ moved, actor: a, at }) => {
      // The steps in force now go with the document, so every instance reviews it under them.
      const next = { ...moved, signatures: [], reviewSteps: ctx.steps.map((s) => ({ ...s, roles: [...s.roles] })) };
      const findings = await checkGates(ctx, 'submit', next, a, at);
      return {
        document: { ...next, findings },
        events: [{ type: 'submitted', data: { step: next.currentStep, warnings: findings.length } }],
      };
    },
  });
}

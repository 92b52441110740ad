import { checkClearance } from '../../confidentiality/index';
import type { Actor, GovDocument } from '../../document/index';
import { GovpubError } from '../../errors/index';
import { hasErrors, type Finding } from '../../findings/index';
import type { GatePhase } from '../gates/gate';
import { runGates } from '../gates/run-gates';
import { resolveChannels } from './channels';
import type { CommandContext } from './context';
import { checksFailedMessage } from '../reasons';

/**
 * Checks clearance, then runs every gate of the phase; `CHECKS_FAILED` when an unwaived
 * error remains. Returns the findings to keep on the document for reviewers.
 */
export async function checkGates(ctx: CommandContext, phase: GatePhase, doc: GovDocument, actor: Actor, at: Date): Promise<Finding[]> {
  const channels = resolveChannels(ctx, doc.channels);
  checkClearance(doc.level, channels);
  for (const g of ctx.gates) if (g.phases.includes(phase)) await g.refresh?.(ctx.storage);
  const findings = await runGates(ctx.gates, { phase, document: doc, actor, now: at, channels });
  if (hasErrors(findings)) {
    const errors = findings.filter((f) => f.severity === 'error');
    throw new GovpubError('CHECKS_FAILED', checksFailedMessage(errors.map((f) => f.message), ctx.locale), { details: { findings } });
  }
  return findings;
}

import type { GovDocument } from '../../document/index';
import { sortFindings, type Finding } from '../../findings/index';
import type { Gate, GateContext } from './gate';

/** Runs every gate of the phase and applies the document's waivers. */
export async function runGates(gates: readonly Gate[], context: GateContext): Promise<Finding[]> {
  const all: Finding[] = [];
  for (const gate of gates) {
    if (!gate.phases.includes(context.phase)) continue;
    all.push(...(await gate.check(context)));
  }
  return sortFindings(all.map((f) => applyWaiver(f, context.document)));
}

// An approver's waiver turns a matching error into a warning that says who waived it and
// why, so reviewers still see it; it never hides a finding.
function applyWaiver(finding: Finding, document: Readonly<GovDocument>): Finding {
  if (finding.severity !== 'error') return finding;
  const waiver = document.waivers.find(
    (w) => w.revision === document.revision && w.ruleId === finding.ruleId && w.excerpt === finding.excerpt,
  );
  if (!waiver) return finding;
  return {
    ...finding,
    severity: 'warning',
    details: { ...finding.details, waived: { by: waiver.actorId, at: waiver.at, reason: waiver.reason } },
  };
}

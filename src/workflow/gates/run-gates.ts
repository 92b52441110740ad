import type { GovDocument } from '../../document/index';
import { sortFindings, type Finding } from '../../findings/index';
import type { Gate, GateContext } from './gate';
import { waiverAnchor } from './waiver-anchor';

/** One finding with the gate that produced it. */
export interface GateFinding {
  gate: Gate;
  finding: Finding;
}

/** Every finding of every gate of the phase, as the gates produced them (no waivers applied). */
export async function collectFindings(gates: readonly Gate[], context: GateContext): Promise<GateFinding[]> {
  const all: GateFinding[] = [];
  for (const gate of gates) {
    if (!gate.phases.includes(context.phase)) continue;
    for (const finding of await gate.check(context)) all.push({ gate, finding });
  }
  return all;
}

/** Runs every gate of the phase and applies the document's waivers. */
export async function runGates(gates: readonly Gate[], context: GateContext): Promise<Finding[]> {
  const all = await collectFindings(gates, context);
  return sortFindings(all.map(({ gate, finding }) => (gate.waivable === false ? finding : applyWaiver(finding, context.document))));
}

// An approver's waiver turns a matching error into a warning that says who waived it and
// why, so reviewers still see it; it never hides a finding. It matches only while the
// waived text and its context are unchanged (see waiverAnchor).
function applyWaiver(finding: Finding, document: Readonly<GovDocument>): Finding {
  if (finding.severity !== 'error') return finding;
  let anchor: string | undefined;
  const waiver = document.waivers.find((w) => {
    if (w.revision !== document.revision || w.ruleId !== finding.ruleId || w.excerpt !== finding.excerpt) return false;
    if (w.anchor === undefined) return true;
    anchor ??= waiverAnchor(document, finding);
    return w.anchor === anchor;
  });
  if (!waiver) return finding;
  return {
    ...finding,
    severity: 'warning',
    details: { ...finding.details, waived: { by: waiver.actorId, at: waiver.at, reason: waiver.reason } },
  };
}

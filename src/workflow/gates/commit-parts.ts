import type { GovDocument } from '../../document/index';
import type { StorageAdapter } from '../../storage/index';
import type { Gate, GateCommitParts } from './gate';

/** The optional commit parts every gate adds for this commit (later gates win on a clash). */
export function gateCommitParts(gates: readonly Gate[], next: GovDocument, before: GovDocument | null, storage: StorageAdapter): GateCommitParts {
  const parts: GateCommitParts = {};
  for (const gate of gates) Object.assign(parts, gate.commitParts?.(next, before, storage));
  return parts;
}

import type { GovDocument } from '../document/index';
import { GovpubError } from '../errors/index';
import { reason } from './reasons';

/**
 * The refusal of publishing a document scheduled for later than `at`, or `null`. A state
 * question (the machine cannot see the clock), so it is asked with the machine, in
 * `authorize`, and `can()` and the command give the same answer.
 */
export function scheduledLater(doc: GovDocument, at: Date): GovpubError | null {
  if (doc.state !== 'scheduled' || doc.scheduledAt === null || at.getTime() >= Date.parse(doc.scheduledAt)) return null;
  const why = reason('SCHEDULED_LATER', 'INVALID_TRANSITION', { scheduledAt: doc.scheduledAt });
  return new GovpubError('INVALID_TRANSITION', why.message, { details: { scheduledAt: doc.scheduledAt, reasons: [why] } });
}

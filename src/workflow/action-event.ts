import type { MachineEvent } from './machine';
import type { Action } from './policy';
import type { GovDocument } from '../document/index';

/** The machine event an action sends, for `can()`. */
export function eventFor(doc: GovDocument, action: Action): MachineEvent {
  switch (action) {
    case 'update':
      return { type: 'EDIT' };
    case 'submit':
      return { type: 'SUBMIT' };
    case 'review':
    case 'approve':
      return doc.state === 'published' ? { type: 'SIGN_RETROSPECTIVE' } : { type: 'APPROVE_STEP' };
    case 'reject':
      return { type: 'REJECT' };
    case 'schedule':
      return { type: 'SCHEDULE' };
    case 'unschedule':
      return { type: 'UNSCHEDULE' };
    case 'publish':
      return { type: 'PUBLISH' };
    case 'publishUrgent':
      return { type: 'PUBLISH_URGENT' };
    case 'withdraw':
      return { type: 'WITHDRAW' };
    case 'revise':
      return { type: 'REVISE' };
    case 'waive':
      return { type: 'WAIVE' };
  }
}

/** Why the state refuses an action, in words. */
export function stateMessage(doc: GovDocument, action: Action): string {
  if (action === 'withdraw') return `Nothing of document ${doc.id} is live to withdraw`;
  if ((action === 'approve' || action === 'review') && doc.state === 'published') return `Document ${doc.id} owes no review steps`;
  return `Cannot ${action} a document that is ${doc.state}`;
}

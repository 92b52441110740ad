import type { MachineEvent } from './machine';
import { isRetrospective, type Action } from './policy';
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
      return isRetrospective(doc) ? { type: 'SIGN_RETROSPECTIVE' } : { type: 'APPROVE_STEP' };
    case 'dispute':
      return { type: 'DISPUTE' };
    case 'reopen':
      return { type: 'REOPEN' };
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
  if (action === 'dispute') return `Only a publication still owing review after the fact can be disputed; document ${doc.id} owes none`;
  return `Cannot ${action} a document that is ${doc.state}`;
}

import type { MachineEvent } from './machine';
import { isRetrospective, type Action } from './policy';
import { reason, type Locale, type Reason } from './reasons';
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

/** Why the state refuses an action, as a reason (code `WRONG_STATE`, `NOTHING_LIVE` or `NOTHING_OWED`). */
export function stateReason(doc: GovDocument, action: Action, locale: Locale): Reason {
  if (action === 'withdraw') return reason('NOTHING_LIVE', 'INVALID_TRANSITION', { id: doc.id, state: doc.state }, locale);
  if (action === 'dispute' || ((action === 'approve' || action === 'review') && doc.state === 'published')) {
    return reason('NOTHING_OWED', 'INVALID_TRANSITION', { id: doc.id, state: doc.state }, locale);
  }
  return reason('WRONG_STATE', 'INVALID_TRANSITION', { id: doc.id, state: doc.state, action }, locale);
}

import type { Role } from '../../../shared/domain/appeal/appeal.types';
import type { AppealState, EventKind } from '../../../shared/domain/events/event.types';
import { needsHandover } from '../../../shared/domain/events/fold';
import { canWriteEvent } from '../../../shared/domain/permissions/permissions';

/** Order in which the card offers actions: the usual next step first. */
const ORDER: readonly EventKind[] = [
  'forwarded',
  'assigned',
  'answered',
  'delivered',
  'extended',
  'comment',
  'amended',
  'returned-incomplete',
  'not-considered',
  'closed',
];

/** Whether an action makes sense in the appeal's current state (the role is checked separately). */
function fitsState(kind: EventKind, state: AppealState): boolean {
  switch (kind) {
    case 'forwarded':
      return state.status === 'registered';
    case 'delivered':
      return needsHandover(state);
    case 'assigned':
    case 'extended':
    case 'answered':
    case 'returned-incomplete':
    case 'not-considered':
      return state.isOpen;
    case 'closed':
      return state.status !== 'closed';
    case 'amended':
    case 'comment':
      return true;
  }
}

/** The actions the card offers to this role for this appeal now. */
export function availableActions(role: Role, state: AppealState): EventKind[] {
  return ORDER.filter((kind) => canWriteEvent(role, kind) && fitsState(kind, state));
}

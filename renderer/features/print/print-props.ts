import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent, AppealState } from '../../../shared/domain/events/event.types';
import type { IsoDate } from '../../../shared/lib/dates';
import type { Profile } from '../../data/profile.repository';

/** What every printed paper is made from: the appeal, its events in order, its folded state, this PC's office, today. */
export interface PrintProps {
  appeal: Appeal;
  events: AppealEvent[];
  state: AppealState;
  profile: Pick<Profile, 'role' | 'villageName' | 'operatorName'>;
  today: IsoDate;
}

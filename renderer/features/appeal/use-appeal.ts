import { useEffect, useState } from 'react';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent, AppealState } from '../../../shared/domain/events/event.types';
import { sortEvents } from '../../../shared/domain/events/fold';
import { useApp } from '../../app/app-context';

type Loaded = { appeal: Appeal; events: AppealEvent[]; state: AppealState };

/** One appeal with its events (in order) and folded state, live; `null` when there is no such appeal. */
export function useAppeal(id: string): Loaded | null | undefined {
  const { records } = useApp();
  const [value, setValue] = useState<Loaded | null | undefined>(undefined);
  useEffect(
    () => records.observeAppeal(id, (next) => setValue(next ? { ...next, events: sortEvents(next.events) } : null)),
    [records, id],
  );
  return value;
}

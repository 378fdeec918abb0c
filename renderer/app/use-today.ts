import { useEffect, useState } from 'react';
import { type IsoDate, localIsoDate } from '../../shared/lib/dates';

/** The clock of the UI: real time on the office PC, read only here and passed down to the pure domain. */
export function appClock(): { now: Date; today: IsoDate } {
  const now = new Date();
  return { now, today: localIsoDate(now) };
}

/** Today's date, refreshed each minute so deadlines roll over at midnight without a restart. */
export function useToday(): IsoDate {
  const [today, setToday] = useState(() => localIsoDate(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(localIsoDate(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/**
 * What the registration-control card needs beyond the folded state: the resolution, the extensions, who removed the
 * appeal from control and when. The fold keeps only the current values; these come from the events themselves.
 */
import type { AppealEvent, EventPayloads } from '../../../shared/domain/events/event.types';
import { type IsoDate, localIsoDate } from '../../../shared/lib/dates';

export interface ControlRecord {
  /** The latest assignment's resolution, its author and the day it was recorded. */
  resolution: { text: string; author: string; on: IsoDate } | null;
  /** Every extension in order. */
  extensions: EventPayloads['extended'][];
  /** The last removal from control: who recorded it and when. */
  closed: { by: string; on: IsoDate } | null;
  /** The last return of an incomplete appeal. */
  returned: EventPayloads['returned-incomplete'] | null;
}

/** The calendar day of an event timestamp on this PC, or '' when the timestamp is unreadable. */
export function eventDay(at: string): IsoDate {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : localIsoDate(date);
}

/** The control record of an appeal from its events, already in fold order (useAppeal sorts them). */
export function controlRecord(events: readonly AppealEvent[]): ControlRecord {
  const record: ControlRecord = { resolution: null, extensions: [], closed: null, returned: null };
  for (const event of events) {
    if (event.kind === 'assigned') {
      record.resolution = { text: event.payload.resolution, author: event.payload.resolutionAuthor, on: eventDay(event.at) };
    } else if (event.kind === 'extended') {
      record.extensions.push(event.payload);
    } else if (event.kind === 'closed') {
      record.closed = { by: event.by, on: eventDay(event.at) };
    } else if (event.kind === 'returned-incomplete') {
      record.returned = event.payload;
    }
  }
  return record;
}

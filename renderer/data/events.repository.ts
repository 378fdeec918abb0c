import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import type { Problem } from '../../shared/domain/appeal/validate';
import { validateEvent } from '../../shared/domain/appeal/validate';
import type { AppealEvent, AppealEventOf, EventKind, EventPayloads } from '../../shared/domain/events/event.types';
import { foldAppeal } from '../../shared/domain/events/fold';
import { canActOnVillage, canWriteEvent } from '../../shared/domain/permissions/permissions';
import type { IsoDate } from '../../shared/lib/dates';
import { getAppeal } from './appeals.repository';
import type { AppDatabase } from './database';
import { newId } from './ids';
import { ingest, refusalProblem } from './ingest/ingest';
import type { Profile } from './profile.repository';
import { afterWrite, outboxRow } from './sync/outbox';

const NOT_FOUND: Problem = {
  field: '',
  code: 'not-found',
  message: { uk: 'Такого звернення немає в реєстрі цього комп’ютера', en: "There is no such appeal in this PC's register" },
};

export type RecordResult = { ok: true; event: AppealEvent } | { ok: false; problems: Problem[] };

const FORBIDDEN: Problem = {
  field: '',
  code: 'forbidden',
  message: { uk: 'Ваша роль не дозволяє цю дію', en: 'Your role does not allow this action' },
};

/**
 * Records one event about an appeal after checking the role and the payload; the event document is immutable.
 * Lists show the new state once the projection has folded it (projection.ts).
 */
export async function recordEvent<K extends EventKind>(
  db: AppDatabase,
  profile: Profile,
  target: Pick<Appeal, 'id'>,
  kind: K,
  payload: EventPayloads[K],
  clock: { now: Date; today: IsoDate },
): Promise<RecordResult> {
  // Rules are checked against the stored appeal, never against the object the caller hands in.
  const appeal = await getAppeal(db, target.id);
  if (!appeal) return { ok: false, problems: [NOT_FOUND] };
  const user = { role: profile.role, villageId: profile.villageCode };
  if (!canWriteEvent(profile.role, kind) || !canActOnVillage(user, appeal.villageId)) return { ok: false, problems: [FORBIDDEN] };
  const existing = (await db.events.find({ selector: { appealId: appeal.id } }).exec()).map(
    (d) => d.toMutableJSON() as AppealEvent,
  );
  const state = foldAppeal(appeal, existing);
  const event = {
    id: newId(),
    appealId: appeal.id,
    villageId: appeal.villageId,
    kind,
    at: clock.now.toISOString(),
    by: profile.operatorName,
    role: profile.role,
    payload,
  } as AppealEventOf<K> as AppealEvent;
  const problems = validateEvent(event, {
    today: clock.today,
    receivedOn: state.current.receivedOn,
    currentDueDate: state.dueDate,
  });
  if (problems.length > 0) return { ok: false, problems };
  const { refused } = await ingest(db, 'events', [event], 'event', { profile, now: clock.now });
  if (refused[0]) return { ok: false, problems: [refusalProblem(refused[0])] };
  await afterWrite(db, outboxRow('events', event.id, event.at));
  return { ok: true, event };
}

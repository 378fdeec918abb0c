import type { MangoQuery } from 'rxdb';
import type { Appeal, AppealDraft } from '../../shared/domain/appeal/appeal.types';
import { type Problem, validateDraft } from '../../shared/domain/appeal/validate';
import type { AppealEvent, AppealState } from '../../shared/domain/events/event.types';
import { foldAppeal } from '../../shared/domain/events/fold';
import { appealIdFor } from '../../shared/domain/indexes/appeal-id';
import { indexPrefix, nextRegIndex } from '../../shared/domain/indexes/reg-index';
import { canActOnVillage, canRegister } from '../../shared/domain/permissions/permissions';
import type { IsoDate } from '../../shared/lib/dates';
import type { AppDatabase } from './database';
import { newId } from './ids';
import { ingest, refusalProblem } from './ingest/ingest';
import type { Profile } from './profile.repository';
import { afterWrite, outboxRow } from './sync/outbox';

export type RegisterResult = { ok: true; appeal: Appeal } | { ok: false; problems: Problem[] };

/** Appeals of one workstation with a sequence above `seq`, by the [villageId, deviceTag, regSeq] index. */
export const seqAboveQuery = (mine: { villageId: string; deviceTag: string }, seq: number): MangoQuery<Appeal> => ({
  selector: { ...mine, regSeq: { $gt: seq } },
  sort: [{ villageId: 'asc' }, { deviceTag: 'asc' }, { regSeq: 'asc' }],
});

/**
 * The highest sequence number already used under this PC's index prefix (0 when none). Sequences are dense (each is
 * the previous + 1 and appeals are never deleted), so the count of this PC's appeals finds it through the index;
 * a range query above that count catches any gap (say, a partial restore) without a scan. A descending sort would
 * make RxDB read and re-sort every appeal of the PC.
 */
async function lastSeq(db: AppDatabase, profile: Profile): Promise<number> {
  const mine = { villageId: profile.villageCode, deviceTag: String(profile.workstation) };
  let seq = await db.appeals.count({ selector: mine }).exec();
  for (;;) {
    const higher = await db.appeals.find(seqAboveQuery(mine, seq)).exec();
    if (higher.length === 0) return seq;
    seq = Math.max(...higher.map((d) => d.regSeq));
  }
}

/** Trims what a person typed around names and codes; texts are stored exactly as typed. */
function tidy(draft: AppealDraft): AppealDraft {
  return {
    ...draft,
    surname: draft.surname.trim(),
    givenName: draft.givenName.trim(),
    patronymic: draft.patronymic.trim(),
    collectiveName: draft.collectiveName.trim(),
    phone: draft.phone.trim(),
    email: draft.email.trim(),
    letterDate: draft.letterDate || null,
  };
}

/**
 * Registers an appeal: validates it, allocates the registration index of this PC and writes the appeal and its
 * outbox row. Nothing is written when the draft has problems.
 */
export async function registerAppeal(
  db: AppDatabase,
  profile: Profile,
  input: AppealDraft,
  clock: { now: Date; today: IsoDate },
): Promise<RegisterResult> {
  const problems = validateDraft(input, { today: clock.today });
  if (problems.length > 0) return { ok: false, problems };
  if (
    !canRegister(profile.role) ||
    !canActOnVillage({ role: profile.role, villageId: profile.villageCode }, profile.villageCode)
  ) {
    return {
      ok: false,
      problems: [
        {
          field: '',
          code: 'forbidden',
          message: { uk: 'Немає права реєструвати звернення', en: 'Not allowed to register appeals' },
        },
      ],
    };
  }
  const draft = tidy(input);
  const { regIndex, regSeq } = nextRegIndex({
    villageCode: profile.villageCode,
    workstation: profile.workstation,
    draft,
    lastSeq: await lastSeq(db, profile),
  });
  const appeal: Appeal = {
    ...draft,
    id: appealIdFor(newId(), profile.villageCode),
    villageId: profile.villageCode,
    deviceTag: String(profile.workstation),
    regIndex,
    regSeq,
    registeredAt: clock.now.toISOString(),
    registeredBy: profile.operatorName,
    registeredRole: profile.role,
  };
  // The appeal is the legal record: once it is stored the registration has happened. The outbox row that follows is
  // bookkeeping; the register row follows the collection by itself (projection.ts).
  // It enters through the one way in, like a pulled or imported record (the form's checks above are the user's).
  const { refused } = await ingest(db, 'appeals', [appeal], 'registration', { profile, now: clock.now });
  if (refused[0]) return { ok: false, problems: [refusalProblem(refused[0])] };
  await afterWrite(db, outboxRow('appeals', appeal.id, appeal.registeredAt));
  return { ok: true, appeal };
}

/** The index prefix this PC allocates under, for display. */
export function profileIndexPrefix(profile: Profile): string {
  return indexPrefix(profile.villageCode, profile.workstation);
}

/** One appeal as a plain object, or null. */
export async function getAppeal(db: AppDatabase, id: string): Promise<Appeal | null> {
  const doc = await db.appeals.findOne(id).exec();
  return doc ? (doc.toMutableJSON() as Appeal) : null;
}

/** The appeal, its events in order and its folded state; emits again whenever one of its events arrives. */
export function observeAppeal(
  db: AppDatabase,
  id: string,
  onChange: (value: { appeal: Appeal; events: AppealEvent[]; state: AppealState } | null) => void,
): () => void {
  let cancelled = false;
  const emit = async () => {
    const appeal = await getAppeal(db, id);
    const events = (await db.events.find({ selector: { appealId: id } }).exec()).map((d) => d.toMutableJSON() as AppealEvent);
    if (cancelled) return;
    if (!appeal) return onChange(null);
    const state = foldAppeal(appeal, events);
    onChange({ appeal, events, state });
  };
  const subs = [
    db.events.find({ selector: { appealId: id } }).$.subscribe(() => void emit()),
    db.appeals.findOne(id).$.subscribe(() => void emit()),
  ];
  return () => {
    cancelled = true;
    for (const s of subs) s.unsubscribe();
  };
}

/** Builders of drafts, profiles, appeals and register rows for the renderer's unit and data-layer tests. */
import type { Profile } from '../../../renderer/data/profile.repository';
import type { Appeal, AppealDraft } from '../../../shared/domain/appeal/appeal.types';
import { emptyDraft } from '../../../shared/domain/appeal/validate';
import type { AppealEvent, AppealEventOf, EventKind, EventPayloads } from '../../../shared/domain/events/event.types';
import { appealIdFor, appealIdVillageTag } from '../../../shared/domain/indexes/appeal-id';
import type { IsoDate } from '../../../shared/lib/dates';
import { normalizeForSearch } from '../../../shared/lib/search-text';
import { type RegisterRow, recencyOf } from '../../../shared/schema/register-row.schema';

export const TODAY: IsoDate = '2024-05-20';
export const NOW = new Date('2024-05-20T09:30:00.000Z');
export const CLOCK = { now: NOW, today: TODAY };

/** The clock of a later day (events recorded after registration). */
export function clockOn(today: IsoDate, time = '10:00:00.000'): { now: Date; today: IsoDate } {
  return { now: new Date(`${today}T${time}Z`), today };
}

/** A profile of this PC: starosta of Hlyboke at workstation 1 unless patched. */
export function profileOf(patch: Partial<Profile> = {}): Profile {
  return {
    villageCode: 'hlyboke',
    villageName: 'Глибоке',
    workstation: 1,
    operatorName: 'Марія Коваль',
    role: 'starosta',
    ...patch,
  };
}

/** A complete, valid individual's card received today, surname «Мельник» (index letter М). */
export function draftOf(patch: Partial<AppealDraft> = {}): AppealDraft {
  return {
    ...emptyDraft(TODAY),
    surname: 'Мельник',
    givenName: 'Іван',
    patronymic: 'Петрович',
    address: 'с. Глибоке, вул. Садова, 3',
    phone: '067 123 45 67',
    email: 'melnyk@example.com',
    sex: 'male',
    categories: ['labour-veteran'],
    socialStatus: 'pensioner',
    letterDate: null,
    issues: [{ topicCode: '090', text: 'Не працює вуличне освітлення' }],
    ...patch,
  };
}

/**
 * The appeal id a test names `name` (`A1`, `GHOST`) in `villageId`: the name upper-cased, letters a ULID lacks (I, L,
 * O, U) replaced, padded with `0` to 26 characters, tagged with its village (appealIdFor). A full appeal id is kept.
 */
export function fixtureAppealId(name: string, villageId = 'hlyboke'): string {
  if (appealIdVillageTag(name) !== null) return name;
  const ulid = name
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '0')
    .replace(/[ILOU]/g, (c) => ({ I: '1', L: 'K', O: '0', U: 'V' })[c] ?? c)
    .padEnd(26, '0');
  return appealIdFor(ulid, villageId);
}

/** A stored appeal as another PC (or a restored backup) would have written it; `id` goes through fixtureAppealId. */
export function storedAppeal(patch: Partial<Appeal> & Pick<Appeal, 'id'>): Appeal {
  const villageId = patch.villageId ?? 'hlyboke';
  const deviceTag = patch.deviceTag ?? '1';
  const regSeq = patch.regSeq ?? 1;
  return {
    ...draftOf(),
    villageId,
    deviceTag,
    regSeq,
    regIndex: `${villageId.toUpperCase()}.${deviceTag}-М-${regSeq}`,
    registeredAt: '2024-05-01T08:00:00.000Z',
    registeredBy: 'Оператор',
    registeredRole: 'starosta',
    ...patch,
    id: fixtureAppealId(patch.id, villageId),
  };
}

/** Valid payloads of each kind for an appeal received on TODAY. */
export const PAYLOADS: { [K in EventKind]: EventPayloads[K] } = {
  forwarded: { note: '' },
  assigned: { executor: 'КП «Глибоке-сервіс»', resolution: 'Розглянути', resolutionAuthor: 'Голова' },
  extended: { newDueDate: '2024-07-01', applicantNotifiedOn: '2024-05-25', reason: 'Потрібна перевірка на місці' },
  answered: { text: 'Освітлення відновлено', replyIndex: 'В-12', replyDate: '2024-05-27', outcome: 'satisfied' },
  delivered: { deliveredOn: '2024-05-28', to: 'Мельник І. П.', note: '' },
  closed: { note: '' },
  amended: { changes: { phone: '050 765 43 21' }, reason: 'Помилка в номері' },
  'returned-incomplete': { returnedOn: '2024-05-22', explanation: 'Немає підпису' },
  'not-considered': { reason: 'repeat-decided', note: '' },
  comment: { text: 'Заявник телефонував' },
};

let eventSeq = 0;

/** An event of the given kind about the appeal, recorded `minutes` after 2024-05-21 09:00 UTC. */
export function eventAbout<K extends EventKind>(
  appeal: Pick<Appeal, 'id' | 'villageId'>,
  kind: K,
  minutes = 0,
  payload: EventPayloads[K] = PAYLOADS[kind],
): AppealEvent {
  eventSeq++;
  return {
    id: `E${String(eventSeq).padStart(6, '0')}`,
    appealId: appeal.id,
    villageId: appeal.villageId,
    kind,
    at: new Date(Date.parse('2024-05-21T09:00:00.000Z') + minutes * 60_000).toISOString(),
    by: 'Оператор',
    role: 'central',
    payload,
  } as AppealEventOf<K> as AppealEvent;
}

/** A register row; searchText is built from the applicant, address and regIndex as the projection does. */
export function rowOf(patch: Partial<RegisterRow> & Pick<RegisterRow, 'id'>): RegisterRow {
  const base: RegisterRow = {
    villageId: 'hlyboke',
    regIndex: 'HLYBOKE.1-М-1',
    applicant: 'Мельник Іван Петрович',
    address: 'с. Глибоке, вул. Садова, 3',
    topicCode: '090',
    type: 'application',
    subject: 'individual',
    status: 'registered',
    receivedOn: TODAY,
    recency: recencyOf(TODAY),
    dueDate: '2024-06-19',
    isOpen: 1,
    needsHandover: 0,
    isExtended: 0,
    searchText: '',
    updatedAt: '2024-05-20T09:30:00.000Z',
    ...patch,
  };
  if (patch.searchText === undefined) {
    base.searchText = normalizeForSearch([base.regIndex, base.applicant, base.address].join(' '));
  }
  if (patch.recency === undefined) base.recency = recencyOf(base.receivedOn);
  return base;
}

/**
 * Documents as the app replicates them (docs/architecture.md data model; `_id` = kind prefix + RxDB primary key), for server tests.
 */
import { ulid } from 'ulid';
import { ID_PREFIX, statusDocId } from '../../../shared/couch/names';
import type { Appeal, Role } from '../../../shared/domain/appeal/appeal.types';
import { emptyDraft } from '../../../shared/domain/appeal/validate';
import type { AppealEvent, EventKind, EventPayloads } from '../../../shared/domain/events/event.types';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { appealIdFor } from '../../../shared/domain/indexes/appeal-id';

/** An appeal document of `villageId`, registered by `role`; its id carries its village (appealIdFor). */
export function appealDoc(villageId: string, role: Role = 'starosta', over: Partial<Appeal> = {}) {
  const id = appealIdFor(ulid(), over.villageId ?? villageId);
  const appeal: Appeal = {
    id,
    villageId,
    deviceTag: '1',
    regIndex: `${villageId.toUpperCase()}.1-Б-1`,
    regSeq: 1,
    registeredAt: '2026-11-02T09:15:00.000Z',
    registeredBy: 'Олена Бондар',
    registeredRole: role,
    ...emptyDraft('2026-11-02'),
    surname: 'Бондаренко',
    givenName: 'Петро',
    patronymic: 'Іванович',
    address: 'вул. Шевченка, 5',
    phone: '+380671234567',
    sex: 'male',
    issues: [{ topicCode: '01', text: 'Ремонт дороги' }],
    ...over,
  };
  return { _id: `${ID_PREFIX.appeal}${appeal.id}`, ...appeal };
}

const PAYLOADS: EventPayloads = {
  forwarded: { note: '' },
  assigned: { executor: 'ЖКГ', resolution: 'Розглянути', resolutionAuthor: 'Голова' },
  extended: { newDueDate: '2026-12-10', applicantNotifiedOn: '2026-11-20', reason: 'Потрібне обстеження' },
  answered: { text: 'Дорогу відремонтують у грудні', replyIndex: 'В-17', replyDate: '2026-11-25', outcome: 'satisfied' },
  delivered: { deliveredOn: '2026-11-27', to: 'Бондаренко П. І.', note: '' },
  closed: { note: '' },
  amended: { changes: { address: 'вул. Шевченка, 7' }, reason: 'Описка' },
  'returned-incomplete': { returnedOn: '2026-11-05', explanation: 'Немає підпису' },
  'not-considered': { reason: 'unclear', note: '' },
  comment: { text: 'Дзвонив ще раз' },
};

/** An event document about `appealId` of `villageId`, recorded by `role`. */
export function eventDoc(villageId: string, appealId: string, kind: EventKind, role: Role) {
  const event = {
    id: ulid(),
    appealId,
    villageId,
    kind,
    at: '2026-11-25T10:00:00.000Z',
    by: 'Тестова особа',
    role,
    payload: PAYLOADS[kind],
  } as AppealEvent;
  return { _id: `${ID_PREFIX.event}${event.id}`, type: 'event' as const, ...event };
}

/** A file's metadata (local form) attached to `appealId` of `villageId` by its starosta: 3 bytes in one chunk. */
export function fileRecord(villageId: string, appealId: string, id: string): AttachedFile {
  return {
    id,
    appealId,
    villageId,
    name: 'скан.pdf',
    mime: 'application/pdf',
    size: 3,
    sha256: 'a'.repeat(64),
    addedAt: '2026-11-02T09:20:00.000Z',
    by: 'Олена Бондар',
    role: 'starosta',
    chunkSize: 65_536,
    chunkCount: 1,
  };
}

/** A village's status document. */
export function statusDoc(villageId: string, lastSyncAt: string, pending: number) {
  return { _id: statusDocId(villageId), type: 'village-status', villageId, lastSyncAt, pending, appVersion: '0.1.0' };
}

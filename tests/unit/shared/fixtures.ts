/** Builders of valid domain objects for the shared/ unit tests. */
import type { Appeal, AppealDraft } from '../../../shared/domain/appeal/appeal.types';
import { emptyDraft } from '../../../shared/domain/appeal/validate';
import type { AppealEvent, AppealEventOf, EventKind, EventPayloads } from '../../../shared/domain/events/event.types';
import { appealIdFor } from '../../../shared/domain/indexes/appeal-id';

export const TODAY = '2024-05-20';

/** A complete, valid individual's card received today. */
export function validDraft(patch: Partial<AppealDraft> = {}): AppealDraft {
  return {
    ...emptyDraft(TODAY),
    surname: 'Бондаренко',
    givenName: 'Олена',
    patronymic: 'Петрівна',
    address: 'с. Хлібне, вул. Шевченка, 12',
    phone: '067 123 45 67',
    email: 'olena@example.com',
    sex: 'female',
    categories: ['labour-veteran'],
    socialStatus: 'pensioner',
    letterDate: '2024-05-18',
    issues: [{ topicCode: '090', text: 'Не працює вуличне освітлення на вул. Шевченка' }],
    ...patch,
  };
}

/** The id of the appeal `A1` of a village (appealIdFor): `01A1000…-<tag>`. */
export function a1Of(villageId = 'hlb'): string {
  return appealIdFor('01A1'.padEnd(26, '0'), villageId);
}

/** A registered appeal built from a valid card; its id is `A1` of its village. */
export function appealOf(patch: Partial<Appeal> = {}): Appeal {
  return {
    ...validDraft(),
    id: a1Of(patch.villageId),
    villageId: 'hlb',
    deviceTag: '1',
    regIndex: 'HLB.1-Б-1',
    regSeq: 1,
    registeredAt: '2024-05-20T08:00:00.000Z',
    registeredBy: 'Староста',
    registeredRole: 'starosta',
    ...patch,
  };
}

/** A valid payload of each kind. */
export const PAYLOADS: { [K in EventKind]: EventPayloads[K] } = {
  forwarded: { note: '' },
  assigned: { executor: 'КП «Хлібне-комунсервіс»', resolution: 'Розглянути', resolutionAuthor: 'Голова' },
  extended: { newDueDate: '2024-06-25', applicantNotifiedOn: '2024-06-10', reason: 'Потрібна перевірка на місці' },
  answered: { text: 'Освітлення відновлено', replyIndex: 'В-12', replyDate: '2024-06-01', outcome: 'satisfied' },
  delivered: { deliveredOn: '2024-06-03', to: 'Бондаренко О. П.', note: '' },
  closed: { note: '' },
  amended: { changes: { phone: '050 765 43 21' }, reason: 'Помилка в номері' },
  'returned-incomplete': { returnedOn: '2024-05-22', explanation: 'Немає підпису' },
  'not-considered': { reason: 'repeat-decided', note: '' },
  comment: { text: 'Заявник телефонував' },
};

/** An event of the given kind with a valid envelope. */
export function eventOf<K extends EventKind>(kind: K, patch: Partial<Omit<AppealEventOf<K>, 'kind'>> = {}): AppealEvent {
  return {
    id: `E-${kind}`,
    appealId: a1Of(patch.villageId),
    villageId: 'hlb',
    kind,
    at: '2024-05-21T09:00:00.000Z',
    by: 'Оператор',
    role: 'central',
    payload: PAYLOADS[kind],
    ...patch,
  } as AppealEventOf<K> as AppealEvent;
}

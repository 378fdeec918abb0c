/**
 * A small community's appeals with known counts for the classifier report of 2026-Q3 (1 Jul – 30 Sep 2026), shared by
 * the unit, integration and end-to-end tests. Every count the tests expect is worked out by hand in EXPECTED_Q3 below
 * from the comments on each appeal. Pure data: usable in Node and in the browser.
 */
import type { Appeal, AppealDraft } from '../../shared/domain/appeal/appeal.types';
import { emptyDraft } from '../../shared/domain/appeal/validate';
import type { AppealEvent, AppealEventOf, EventKind, EventPayloads } from '../../shared/domain/events/event.types';
import { appealIdFor } from '../../shared/domain/indexes/appeal-id';
import type { KnownVillage } from '../../shared/reports/report.types';

export const PERIOD_CODE = '2026-Q3';
/** The day the report is made: after the quarter, so statuses are taken on its last day, 30 Sep 2026. */
export const AS_OF = '2026-10-15';

/** The villages of the community; Калинівка has no appeals and still gets a column of zeros. */
export const VILLAGES: KnownVillage[] = [
  { code: 'hlyboke', name: 'Глибоке' },
  { code: 'zarichne', name: 'Зарічне' },
  { code: 'kalynivka', name: 'Калинівка' },
];

let seq = 0;

/** The appeal id of a short name such as `01KRH1`: padded to a ULID, tagged with its village (appealIdFor). */
export function fixtureAppealId(name: string, villageId: string): string {
  return appealIdFor(name.padEnd(26, '0'), villageId);
}

function appeal(name: string, villageId: string, patch: Partial<AppealDraft>): Appeal {
  seq++;
  const draft: AppealDraft = {
    ...emptyDraft('2026-07-01'),
    surname: 'Коваленко',
    givenName: 'Ганна',
    patronymic: 'Іванівна',
    address: 'вул. Миру, 1',
    phone: '+380671112233',
    ...patch,
  };
  const prefix = villageId === 'central' ? 'CENTRAL' : villageId.toUpperCase();
  return {
    ...draft,
    id: fixtureAppealId(name, villageId),
    villageId,
    deviceTag: '1',
    regIndex: `${prefix}.1-К-${seq}`,
    regSeq: seq,
    registeredAt: `${draft.receivedOn}T07:00:00.000Z`,
    registeredBy: 'Оператор',
    registeredRole: villageId === 'central' ? 'central' : 'starosta',
  };
}

function event<K extends EventKind>(of: Appeal, id: string, kind: K, at: string, payload: EventPayloads[K]): AppealEvent {
  return {
    id,
    appealId: of.id,
    villageId: of.villageId,
    kind,
    at,
    by: 'Оператор',
    role: kind === 'forwarded' || kind === 'delivered' || kind === 'returned-incomplete' ? 'starosta' : 'central',
    payload,
  } as AppealEventOf<K> as AppealEvent;
}

const issue = (topicCode: string) => [{ topicCode, text: 'Питання' }];

// Глибоке (hlyboke)
/** Received 1 Jul, normal term → due 31 Jul; answered on 31 Jul: on time (the due date itself is on time). */
const H1 = appeal('01KRH1', 'hlyboke', {
  receivedOn: '2026-07-01',
  receiptForm: 'post',
  type: 'complaint',
  sex: 'female',
  categories: ['war-participant', 'idp'],
  socialStatus: 'pensioner',
  issues: issue('090'),
});
/** Received 1 Jul → due 31 Jul; answered on 1 Aug: late by one day. */
const H2 = appeal('01KRH2', 'hlyboke', {
  receivedOn: '2026-07-01',
  receiptSign: 'repeat',
  sex: 'male',
  issues: issue('010'),
});
/** Received 15 Sep, short term → due 30 Sep = the cut-off: still within the term; closed on 2 Oct, after the cut-off. */
const H3 = appeal('01KRH3', 'hlyboke', {
  receivedOn: '2026-09-15',
  term: 'short',
  type: 'proposal',
  subject: 'collective',
  collectiveName: 'Мешканці вул. Миру',
  categories: ['labour-veteran'],
  socialStatus: 'worker',
  issues: issue('090'),
});
/** Received 1 Sep, short → due 16 Sep; extended on 10 Sep to 16 Oct; answered 5 Oct (after the cut-off): open, on time. */
const H4 = appeal('01KRH4', 'hlyboke', {
  receivedOn: '2026-09-01',
  term: 'short',
  receiptForm: 'email',
  email: 'hanna@example.com',
  sex: 'female',
  categories: ['war-participant'],
  socialStatus: 'pensioner',
  issues: issue('020'),
});
/** Registered as received 30 Jun (Q2), corrected to 2 Jul → in Q3, due 1 Aug; never answered: overdue at the cut-off. */
const H5 = appeal('01KRH5', 'hlyboke', {
  receivedOn: '2026-06-30',
  receiptForm: 'phone',
  type: 'complaint',
  receiptSign: 'duplicate',
  subject: 'anonymous',
  surname: '',
  givenName: '',
  patronymic: '',
  address: '',
  phone: '',
  issues: issue('090'),
});
/** Received 1 Oct: outside Q3. */
const H6 = appeal('01KRH6', 'hlyboke', { receivedOn: '2026-10-01', issues: issue('090') });

// Зарічне (zarichne)
/** Received 10 Aug → due 9 Sep; extended to 24 Sep; answered 24 Sep: in the extended term. */
const Z1 = appeal('01KRZ1', 'zarichne', {
  receivedOn: '2026-08-10',
  receiptForm: 'post',
  type: 'complaint',
  receiptSign: 'mass',
  subject: 'collective',
  collectiveName: 'Жителі с. Зарічне',
  categories: ['large-family', 'single-mother'],
  socialStatus: 'unemployed',
  issues: issue('090'),
});
/** Received 10 Aug; not considered (art. 8) on 12 Aug. */
const Z2 = appeal('01KRZ2', 'zarichne', {
  receivedOn: '2026-08-10',
  receiptForm: 'post',
  receiptSign: 'repeat',
  sex: 'male',
  issues: issue('010'),
});
/** Received 20 Jul; returned as incomplete on 25 Jul. */
const Z3 = appeal('01KRZ3', 'zarichne', {
  receivedOn: '2026-07-20',
  sex: 'female',
  categories: ['idp'],
  socialStatus: 'student',
  issues: issue('020'),
});
/** Received 5 Jul, short → due 20 Jul; removed from control on 1 Aug without an answer. */
const Z4 = appeal('01KRZ4', 'zarichne', {
  receivedOn: '2026-07-05',
  term: 'short',
  type: 'proposal',
  sex: 'male',
  categories: ['combat-veteran'],
  socialStatus: 'worker',
  issues: issue('150'),
});
/** Received 5 Jul, short → due 20 Jul; a paper reply handed over on 20 Jul with no answer recorded: on time. */
const Z5 = appeal('01KRZ5', 'zarichne', {
  receivedOn: '2026-07-05',
  term: 'short',
  sex: 'female',
  socialStatus: 'pensioner',
  issues: issue('090'),
});
/** Received 14 Sep, short → due 29 Sep; open at the cut-off 30 Sep: overdue from the day after the due date. */
const Z6 = appeal('01KRZ6', 'zarichne', {
  receivedOn: '2026-09-14',
  term: 'short',
  sex: 'female',
  categories: ['war-participant'],
  socialStatus: 'pensioner',
  issues: issue('090'),
});

// The council's own office
/** Received 30 Sep by the council from another authority → due 30 Oct: open, on time. */
const C1 = appeal('01KRC1', 'central', {
  receivedOn: '2026-09-30',
  receiptForm: 'authorities',
  sex: 'male',
  issues: issue('010'),
});

export const APPEALS: Appeal[] = [H1, H2, H3, H4, H5, H6, Z1, Z2, Z3, Z4, Z5, Z6, C1];

const answer = (replyDate: string) => ({ text: 'Відповідь', replyIndex: 'В-1', replyDate, outcome: 'explained' as const });

export const EVENTS: AppealEvent[] = [
  event(H1, '01KEH1A', 'answered', '2026-07-31T12:00:00.000Z', answer('2026-07-31')),
  event(H2, '01KEH2A', 'answered', '2026-08-01T12:00:00.000Z', answer('2026-08-01')),
  event(H3, '01KEH3C', 'closed', '2026-10-02T08:00:00.000Z', { note: '' }),
  event(H4, '01KEH4X', 'extended', '2026-09-10T09:00:00.000Z', {
    newDueDate: '2026-10-16',
    applicantNotifiedOn: '2026-09-10',
    reason: 'Потрібне обстеження',
  }),
  event(H4, '01KEH4A', 'answered', '2026-10-05T09:00:00.000Z', answer('2026-10-05')),
  event(H5, '01KEH5M', 'amended', '2026-10-03T09:00:00.000Z', {
    changes: { receivedOn: '2026-07-02' },
    reason: 'Описка в даті надходження',
  }),
  event(Z1, '01KEZ1X', 'extended', '2026-09-01T09:00:00.000Z', {
    newDueDate: '2026-09-24',
    applicantNotifiedOn: '2026-09-01',
    reason: 'Потрібне обстеження',
  }),
  event(Z1, '01KEZ1A', 'answered', '2026-09-24T15:00:00.000Z', answer('2026-09-24')),
  event(Z2, '01KEZ2N', 'not-considered', '2026-08-12T09:00:00.000Z', { reason: 'repeat-decided', note: '' }),
  event(Z3, '01KEZ3R', 'returned-incomplete', '2026-07-25T09:00:00.000Z', {
    returnedOn: '2026-07-25',
    explanation: 'Немає підпису',
  }),
  event(Z4, '01KEZ4C', 'closed', '2026-08-01T09:00:00.000Z', { note: '' }),
  event(Z5, '01KEZ5D', 'delivered', '2026-07-20T13:00:00.000Z', { deliveredOn: '2026-07-20', to: 'Заявниці', note: '' }),
];

/** Column order of the community report: villages by Ukrainian name, the council office, then the community. */
export const COLUMNS = ['Глибоке', 'Зарічне', 'Калинівка', 'Центральний офіс ради', 'Громада'];

/**
 * Hand-computed counts of 2026-Q3 for the community (12 appeals: H1–H5, Z1–Z6, C1), per row code:
 * [Глибоке, Зарічне, Калинівка, central office, community]. Rows not listed are all zero.
 */
export const EXPECTED_Q3: Record<string, Record<string, number[]>> = {
  receiptForm: {
    post: [1, 2, 0, 0, 3],
    personal: [2, 4, 0, 0, 6],
    email: [1, 0, 0, 0, 1],
    phone: [1, 0, 0, 0, 1],
    authorities: [0, 0, 0, 1, 1],
  },
  type: {
    proposal: [1, 1, 0, 0, 2],
    application: [2, 4, 0, 1, 7],
    complaint: [2, 1, 0, 0, 3],
  },
  receiptSign: {
    first: [3, 4, 0, 1, 8],
    repeat: [1, 1, 0, 0, 2],
    duplicate: [1, 0, 0, 0, 1],
    mass: [0, 1, 0, 0, 1],
  },
  subject: {
    individual: [3, 5, 0, 1, 9],
    collective: [1, 1, 0, 0, 2],
    anonymous: [1, 0, 0, 0, 1],
  },
  sex: {
    female: [2, 3, 0, 0, 5],
    male: [1, 2, 0, 1, 4],
    unknown: [2, 1, 0, 0, 3],
  },
  categories: {
    'war-participant': [2, 1, 0, 0, 3],
    idp: [1, 1, 0, 0, 2],
    'labour-veteran': [1, 0, 0, 0, 1],
    'large-family': [0, 1, 0, 0, 1],
    'single-mother': [0, 1, 0, 0, 1],
    'combat-veteran': [0, 1, 0, 0, 1],
    '': [2, 2, 0, 1, 5],
  },
  socialStatus: {
    pensioner: [2, 2, 0, 0, 4],
    worker: [1, 1, 0, 0, 2],
    unemployed: [0, 1, 0, 0, 1],
    student: [0, 1, 0, 0, 1],
    '': [2, 1, 0, 1, 4],
  },
  topic: {
    '010': [1, 1, 0, 1, 3],
    '020': [1, 1, 0, 0, 2],
    '090': [3, 3, 0, 0, 6],
    '150': [0, 1, 0, 0, 1],
  },
  timeliness: {
    'answered-on-time': [1, 1, 0, 0, 2],
    'answered-extended': [0, 1, 0, 0, 1],
    'answered-late': [1, 0, 0, 0, 1],
    'open-on-time': [2, 0, 0, 1, 3],
    'open-overdue': [1, 1, 0, 0, 2],
    'closed-no-answer': [0, 1, 0, 0, 1],
    returned: [0, 1, 0, 0, 1],
    'not-considered': [0, 1, 0, 0, 1],
  },
};

/** Appeals counted in each column of 2026-Q3 (the "total appeals" row of every table). */
export const TOTALS_Q3 = [5, 6, 0, 1, 12];
/** Appeals whose term had been extended by the cut-off (the memo row): H4 and Z1. */
export const EXTENDED_Q3 = [1, 1, 0, 0, 2];

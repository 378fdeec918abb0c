import type { Appeal, AppealDraft } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import { appealIdFor } from '../../../shared/domain/indexes/appeal-id';
import { addDays, type IsoDate } from '../../../shared/lib/dates';
import { APPLICANT_CATEGORIES, TOPICS } from '../../../shared/reference';

const SURNAMES = [
  'Коваль',
  'Шевченко',
  'Бондаренко',
  'Мʼякий',
  'Ткаченко',
  'Кравченко',
  'Олійник',
  'Іваненко',
  'Гончар',
  'Дʼяченко',
  'Савчук',
  'Петренко',
];
const GIVEN = ['Олена', 'Іван', 'Марія', 'Петро', 'Оксана', 'Василь', 'Ганна', 'Микола'];
const STREETS = ['Шевченка', 'Садова', 'Миру', 'Центральна', 'Лісова', 'Польова', 'Зарічна', 'Молодіжна'];
const TEXTS = [
  'Прошу вирішити питання подачі води в будинок, бо вже тиждень немає водопостачання.',
  'Скарга на стан дороги: після дощів неможливо проїхати до школи, прошу відремонтувати.',
  'Прошу надати матеріальну допомогу на лікування, додаю копії документів.',
  'Пропоную встановити освітлення на зупинці громадського транспорту біля магазину.',
  'Прошу розглянути питання виділення земельної ділянки для ведення особистого селянського господарства.',
];

/** A small deterministic pseudo-random generator, so every run seeds the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** One realistic appeal (~1 KB) with 0–4 events, registered by the given village PC. */
export function makeAppeal(
  i: number,
  r: () => number,
  today: IsoDate,
  village: string,
): { appeal: Appeal; events: AppealEvent[] } {
  const receivedOn = addDays(today, -Math.floor(r() * 400));
  const surname = pick(r, SURNAMES);
  const collective = r() < 0.05;
  const draft: AppealDraft = {
    surname,
    givenName: pick(r, GIVEN),
    patronymic: 'Петрович',
    collectiveName: collective ? `Мешканці вулиці ${pick(r, STREETS)}` : '',
    address: `с. Глибоке, вул. ${pick(r, STREETS)}, ${1 + Math.floor(r() * 120)}`,
    phone: `067 ${String(1000000 + i).slice(-7)}`,
    email: '',
    sex: r() < 0.5 ? 'female' : 'male',
    subject: collective ? 'collective' : 'individual',
    type: pick(r, ['proposal', 'application', 'complaint'] as const),
    receiptForm: 'personal',
    receiptSign: 'first',
    categories: r() < 0.2 ? [APPLICANT_CATEGORIES[0]?.code ?? ''] : [],
    socialStatus: 'pensioner',
    letterDate: null,
    receivedOn,
    term: r() < 0.2 ? 'short' : 'normal',
    origin: null,
    issues: [{ topicCode: pick(r, TOPICS).code, text: `${pick(r, TEXTS)} ${pick(r, TEXTS)} ${pick(r, TEXTS)} №${i}` }],
    note: '',
  };
  const id = appealIdFor(`01BENCH${String(i).padStart(19, '0')}`, village);
  const letter = collective ? 'КО' : surname.charAt(0).toUpperCase();
  const appeal: Appeal = {
    ...draft,
    id,
    villageId: village,
    deviceTag: '1',
    regIndex: `${village.toUpperCase()}.1-${letter}-${i + 1}`,
    regSeq: i + 1,
    registeredAt: `${receivedOn}T09:00:00.000Z`,
    registeredBy: 'Бенчмарк',
    registeredRole: 'starosta',
  };
  const events: AppealEvent[] = [];
  const base = { appealId: id, villageId: village, by: 'Бенчмарк' };
  const at = (n: number) => `${addDays(receivedOn, n)}T10:00:00.000Z`;
  if (r() < 0.8) events.push({ ...base, id: `${id}F`, kind: 'forwarded', at: at(0), role: 'starosta', payload: { note: '' } });
  if (events.length && r() < 0.7) {
    events.push({
      ...base,
      id: `${id}G`,
      kind: 'assigned',
      at: at(1),
      role: 'central',
      payload: { executor: 'Відділ ЖКГ', resolution: 'Розглянути', resolutionAuthor: 'Голова' },
    });
    if (r() < 0.8) {
      events.push({
        ...base,
        id: `${id}H`,
        kind: 'answered',
        at: at(10),
        role: 'central',
        payload: {
          text: 'Питання розглянуто, роботи заплановано.',
          replyIndex: `В-${i}`,
          replyDate: addDays(receivedOn, 10),
          outcome: 'explained',
        },
      });
      if (r() < 0.7)
        events.push({
          ...base,
          id: `${id}I`,
          kind: 'delivered',
          at: at(12),
          role: 'starosta',
          payload: { deliveredOn: addDays(receivedOn, 12), to: surname, note: '' },
        });
    }
  }
  return { appeal, events };
}

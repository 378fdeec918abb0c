import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { controlRecord, eventDay } from '../../../renderer/features/print/control-record';
import { officeName, paperDate, printFileName, printT } from '../../../renderer/features/print/print-text';
import en from '../../../renderer/i18n/en.json';
import uk from '../../../renderer/i18n/uk.json';
import { eventOf } from '../shared/fixtures';

beforeAll(async () => {
  // The UI in English: the papers must still come out in Ukrainian.
  await i18next.init({ resources: { uk: { translation: uk }, en: { translation: en } }, lng: 'en', fallbackLng: 'uk' });
});

describe('the text of printed papers', () => {
  it('is Ukrainian whatever the UI language', () => {
    expect(i18next.t('print.receipt.title')).toBe('Receipt');
    const t = printT();
    expect(t('print.receipt.title')).toBe('Розписка');
    expect(t('print.card.title')).toBe('Реєстраційно-контрольна картка');
    expect(t('status.answered')).toBe('Надано відповідь');
  });

  it.each([
    ['2026-11-27', '27.11.2026'],
    ['2024-02-29', '29.02.2024'],
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['2026-02-30', ''],
    ['27.11.2026', ''],
  ])('writes the date %j as %j', (iso, shown) => {
    expect(paperDate(iso)).toBe(shown);
  });

  it('names the office that issues the paper', () => {
    const t = printT();
    expect(officeName(t, { role: 'starosta', villageName: 'Глибоке' })).toBe('Старостинський округ «Глибоке»');
    expect(officeName(t, { role: 'clerk', villageName: 'Зарічне' })).toBe('Старостинський округ «Зарічне»');
    expect(officeName(t, { role: 'central', villageName: 'Central office' })).toBe('Центральний апарат ради');
  });

  it.each([
    ['HLYBOKE.1-Б-17', 'receipt', 'HLYBOKE.1-Б-17-receipt'],
    ['CENTRAL.2-КО-5', 'card', 'CENTRAL.2-КО-5-card'],
    ['HLYBOKE.1-БП-3', 'answer', 'HLYBOKE.1-БП-3-answer'],
  ] as const)('suggests %s + %s as %s', (index, doc, name) => {
    expect(printFileName(index, doc)).toBe(name);
  });
});

describe('controlRecord', () => {
  it('is empty for an appeal with no events', () => {
    expect(controlRecord([])).toEqual({ resolution: null, extensions: [], closed: null, returned: null });
  });

  it('keeps the latest resolution, every extension in order, the removal from control and the return', () => {
    const at = (day: string) => `${day}T09:00:00.000Z`;
    const record = controlRecord([
      eventOf('assigned', { id: 'e1', at: at('2024-05-21') }),
      eventOf('extended', { id: 'e2', at: at('2024-06-10') }),
      eventOf('assigned', {
        id: 'e3',
        at: at('2024-06-11'),
        payload: { executor: 'Відділ освіти', resolution: 'Перевірити маршрут', resolutionAuthor: 'Заступник голови' },
      }),
      eventOf('extended', {
        id: 'e4',
        at: at('2024-06-20'),
        payload: { newDueDate: '2024-07-04', applicantNotifiedOn: '2024-06-20', reason: 'Друге продовження' },
      }),
      eventOf('comment', { id: 'e5', at: at('2024-06-21') }),
      eventOf('returned-incomplete', { id: 'e6', at: at('2024-06-22') }),
      eventOf('closed', { id: 'e7', at: at('2024-07-01'), by: 'Мельник І. В.' }),
    ]);
    expect(record.resolution).toEqual({ text: 'Перевірити маршрут', author: 'Заступник голови', on: '2024-06-11' });
    expect(record.extensions.map((e) => e.newDueDate)).toEqual(['2024-06-25', '2024-07-04']);
    expect(record.closed).toEqual({ by: 'Мельник І. В.', on: '2024-07-01' });
    expect(record.returned).toEqual({ returnedOn: '2024-05-22', explanation: 'Немає підпису' });
  });

  it('dates an event by its timestamp and leaves an unreadable one blank', () => {
    expect(eventDay('2024-05-21T09:00:00.000Z')).toBe('2024-05-21');
    expect(eventDay('not a time')).toBe('');
  });
});

/**
 * The classifier sections the report counts (Cabinet resolution No. 858) and how each reads its value from the appeal's
 * current card (amendments applied). Rows are the reference list in its order, so every table keeps its shape even with
 * zero counts; a code the list does not know (a newer list on another PC) gets a row of its own after them.
 */
import type { AppealDraft } from '../domain/appeal/appeal.types';
import type { LocalizedText } from '../lib/i18n-text';
import {
  APPEAL_TYPES,
  APPLICANT_CATEGORIES,
  RECEIPT_FORMS,
  RECEIPT_SIGNS,
  type ReferenceItem,
  SEXES,
  SOCIAL_STATUSES,
  SUBJECTS,
  TOPICS,
} from '../reference';
import type { TableId } from './report.types';

/** The code under which an empty value is counted (no social status, no category, no issue). */
export const NOT_STATED = '';

/** One classifier section: its table texts, its reference list and the codes an appeal counts under. */
export interface Section {
  id: Exclude<TableId, 'timeliness'>;
  title: LocalizedText;
  sheetName: LocalizedText;
  rowHeader: LocalizedText;
  note: LocalizedText | null;
  items: readonly ReferenceItem[];
  /** Label of the "not stated" row, shown always where an empty value is allowed; null where it is not. */
  notStated: LocalizedText | null;
  /** True when the row label starts with the classifier code (topics: «090 Комунальне господарство»). */
  labelWithCode: boolean;
  codesOf: (card: AppealDraft) => string[];
}

const text = (uk: string, en: string): LocalizedText => ({ uk, en });

/** The sections in report order. */
export const SECTIONS: readonly Section[] = [
  {
    id: 'receiptForm',
    title: text('Звернення за формою надходження', 'Appeals by form of receipt'),
    sheetName: text('Форма надходження', 'Form of receipt'),
    rowHeader: text('Форма надходження', 'Form of receipt'),
    note: null,
    items: RECEIPT_FORMS,
    notStated: null,
    labelWithCode: false,
    codesOf: (c) => [c.receiptForm],
  },
  {
    id: 'type',
    title: text('Звернення за видом', 'Appeals by type'),
    sheetName: text('Вид', 'Type'),
    rowHeader: text('Вид звернення', 'Type of appeal'),
    note: null,
    items: APPEAL_TYPES,
    notStated: null,
    labelWithCode: false,
    codesOf: (c) => [c.type],
  },
  {
    id: 'receiptSign',
    title: text('Звернення за ознакою надходження', 'Appeals by receipt sign'),
    sheetName: text('Ознака надходження', 'Receipt sign'),
    rowHeader: text('Ознака надходження', 'Receipt sign'),
    note: null,
    items: RECEIPT_SIGNS,
    notStated: null,
    labelWithCode: false,
    codesOf: (c) => [c.receiptSign],
  },
  {
    id: 'subject',
    title: text('Звернення за суб’єктом', 'Appeals by subject'),
    sheetName: text('Суб’єкт', 'Subject'),
    rowHeader: text('Суб’єкт звернення', 'Subject'),
    note: null,
    items: SUBJECTS,
    notStated: null,
    labelWithCode: false,
    codesOf: (c) => [c.subject],
  },
  {
    id: 'sex',
    title: text('Звернення за статтю автора', 'Appeals by sex of the author'),
    sheetName: text('Стать автора', 'Sex of the author'),
    rowHeader: text('Стать автора', 'Sex of the author'),
    note: null,
    items: SEXES,
    notStated: null,
    labelWithCode: false,
    codesOf: (c) => [c.sex],
  },
  {
    id: 'categories',
    title: text('Звернення за категорією автора', 'Appeals by author category'),
    sheetName: text('Категорія автора', 'Author category'),
    rowHeader: text('Категорія автора', 'Author category'),
    note: text(
      'Автор може належати до кількох категорій: звернення враховано в рядку кожної з них, тому сума рядків може перевищувати загальну кількість звернень.',
      'An author may belong to several categories: the appeal is counted in the row of each, so the rows may add up to more than the number of appeals.',
    ),
    items: APPLICANT_CATEGORIES,
    notStated: text('Категорію не зазначено', 'No category stated'),
    labelWithCode: false,
    codesOf: (c) => {
      const codes = [...new Set(c.categories.filter((code) => code !== NOT_STATED))];
      return codes.length > 0 ? codes : [NOT_STATED];
    },
  },
  {
    id: 'socialStatus',
    title: text('Звернення за соціальним станом автора', 'Appeals by social status of the author'),
    sheetName: text('Соціальний стан', 'Social status'),
    rowHeader: text('Соціальний стан автора', 'Social status of the author'),
    note: null,
    items: SOCIAL_STATUSES,
    notStated: text('Не зазначено', 'Not stated'),
    labelWithCode: false,
    codesOf: (c) => [c.socialStatus],
  },
  {
    id: 'topic',
    title: text('Звернення за тематикою основного питання', 'Appeals by topic of the main issue'),
    sheetName: text('Тематика', 'Topic'),
    rowHeader: text('Тематика основного питання', 'Topic of the main issue'),
    note: text(
      'Кожне звернення враховано один раз — за тематикою основного (першого) питання; додаткові питання не враховано.',
      'Each appeal is counted once, under the topic of its main (first) issue; additional issues are not counted.',
    ),
    items: TOPICS,
    notStated: null,
    labelWithCode: true,
    codesOf: (c) => [c.issues[0]?.topicCode ?? NOT_STATED],
  },
];

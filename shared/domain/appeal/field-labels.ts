import type { LocalizedText } from '../../lib/i18n-text';

/** Names of the registration-card fields as shown in generic messages (nominative case, Ukrainian first). */
export const FIELD_LABELS: Readonly<Record<string, LocalizedText>> = {
  surname: { uk: 'Прізвище', en: 'Surname' },
  givenName: { uk: 'Імʼя', en: 'Given name' },
  patronymic: { uk: 'По батькові', en: 'Patronymic' },
  collectiveName: { uk: 'Назва колективу', en: 'Collective name' },
  address: { uk: 'Адреса', en: 'Address' },
  phone: { uk: 'Телефон', en: 'Phone' },
  email: { uk: 'Електронна пошта', en: 'E-mail' },
  sex: { uk: 'Стать', en: 'Sex' },
  subject: { uk: 'Субʼєкт звернення', en: 'Subject' },
  type: { uk: 'Вид звернення', en: 'Type of appeal' },
  receiptForm: { uk: 'Форма надходження', en: 'Form of receipt' },
  receiptSign: { uk: 'Ознака надходження', en: 'Receipt sign' },
  categories: { uk: 'Категорія заявника', en: 'Applicant category' },
  socialStatus: { uk: 'Соціальний стан', en: 'Social status' },
  letterDate: { uk: 'Дата листа', en: 'Letter date' },
  receivedOn: { uk: 'Дата надходження', en: 'Date of receipt' },
  term: { uk: 'Строк розгляду', en: 'Term of consideration' },
  origin: { uk: 'Звідки надійшло', en: 'Origin' },
  body: { uk: 'Орган', en: 'Body' },
  date: { uk: 'Дата', en: 'Date' },
  index: { uk: 'Індекс', en: 'Index' },
  issues: { uk: 'Питання', en: 'Issues' },
  topicCode: { uk: 'Тема питання', en: 'Issue topic' },
  text: { uk: 'Текст', en: 'Text' },
  note: { uk: 'Примітка', en: 'Note' },
  // Event envelope and payload fields.
  id: { uk: 'Ідентифікатор', en: 'Identifier' },
  appealId: { uk: 'Звернення', en: 'Appeal' },
  villageId: { uk: 'Село', en: 'Village' },
  by: { uk: 'Хто вніс', en: 'Recorded by' },
  kind: { uk: 'Вид події', en: 'Event kind' },
  at: { uk: 'Час події', en: 'Event time' },
  role: { uk: 'Роль', en: 'Role' },
  payload: { uk: 'Дані події', en: 'Event data' },
  executor: { uk: 'Виконавець', en: 'Executor' },
  resolution: { uk: 'Резолюція', en: 'Resolution' },
  resolutionAuthor: { uk: 'Автор резолюції', en: 'Author of the resolution' },
  newDueDate: { uk: 'Нова дата завершення розгляду', en: 'New due date' },
  applicantNotifiedOn: { uk: 'Дата повідомлення заявника', en: 'Applicant notified on' },
  reason: { uk: 'Причина', en: 'Reason' },
  replyIndex: { uk: 'Індекс відповіді', en: 'Reply index' },
  replyDate: { uk: 'Дата відповіді', en: 'Reply date' },
  outcome: { uk: 'Результат розгляду', en: 'Outcome' },
  deliveredOn: { uk: 'Дата вручення', en: 'Delivered on' },
  to: { uk: 'Кому вручено', en: 'Handed to' },
  changes: { uk: 'Виправлення', en: 'Changes' },
  returnedOn: { uk: 'Дата повернення', en: 'Returned on' },
  explanation: { uk: 'Пояснення', en: 'Explanation' },
};

/** The label of a dotted field path by its last named segment (`issues.0.text` → «Текст»); the path itself otherwise. */
export function fieldLabel(path: string): LocalizedText {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const last = parts[parts.length - 1] ?? path;
  return (Object.hasOwn(FIELD_LABELS, last) ? FIELD_LABELS[last] : undefined) ?? { uk: path, en: path };
}

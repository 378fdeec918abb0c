import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Appeal, AppealDraft } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import { foldAppeal } from '../../../shared/domain/events/fold';
import { ANSWER_OUTCOMES, labelOf, NOT_CONSIDERED_REASONS } from '../../../shared/reference';
import { formatDate, formatDateTime } from '../../i18n/i18n';

/** The details of one event as short lines of text (always rendered as text, never as HTML). */
/** Labels of the fields an amendment can change; the issues list shows as the main issue's text. */
const AMEND_LABELS: Record<string, string> = {
  surname: 'amend.surname',
  givenName: 'amend.givenName',
  patronymic: 'amend.patronymic',
  collectiveName: 'amend.collectiveName',
  address: 'amend.address',
  phone: 'amend.phone',
  email: 'amend.email',
  note: 'amend.note',
  issues: 'amend.issueText',
};

/** A field's value as text: the issues list by its main issue's text. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return String((value[0] as { text?: string } | undefined)?.text ?? '');
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

function details(event: AppealEvent, t: TFunction, lang: 'uk' | 'en', before: AppealDraft | null): string[] {
  switch (event.kind) {
    case 'forwarded':
    case 'closed':
      return [event.payload.note].filter(Boolean);
    case 'assigned':
      return [t('timeline.executor', { v: event.payload.executor }), event.payload.resolution].filter(Boolean);
    case 'extended':
      return [
        t('timeline.newDue', { v: formatDate(event.payload.newDueDate, lang) }),
        t('timeline.notified', { v: formatDate(event.payload.applicantNotifiedOn, lang) }),
        event.payload.reason,
      ];
    case 'answered':
      return [
        `${event.payload.replyIndex} · ${formatDate(event.payload.replyDate, lang)} · ${labelOf(ANSWER_OUTCOMES, event.payload.outcome, lang)}`,
        event.payload.text,
      ];
    case 'delivered':
      return [
        t('timeline.deliveredTo', { to: event.payload.to, date: formatDate(event.payload.deliveredOn, lang) }),
        event.payload.note,
      ].filter(Boolean);
    case 'amended':
      return [
        ...Object.entries(event.payload.changes).map(([field, value]) =>
          t('timeline.amendedField', {
            field: t(AMEND_LABELS[field] ?? `form.${field}`),
            from: shown(before?.[field as keyof AppealDraft]) || '—',
            to: shown(value) || '—',
          }),
        ),
        t('timeline.reason', { v: event.payload.reason }),
      ];
    case 'returned-incomplete':
      return [formatDate(event.payload.returnedOn, lang), event.payload.explanation];
    case 'not-considered':
      return [labelOf(NOT_CONSIDERED_REASONS, event.payload.reason, lang), event.payload.note].filter(Boolean);
    case 'comment':
      return [event.payload.text];
  }
}

/** The appeal's history, oldest first, starting with its registration; an amendment shows the value it replaced. */
export function EventTimeline({ appeal, events }: { appeal: Appeal; events: AppealEvent[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const { registeredAt, registeredBy } = appeal;
  // The registration fields as they stood just before an amendment (events arrive already in fold order).
  const beforeAmendment = (i: number) => foldAppeal(appeal, events.slice(0, i)).current;
  return (
    <ol className="timeline" aria-label={t('card.timeline')}>
      <li>
        <strong>{t('timeline.registered')}</strong> <time dateTime={registeredAt}>{formatDateTime(registeredAt, lang)}</time> ·{' '}
        {registeredBy}
      </li>
      {events.map((e, index) => (
        <li key={e.id} data-kind={e.kind}>
          <strong>{t(`event.${e.kind}`)}</strong> <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> · {e.by} (
          {t(`roles.${e.role}`)})
          {details(e, t, lang, e.kind === 'amended' ? beforeAmendment(index) : null).map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one event never reorder
            <p key={i} className="detail">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}

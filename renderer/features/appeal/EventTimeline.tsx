import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import { ANSWER_OUTCOMES, labelOf, NOT_CONSIDERED_REASONS } from '../../../shared/reference';
import { formatDate, formatDateTime } from '../../i18n/i18n';

/** The details of one event as short lines of text (always rendered as text, never as HTML). */
function details(event: AppealEvent, t: TFunction, lang: 'uk' | 'en'): string[] {
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
        ...Object.entries(event.payload.changes).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
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

/** The appeal's history, oldest first, starting with its registration. */
export function EventTimeline({
  events,
  registeredAt,
  registeredBy,
}: {
  events: AppealEvent[];
  registeredAt: string;
  registeredBy: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  return (
    <ol className="timeline" aria-label={t('card.timeline')}>
      <li>
        <strong>{t('timeline.registered')}</strong> <time dateTime={registeredAt}>{formatDateTime(registeredAt, lang)}</time> ·{' '}
        {registeredBy}
      </li>
      {events.map((e) => (
        <li key={e.id} data-kind={e.kind}>
          <strong>{t(`event.${e.kind}`)}</strong> <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> · {e.by} (
          {t(`roles.${e.role}`)})
          {details(e, t, lang).map((line, i) => (
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

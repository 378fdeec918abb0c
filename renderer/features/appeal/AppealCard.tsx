import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventKind } from '../../../shared/domain/events/event.types';
import { canActOnVillage } from '../../../shared/domain/permissions/permissions';
import {
  APPEAL_TYPES,
  APPLICANT_CATEGORIES,
  labelOf,
  RECEIPT_FORMS,
  RECEIPT_SIGNS,
  SEXES,
  SOCIAL_STATUSES,
  SUBJECTS,
} from '../../../shared/reference';
import { useApp } from '../../app/app-context';
import { navigate } from '../../app/use-route';
import { useToday } from '../../app/use-today';
import { applicantLabel } from '../../data/register-projection';
import { formatDate } from '../../i18n/i18n';
import { FilesSection } from '../files/FilesSection';
import { PrintLinks } from '../print/PrintLinks';
import { rowDeadline } from '../register/register-query';
import { ActionForm } from './ActionForm';
import { availableActions } from './available-actions';
import { EventTimeline } from './EventTimeline';
import { topicLine } from './topic-text';
import { useAppeal } from './use-appeal';

/** The appeal card: every registration field, the timeline, and the actions this role may take. */
export function AppealCard({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { profile } = useApp();
  const today = useToday();
  const loaded = useAppeal(id);
  const [action, setAction] = useState<EventKind | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'uk';

  if (loaded === undefined) return <p>{t('card.loading')}</p>;
  if (loaded === null) {
    return (
      <section>
        <h1>{t('card.notFound')}</h1>
        <button type="button" onClick={() => navigate({ name: 'register' })}>
          {t('form.toRegister')}
        </button>
      </section>
    );
  }
  const { appeal, events, state } = loaded;
  const c = state.current;
  const deadline = rowDeadline({ isOpen: state.isOpen ? 1 : 0, dueDate: state.dueDate }, today);
  const applicant = applicantLabel(c);
  const fields: [string, string][] = [
    ['card.applicant', applicant || t('register.anonymous')],
    ['form.subject', labelOf(SUBJECTS, c.subject, lang)],
    ['form.address', c.address],
    ['form.phone', c.phone],
    ['form.email', c.email],
    ['form.sex', labelOf(SEXES, c.sex, lang)],
    ['form.socialStatus', c.socialStatus ? labelOf(SOCIAL_STATUSES, c.socialStatus, lang) : ''],
    ['form.categories', c.categories.map((code) => labelOf(APPLICANT_CATEGORIES, code, lang)).join('; ')],
    ['form.type', labelOf(APPEAL_TYPES, c.type, lang)],
    ['form.receiptForm', labelOf(RECEIPT_FORMS, c.receiptForm, lang)],
    ['form.receiptSign', labelOf(RECEIPT_SIGNS, c.receiptSign, lang)],
    ['form.receivedOn', formatDate(c.receivedOn, lang)],
    ['form.letterDate', formatDate(c.letterDate, lang)],
    ['form.term', c.term === 'short' ? t('form.termShort') : t('form.termNormal')],
    ['card.executor', state.executor ?? ''],
    ['form.note', c.note],
  ];

  return (
    <article className="card" aria-labelledby="card-title">
      <header className="card-head">
        <h1 id="card-title">{t('card.title', { index: appeal.regIndex })}</h1>
        <p data-testid="card-status">
          <span className="status">{t(`status.${state.status}`)}</span>
          {state.isOpen && (
            <>
              {' · '}
              {t('card.due', { date: formatDate(state.dueDate, lang) })}
              {state.isExtended && ` (${t('card.extended')})`}
            </>
          )}
          {deadline === 'overdue' && <span className="badge overdue">{t('deadline.overdue')}</span>}
          {deadline === 'due-soon' && <span className="badge due-soon">{t('deadline.dueSoon')}</span>}
        </p>
        {state.answer && !state.delivered && <p className="notice">{t('card.handOverNotice')}</p>}
      </header>
      <div className="card-body">
        <section aria-labelledby="card-fields">
          <h2 id="card-fields">{t('card.fields')}</h2>
          <dl className="fields">
            {fields.map(([label, value]) => (
              <div key={label}>
                <dt>{t(label)}</dt>
                <dd>{value || '—'}</dd>
              </div>
            ))}
          </dl>
          <h2>{t('form.issues')}</h2>
          {c.issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues of an appeal keep their order
            <div className="issue-view" key={i}>
              <p className="topic">{topicLine(issue.topicCode, lang, t)}</p>
              <p className="issue-text">{issue.text}</p>
            </div>
          ))}
          {state.answer && (
            <>
              <h2>{t('card.answer')}</h2>
              <p className="issue-text">{state.answer.text}</p>
            </>
          )}
          <FilesSection
            appeal={appeal}
            canAdd={canActOnVillage({ role: profile.role, villageId: profile.villageCode }, appeal.villageId)}
          />
        </section>
        <section aria-labelledby="card-history">
          <h2 id="card-history">{t('card.timeline')}</h2>
          <EventTimeline appeal={appeal} events={events} />
          <h2>{t('card.actions')}</h2>
          {action ? (
            <ActionForm
              key={action}
              kind={action}
              appeal={appeal}
              state={state}
              applicant={applicant}
              onDone={() => setAction(null)}
            />
          ) : (
            <div className="action-buttons">
              {availableActions(profile.role, state).map((kind) => (
                <button type="button" key={kind} onClick={() => setAction(kind)}>
                  {t(`action.${kind}`)}
                </button>
              ))}
            </div>
          )}
          <PrintLinks id={appeal.id} hasAnswer={state.answer !== null} />
        </section>
      </div>
    </article>
  );
}

import {
  ANSWER_OUTCOMES,
  APPEAL_TYPES,
  APPLICANT_CATEGORIES,
  labelOf,
  NOT_CONSIDERED_REASONS,
  RECEIPT_FORMS,
  RECEIPT_SIGNS,
  SEXES,
  SOCIAL_STATUSES,
  SUBJECTS,
} from '../../../shared/reference';
import { applicantLabel } from '../../data/register-projection';
import { topicLabelBesideCode } from '../appeal/topic-text';
import { controlRecord } from './control-record';
import { Blank, Paper, PaperRows, PaperTitle, SignatureLine } from './Paper';
import type { PrintProps } from './print-props';
import { officeName, paperDate, printT } from './print-text';

const uk = 'uk';

/** The registration-control card (РКК, Instruction No. 348): every registration field and where control stands. */
export function RegistrationCardDoc({ appeal, events, state, profile, today }: PrintProps) {
  const t = printT();
  const office = officeName(t, profile);
  const c = state.current;
  const record = controlRecord(events);
  const origin = c.origin ? [c.origin.body, paperDate(c.origin.date), c.origin.index].filter(Boolean).join(', ') : '';
  const due = state.isExtended ? t('print.common.extendedTo', { date: paperDate(state.dueDate) }) : paperDate(state.dueDate);

  const applicant: [string, string][] = [
    [t('card.applicant'), applicantLabel(c) || t('register.anonymous')],
    [t('form.subject'), labelOf(SUBJECTS, c.subject, uk)],
    [t('form.address'), c.address],
    [t('print.card.contacts'), [c.phone, c.email].filter(Boolean).join(', ')],
    [t('form.sex'), labelOf(SEXES, c.sex, uk)],
    [t('form.categories'), c.categories.map((code) => labelOf(APPLICANT_CATEGORIES, code, uk)).join('; ')],
    [t('form.socialStatus'), c.socialStatus ? labelOf(SOCIAL_STATUSES, c.socialStatus, uk) : ''],
  ];
  const registration: [string, string][] = [
    [t('print.common.index'), appeal.regIndex],
    [t('print.common.receivedOn'), paperDate(c.receivedOn)],
    [t('form.letterDate'), paperDate(c.letterDate)],
    [t('form.type'), labelOf(APPEAL_TYPES, c.type, uk)],
    [t('form.receiptForm'), labelOf(RECEIPT_FORMS, c.receiptForm, uk)],
    [t('form.receiptSign'), labelOf(RECEIPT_SIGNS, c.receiptSign, uk)],
    [t('print.card.origin'), origin],
    [t('print.card.registeredBy'), appeal.registeredBy],
  ];
  const answer = state.answer;
  const control: [string, string][] = [
    [t('form.term'), c.term === 'short' ? t('form.termShort') : t('form.termNormal')],
    [t('print.card.dueDate'), due],
    ...(record.extensions.length > 0
      ? [
          [
            t('print.card.extensions'),
            record.extensions
              .map((e) =>
                t('print.card.extension', {
                  date: paperDate(e.newDueDate),
                  notified: paperDate(e.applicantNotifiedOn),
                  reason: e.reason,
                }),
              )
              .join('; '),
          ] as [string, string],
        ]
      : []),
    [
      t('print.card.resolution'),
      record.resolution
        ? [record.resolution.text, record.resolution.author, paperDate(record.resolution.on)].filter(Boolean).join(' — ')
        : '',
    ],
    [t('card.executor'), state.executor ?? ''],
    [t('print.card.status'), t(`status.${state.status}`)],
    [t('print.card.reply'), answer ? `${paperDate(answer.replyDate)}, № ${answer.replyIndex}` : ''],
    [t('print.card.outcome'), answer ? labelOf(ANSWER_OUTCOMES, answer.outcome, uk) : ''],
    [t('print.card.delivered'), state.delivered ? `${state.delivered.to}, ${paperDate(state.delivered.deliveredOn)}` : ''],
    ...(state.notConsidered
      ? [[t('print.card.notConsidered'), labelOf(NOT_CONSIDERED_REASONS, state.notConsidered.reason, uk)] as [string, string]]
      : []),
    ...(record.returned
      ? [
          [t('print.card.returned'), `${paperDate(record.returned.returnedOn)}: ${record.returned.explanation}`] as [
            string,
            string,
          ],
        ]
      : []),
    [t('print.card.closed'), record.closed ? `${record.closed.by}, ${paperDate(record.closed.on)}` : ''],
    [t('form.note'), c.note],
  ];

  return (
    <Paper office={office} kind="card" label={t('print.card.title')}>
      <PaperTitle
        title={t('print.card.title')}
        subtitle={t('print.card.subtitle', { index: appeal.regIndex, date: paperDate(c.receivedOn) })}
      />
      <PaperRows caption={t('print.card.sectionApplicant')} rows={applicant} />
      <PaperRows caption={t('print.card.sectionRegistration')} rows={registration} />
      <section className="paper-issues">
        <h2>{t('print.card.sectionIssues')}</h2>
        {c.issues.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues of an appeal keep their order
          <div key={i} className="paper-issue">
            <p className="paper-issue-topic">
              {t('print.card.issue', { n: i + 1, code: issue.topicCode, topic: topicLabelBesideCode(issue.topicCode, uk, t) })}
            </p>
            <p className="paper-text">{issue.text}</p>
          </div>
        ))}
      </section>
      <PaperRows caption={t('print.card.sectionControl')} rows={control} />
      <SignatureLine label={t('print.card.filledBy')}>
        <Blank caption={t('print.common.signature')} />
        <span className="sign-name">{profile.operatorName}</span>
      </SignatureLine>
      <p className="paper-printed">{t('print.common.printedOn', { date: paperDate(today) })}</p>
    </Paper>
  );
}

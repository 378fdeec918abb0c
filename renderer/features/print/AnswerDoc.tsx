import { ANSWER_OUTCOMES, labelOf } from '../../../shared/reference';
import { applicantLabel } from '../../data/register-projection';
import { Blank, Paper, PaperTitle, SignatureLine } from './Paper';
import type { PrintProps } from './print-props';
import { officeName, paperDate, printT } from './print-text';

/** The answer as handed to the applicant: its outgoing number and date, the text, and a line to sign on receipt. */
export function AnswerDoc({ appeal, state, profile }: PrintProps) {
  const t = printT();
  const office = officeName(t, profile);
  const answer = state.answer;
  if (!answer) return null;
  const c = state.current;
  return (
    <Paper office={office} kind="answer" label={t('print.answer.title')}>
      <div className="paper-addresses">
        <p className="paper-outgoing">
          {t('print.answer.outgoing', { index: answer.replyIndex, date: paperDate(answer.replyDate) })}
        </p>
        <div className="paper-addressee">
          <p>{applicantLabel(c) || t('register.anonymous')}</p>
          <p>{c.address}</p>
        </div>
      </div>
      <PaperTitle
        title={t('print.answer.title')}
        subtitle={t('print.answer.subtitle', { index: appeal.regIndex, date: paperDate(c.receivedOn) })}
      />
      <div className="paper-text paper-answer">{answer.text}</div>
      <dl className="paper-facts">
        <div>
          <dt>{t('print.answer.outcome')}:</dt>
          <dd>{labelOf(ANSWER_OUTCOMES, answer.outcome, 'uk')}</dd>
        </div>
        <div>
          <dt>{t('print.answer.executor')}:</dt>
          <dd>{state.executor || '—'}</dd>
        </div>
      </dl>
      <SignatureLine label={t('print.answer.received')}>
        <Blank caption={t('print.common.signature')} />
        <Blank caption={t('print.common.date')} />
      </SignatureLine>
      <div className="paper-sign-name">
        <Blank caption={t('print.common.name')} wide />
      </div>
    </Paper>
  );
}

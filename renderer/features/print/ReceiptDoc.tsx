import type { ReactNode } from 'react';
import { APPEAL_TYPES, labelOf } from '../../../shared/reference';
import { applicantLabel } from '../../data/register-projection';
import { topicLine } from '../appeal/topic-text';
import { Blank, Paper, PaperRows, PaperTitle, SignatureLine } from './Paper';
import type { PrintProps } from './print-props';
import { officeName, paperDate, printT } from './print-text';

/**
 * The receipt handed to the resident at registration: the index to quote, the date received, the due date with the
 * term of art. 20, and where to ask. It names the main issue's topic only: the text stays in the register (art. 10).
 */
export function ReceiptDoc({ appeal, state, profile, today }: PrintProps) {
  const t = printT();
  const office = officeName(t, profile);
  const c = state.current;
  const main = c.issues[0];
  const due = state.isExtended ? t('print.common.extendedTo', { date: paperDate(state.dueDate) }) : paperDate(state.dueDate);
  const rows: [string, ReactNode][] = [
    [t('print.common.applicant'), applicantLabel(c) || t('register.anonymous')],
    [t('print.common.index'), <strong key="index">{appeal.regIndex}</strong>],
    [t('print.common.receivedOn'), paperDate(c.receivedOn)],
    [t('print.receipt.type'), labelOf(APPEAL_TYPES, c.type, 'uk')],
    [t('print.receipt.topic'), main ? topicLine(main.topicCode, 'uk', t) : ''],
    [t('print.receipt.term'), c.term === 'short' ? t('form.termShort') : t('form.termNormal')],
    [t('print.common.dueDate'), <strong key="due">{due}</strong>],
  ];
  return (
    <Paper office={office} kind="receipt" label={t('print.receipt.title')}>
      <PaperTitle title={t('print.receipt.title')} subtitle={t('print.receipt.subtitle')} />
      <p className="paper-lead">{t('print.receipt.intro')}</p>
      <PaperRows rows={rows} roomy />
      <p className="paper-law">{c.term === 'short' ? t('print.receipt.lawShort') : t('print.receipt.lawNormal')}</p>
      <p className="paper-law">
        {profile.role === 'central'
          ? t('print.receipt.whereCentral')
          : t('print.receipt.whereVillage', { name: profile.villageName })}
      </p>
      <SignatureLine label={t('print.receipt.receivedBy')}>
        <Blank caption={t('print.common.signature')} />
        <span className="sign-name">{profile.operatorName}</span>
        <span className="sign-date">{paperDate(today)}</span>
      </SignatureLine>
    </Paper>
  );
}

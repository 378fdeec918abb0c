import { useTranslation } from 'react-i18next';
import type { AppealSubject } from '../../../shared/domain/appeal/appeal.types';
import { SEXES, SOCIAL_STATUSES, SUBJECTS } from '../../../shared/reference';
import { controlProps, Field } from '../../ui/Field';
import { toOptions } from '../../ui/options';
import type { useAppealForm } from './use-appeal-form';

type Form = ReturnType<typeof useAppealForm>;

/** Who wrote: name, collective or anonymous, contacts, sex and social status. */
export function ApplicantSection({ form }: { form: Form }) {
  const { t, i18n } = useTranslation();
  const { draft, set } = form;
  const err = (f: string) => form.errorOf(f, i18n.language);
  const isAnonymous = draft.subject === 'anonymous';
  return (
    <fieldset>
      <legend>{t('form.applicant')}</legend>
      <div className="row">
        <Field
          id="f-surname"
          label={t('form.surname')}
          error={err('surname')}
          required={!isAnonymous && draft.subject === 'individual'}
        >
          <input
            {...controlProps('f-surname', err('surname'))}
            value={draft.surname}
            onChange={(e) => set('surname', e.target.value)}
            autoFocus
            autoComplete="off"
          />
        </Field>
        <Field id="f-given" label={t('form.givenName')} error={err('givenName')} required={draft.subject === 'individual'}>
          <input
            {...controlProps('f-given', err('givenName'))}
            value={draft.givenName}
            onChange={(e) => set('givenName', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field id="f-patronymic" label={t('form.patronymic')} error={err('patronymic')}>
          <input
            {...controlProps('f-patronymic', err('patronymic'))}
            value={draft.patronymic}
            onChange={(e) => set('patronymic', e.target.value)}
            autoComplete="off"
          />
        </Field>
      </div>
      <div className="row">
        <Field id="f-subject" label={t('form.subject')} error={err('subject')}>
          <select
            {...controlProps('f-subject', err('subject'))}
            value={draft.subject}
            onChange={(e) => set('subject', e.target.value as AppealSubject)}
          >
            {toOptions(SUBJECTS, i18n.language).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        {draft.subject === 'collective' && (
          <Field id="f-collective" label={t('form.collectiveName')} error={err('collectiveName')} required>
            <input
              {...controlProps('f-collective', err('collectiveName'))}
              value={draft.collectiveName}
              onChange={(e) => set('collectiveName', e.target.value)}
            />
          </Field>
        )}
      </div>
      <div className="row">
        <Field id="f-address" label={t('form.address')} error={err('address')} required={!isAnonymous}>
          <input
            {...controlProps('f-address', err('address'))}
            value={draft.address}
            onChange={(e) => set('address', e.target.value)}
            className="wide"
          />
        </Field>
      </div>
      <div className="row">
        <Field id="f-phone" label={t('form.phone')} error={err('phone')} hint={t('form.phoneHint')}>
          <input
            {...controlProps('f-phone', err('phone'), true)}
            type="tel"
            value={draft.phone}
            onChange={(e) => set('phone', e.target.value)}
          />
        </Field>
        <Field id="f-email" label={t('form.email')} error={err('email')}>
          <input
            {...controlProps('f-email', err('email'))}
            type="email"
            value={draft.email}
            onChange={(e) => set('email', e.target.value)}
          />
        </Field>
        <Field id="f-sex" label={t('form.sex')} error={err('sex')}>
          <select
            {...controlProps('f-sex', err('sex'))}
            value={draft.sex}
            onChange={(e) => set('sex', e.target.value as typeof draft.sex)}
          >
            {toOptions(SEXES, i18n.language).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-social" label={t('form.socialStatus')} error={err('socialStatus')}>
          <select
            {...controlProps('f-social', err('socialStatus'))}
            value={draft.socialStatus}
            onChange={(e) => set('socialStatus', e.target.value)}
          >
            <option value="">{t('form.notSpecified')}</option>
            {toOptions(SOCIAL_STATUSES, i18n.language).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </fieldset>
  );
}

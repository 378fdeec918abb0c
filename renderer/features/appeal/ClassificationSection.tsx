import { useTranslation } from 'react-i18next';
import type { AppealType, ConsiderationTerm } from '../../../shared/domain/appeal/appeal.types';
import { APPEAL_TYPES, APPLICANT_CATEGORIES, RECEIPT_FORMS, RECEIPT_SIGNS } from '../../../shared/reference';
import { controlProps, Field } from '../../ui/Field';
import { toOptions } from '../../ui/options';
import type { useAppealForm } from './use-appeal-form';

type Form = ReturnType<typeof useAppealForm>;

/** How it came and what kind it is: type, form and sign of receipt, categories, dates and the term. */
export function ClassificationSection({ form, today }: { form: Form; today: string }) {
  const { t, i18n } = useTranslation();
  const { draft, set } = form;
  const err = (f: string) => form.errorOf(f, i18n.language);
  const select = (id: string, field: 'type' | 'receiptForm' | 'receiptSign', items: typeof APPEAL_TYPES, label: string) => (
    <Field id={id} label={label} error={err(field)} required>
      <select {...controlProps(id, err(field))} value={draft[field]} onChange={(e) => set(field, e.target.value as AppealType)}>
        {toOptions(items, i18n.language).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <fieldset>
      <legend>{t('form.registration')}</legend>
      <div className="row">
        {select('f-type', 'type', APPEAL_TYPES, t('form.type'))}
        {select('f-form', 'receiptForm', RECEIPT_FORMS, t('form.receiptForm'))}
        {select('f-sign', 'receiptSign', RECEIPT_SIGNS, t('form.receiptSign'))}
      </div>
      <div className="row">
        <Field id="f-received" label={t('form.receivedOn')} error={err('receivedOn')} required>
          <input
            {...controlProps('f-received', err('receivedOn'))}
            type="date"
            max={today}
            value={draft.receivedOn}
            onChange={(e) => set('receivedOn', e.target.value)}
          />
        </Field>
        <Field id="f-letter" label={t('form.letterDate')} error={err('letterDate')}>
          <input
            {...controlProps('f-letter', err('letterDate'))}
            type="date"
            max={today}
            value={draft.letterDate ?? ''}
            onChange={(e) => set('letterDate', e.target.value || null)}
          />
        </Field>
        <Field id="f-term" label={t('form.term')} error={err('term')}>
          <select
            {...controlProps('f-term', err('term'))}
            value={draft.term}
            onChange={(e) => set('term', e.target.value as ConsiderationTerm)}
          >
            <option value="normal">{t('form.termNormal')}</option>
            <option value="short">{t('form.termShort')}</option>
          </select>
        </Field>
      </div>
      <div className="field">
        <span className="label" id="f-categories-label">
          {t('form.categories')}
        </span>
        <div className="checks" role="group" aria-labelledby="f-categories-label">
          {toOptions(APPLICANT_CATEGORIES, i18n.language).map((o) => (
            <label key={o.value} className="check">
              <input type="checkbox" checked={draft.categories.includes(o.value)} onChange={() => form.toggleCategory(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
      </div>
    </fieldset>
  );
}

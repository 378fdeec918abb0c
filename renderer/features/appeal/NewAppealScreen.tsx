import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { navigate } from '../../app/use-route';
import { useToday } from '../../app/use-today';
import { formatDate } from '../../i18n/i18n';
import { controlProps, Field } from '../../ui/Field';
import { FilePicker } from '../files/FilePicker';
import { useFilePicker } from '../files/use-file-picker';
import { ApplicantSection } from './ApplicantSection';
import { ClassificationSection } from './ClassificationSection';
import { IssuesSection } from './IssuesSection';
import { saveErrorText } from './save-error';
import { useAppealForm } from './use-appeal-form';

/** Fields shown inline by the sections; any other problem is listed in the summary at the top. */
const INLINE =
  /^(surname|givenName|patronymic|subject|collectiveName|address|phone|email|sex|socialStatus|type|receiptForm|receiptSign|receivedOn|letterDate|term|note|issues(\.\d+\.(topicCode|text))?)$/;

/** The registration form: keyboard-first, Ctrl+Enter saves and opens the confirmation with the new index. */
export function NewAppealScreen() {
  const { t, i18n } = useTranslation();
  const { records } = useApp();
  const today = useToday();
  const form = useAppealForm(today);
  const [isSaving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const picker = useFilePicker();
  const err = (f: string) => form.errorOf(f, i18n.language);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (isSaving) return;
    setSaving(true);
    setSaveError(null);
    try {
      const result = await records.registerAppeal(form.draft);
      if (result.ok) {
        // The appeal is registered; its files (checked when chosen) are stored with it, all or none. Should that
        // fail, the card still offers to attach them again.
        if (picker.chosen.length > 0) {
          const stored = await records.attachFiles(result.appeal, picker.chosen);
          if (!stored.ok) console.error('files not stored with the appeal', stored.problems);
        }
        navigate({ name: 'registered', id: result.appeal.id });
      } else {
        form.setProblems(result.problems);
        // Focus the first field with a problem so the keyboard user lands where the fix is needed.
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      }
    } catch (error) {
      setSaveError(saveErrorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const other = form.problems.filter((p) => !INLINE.test(p.field));
  return (
    <form
      className="appeal-form"
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
      noValidate
      // Chromium keeps the state of autocompletable fields on disk for session restore (the profile's Sessions folder,
      // measured: the appeal text was there); off keeps what a resident said in the register only, and out of autofill.
      autoComplete="off"
      aria-labelledby="new-title"
    >
      <h1 id="new-title">{t('form.title')}</h1>
      <p className="hint">{t('form.indexHint', { prefix: records.indexPrefix() })}</p>
      {form.problems.length > 0 && (
        <div className="problems" role="alert">
          <strong>{t('form.problemsTitle', { count: form.problems.length })}</strong>
          {other.length > 0 && (
            <ul>
              {other.map((p) => (
                <li key={`${p.field}:${p.code}`}>{i18n.language === 'en' ? p.message.en : p.message.uk}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ApplicantSection form={form} />
      <IssuesSection form={form} />
      <ClassificationSection form={form} today={today} />
      <fieldset>
        <legend>{t('form.other')}</legend>
        <Field id="f-note" label={t('form.note')} error={err('note')}>
          <textarea
            {...controlProps('f-note', err('note'))}
            rows={2}
            value={form.draft.note}
            onChange={(e) => form.set('note', e.target.value)}
          />
        </Field>
        <FilePicker picker={picker} />
      </fieldset>
      <div className="form-footer">
        <output aria-live="polite" data-testid="due-preview">
          {form.dueDate ? t('form.dueLive', { date: formatDate(form.dueDate, i18n.language) }) : t('form.dueUnknown')}
        </output>
        {saveError && (
          <p className="error" role="alert">
            {t('form.saveFailed', { detail: saveError })}
          </p>
        )}
        <button type="submit" className="primary" disabled={isSaving || picker.isPreparing}>
          {t('form.save')} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </form>
  );
}

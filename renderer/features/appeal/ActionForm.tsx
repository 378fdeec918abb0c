import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { Problem } from '../../../shared/domain/appeal/validate';
import type { AppealState, EventKind } from '../../../shared/domain/events/event.types';
import { useApp } from '../../app/app-context';
import { useToday } from '../../app/use-today';
import { ACTION_FIELDS, amendableValue, initialValues, toPayload } from './action-fields';
import { saveErrorText } from './save-error';

interface Props {
  kind: EventKind;
  appeal: Appeal;
  state: AppealState;
  applicant: string;
  onDone: () => void;
}

/** One action on the card (forward, hand over, extend, …): its inputs, its problems in words, and save. */
export function ActionForm({ kind, appeal, state, applicant, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const { records } = useApp();
  const today = useToday();
  const [values, setValues] = useState(() => initialValues(kind, state, today, applicant));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [isSaving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'uk';

  const change = (name: string, value: string) =>
    setValues((v) =>
      kind === 'amended' && name === 'field'
        ? { ...v, field: value, value: amendableValue(state, value) }
        : { ...v, [name]: value },
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaveError(null);
    try {
      const result = await records.recordEvent(appeal, kind, toPayload(kind, values, state));
      if (result.ok) onDone();
      else setProblems(result.problems);
    } catch (error) {
      // Nothing was written (an event is one document); what was typed stays in the form to try again.
      setSaveError(saveErrorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="action-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t(`action.${kind}`)}
      noValidate
      // Answers and comments quote residents: not into the browser's session-restore files or autofill.
      autoComplete="off"
    >
      <h3>{t(`action.${kind}`)}</h3>
      {ACTION_FIELDS[kind].map((f, i) => {
        const id = `a-${kind}-${f.name}`;
        const common = { id, value: values[f.name] ?? '', autoFocus: i === 0 };
        return (
          <div className="field" key={f.name}>
            <label htmlFor={id}>
              {t(f.label)}
              {!f.optional && <span aria-hidden="true"> *</span>}
            </label>
            {f.kind === 'textarea' && <textarea {...common} rows={3} onChange={(e) => change(f.name, e.target.value)} />}
            {f.kind === 'text' && <input {...common} onChange={(e) => change(f.name, e.target.value)} />}
            {f.kind === 'date' && <input {...common} type="date" onChange={(e) => change(f.name, e.target.value)} />}
            {f.kind === 'select' && (
              <select {...common} onChange={(e) => change(f.name, e.target.value)}>
                {f.options?.map((o) => (
                  <option key={o.code} value={o.code}>
                    {f.translateOptions ? t(o[lang]) : o[lang]}
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      })}
      {problems.length > 0 && (
        <ul className="error" role="alert">
          {problems.map((p) => (
            <li key={`${p.field}:${p.code}`}>{p.message[lang]}</li>
          ))}
        </ul>
      )}
      {saveError && (
        <p className="error" role="alert">
          {t('form.saveFailed', { detail: saveError })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSaving}>
          {t('action.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

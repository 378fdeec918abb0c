import { useTranslation } from 'react-i18next';
import { TOPICS } from '../../../shared/reference';
import { controlProps, Field } from '../../ui/Field';
import type { useAppealForm } from './use-appeal-form';

type Form = ReturnType<typeof useAppealForm>;

/** The substance: the main issue and any additional ones, each with its classifier topic. */
export function IssuesSection({ form }: { form: Form }) {
  const { t, i18n } = useTranslation();
  const err = (f: string) => form.errorOf(f, i18n.language);
  return (
    <fieldset>
      <legend>{t('form.issues')}</legend>
      {form.draft.issues.map((issue, i) => {
        const topicId = `f-topic-${i}`;
        const textId = `f-text-${i}`;
        return (
          // Issues have no id of their own; their position is their identity while the form is open.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div className="issue" key={i}>
            <Field
              id={topicId}
              label={i === 0 ? t('form.mainTopic') : t('form.extraTopic', { n: i })}
              error={err(`issues.${i}.topicCode`)}
              required
            >
              <select
                {...controlProps(topicId, err(`issues.${i}.topicCode`))}
                value={issue.topicCode}
                onChange={(e) => form.setIssue(i, { topicCode: e.target.value })}
              >
                <option value="">{t('form.chooseTopic')}</option>
                {TOPICS.map((topic) => (
                  <option key={topic.code} value={topic.code}>
                    {topic.code} — {i18n.language === 'en' ? topic.en : topic.uk}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={textId} label={i === 0 ? t('form.text') : t('form.extraText')} error={err(`issues.${i}.text`)} required>
              <textarea
                {...controlProps(textId, err(`issues.${i}.text`))}
                rows={i === 0 ? 5 : 3}
                value={issue.text}
                onChange={(e) => form.setIssue(i, { text: e.target.value })}
              />
            </Field>
            {i > 0 && (
              <button type="button" className="link" onClick={() => form.removeIssue(i)}>
                {t('form.removeIssue')}
              </button>
            )}
          </div>
        );
      })}
      <button type="button" onClick={form.addIssue}>
        {t('form.addIssue')}
      </button>
      {err('issues') && (
        <p className="error" role="alert">
          {err('issues')}
        </p>
      )}
    </fieldset>
  );
}

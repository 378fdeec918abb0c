import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/use-route';
import { formatDate } from '../../i18n/i18n';
import { useAppeal } from './use-appeal';

/** Shown right after registration: the new index and due date; Enter starts the next registration. */
export function RegisteredScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const loaded = useAppeal(id);
  const next = useRef<HTMLButtonElement>(null);
  const isLoaded = Boolean(loaded);
  useEffect(() => {
    if (isLoaded) next.current?.focus();
  }, [isLoaded]);
  if (!loaded) return <p>{t('card.loading')}</p>;
  return (
    <section className="saved" aria-live="polite">
      <h1>{t('form.savedTitle')}</h1>
      <p className="big-index" data-testid="saved-index">
        {loaded.appeal.regIndex}
      </p>
      <p>{t('form.savedDue', { date: formatDate(loaded.state.dueDate, i18n.language) })}</p>
      <div className="actions">
        <button type="button" className="primary" ref={next} onClick={() => navigate({ name: 'new' })}>
          {t('form.registerNext')}
        </button>
        <button type="button" onClick={() => navigate({ name: 'print', doc: 'receipt', id })}>
          {t('print.open.receiptNow')}
        </button>
        <button type="button" onClick={() => navigate({ name: 'appeal', id })}>
          {t('form.openCard')}
        </button>
        <button type="button" onClick={() => navigate({ name: 'register' })}>
          {t('form.toRegister')}
        </button>
      </div>
    </section>
  );
}

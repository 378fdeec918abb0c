import { useTranslation } from 'react-i18next';

/** Shown when the local database cannot be opened: says so in words instead of a blank window. */
export function FatalError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <main className="fatal" role="alert">
      <h1>{t('fatal.title')}</h1>
      <p>{t('fatal.body')}</p>
      <pre>{detail}</pre>
      <button type="button" onClick={() => window.location.reload()}>
        {t('fatal.reload')}
      </button>
    </main>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** "Про програму" from the desktop menu: the app, its version and what it is for, in a modal dialog. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="about" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">{t('app.name')}</h2>
      <p>{t('app.about.version', { version: __APP_VERSION__ })}</p>
      <p>{t('app.about.purpose')}</p>
      <form method="dialog">
        <button type="submit">{t('app.about.close')}</button>
      </form>
    </dialog>
  );
}

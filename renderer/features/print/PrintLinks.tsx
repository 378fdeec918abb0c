import { useTranslation } from 'react-i18next';
import type { PrintDoc } from '../../app/route';
import { routeHash } from '../../app/use-route';

/** Links from the appeal card to its printable papers; the answer only once there is one. */
export function PrintLinks({ id, hasAnswer }: { id: string; hasAnswer: boolean }) {
  const { t } = useTranslation();
  const docs: PrintDoc[] = hasAnswer ? ['card', 'receipt', 'answer'] : ['card', 'receipt'];
  return (
    <nav className="print-links" aria-label={t('print.open.title')}>
      <h2>{t('print.open.title')}</h2>
      <div className="action-buttons">
        {docs.map((doc) => (
          <a key={doc} className="button" href={routeHash({ name: 'print', doc, id })}>
            {t(`print.open.${doc}`)}
          </a>
        ))}
      </div>
    </nav>
  );
}

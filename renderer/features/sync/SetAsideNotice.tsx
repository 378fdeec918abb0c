import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { SetAsideEntry } from '../../data/records';
import { formatDateTime } from '../../i18n/i18n';

/**
 * Records that did not enter this PC's database (ingest set them aside), counted in the status bar, tamper alarms
 * called out on their own, with a list of each one's reason and where it came from. Nothing is ever dropped silently.
 */
export function SetAsideNotice() {
  const { t, i18n } = useTranslation();
  const { records } = useApp();
  const [entries, setEntries] = useState<SetAsideEntry[]>([]);
  useEffect(() => records.observeSetAside(setEntries), [records]);
  if (entries.length === 0) return null;
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const tampered = entries.filter((e) => e.isTamper).length;
  return (
    <details className="set-aside" data-testid="set-aside">
      <summary>
        {t('setAside.count', { count: entries.length })}
        {tampered > 0 && (
          <strong className="tamper-alarm" role="alert">
            {' '}
            {t('setAside.tamper', { count: tampered })}
          </strong>
        )}
      </summary>
      <div className="set-aside-list">
        <p>{t('setAside.title')}</p>
        <ul>
          {entries.map((e) => (
            <li key={e.key} className={e.isTamper ? 'tamper' : undefined}>
              {t('setAside.item', {
                source: t(`setAside.source.${e.source}`),
                time: formatDateTime(e.at, lang),
                record: `${e.collection}/${e.id}`,
                reason: e.reason[lang],
              })}
              {e.isTamper && ` (${t('setAside.tamperMark')})`}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

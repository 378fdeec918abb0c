import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DownloadProgress as Progress } from '../../data/sync/pull-progress';

/** "≈ 40 s", "≈ 3 min", "≈ 1 h 5 min": rounded up, never finer than the estimate is. */
export function formatEta(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('statusBar.etaSeconds', { count: Math.max(1, Math.ceil(seconds / 5) * 5) });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t('statusBar.etaMinutes', { count: minutes });
  return t('statusBar.etaHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** A long pull's progress on the status bar (a new PC's first sync): done of total, and the time left. */
export function DownloadProgress({ progress }: { progress: Progress }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'uk-UA');
  const values = { done: number(progress.done), total: number(progress.total) };
  return (
    <span data-testid="sync-download">
      {progress.etaSeconds === null
        ? t('statusBar.download', values)
        : t('statusBar.downloadEta', { ...values, eta: formatEta(progress.etaSeconds, t) })}
    </span>
  );
}

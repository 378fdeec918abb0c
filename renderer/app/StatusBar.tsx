import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { FAILURE_TEXT } from '../data/sync/sync-failure';
import type { SyncReport } from '../data/sync/sync-status';
import { BackupReminder } from '../features/backup/BackupReminder';
import { DownloadProgress } from '../features/sync/DownloadProgress';
import { SetAsideNotice } from '../features/sync/SetAsideNotice';
import { useSyncStatus } from '../features/sync/use-sync-status';
import { formatDateTime } from '../i18n/i18n';
import { useApp } from './app-context';

function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * The bottom line tells the truth: whether the council's server answers, how many records wait to be sent, when the
 * last successful sync was, progress while documents move, why the last attempt failed, what "sync now" did, and
 * the records set aside on their way in (a tamper alarm among them called out).
 */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const { index, sync } = useApp();
  useSyncExternalStore(index.subscribe, index.getVersion);
  const status = useSyncStatus(sync);
  const browserOnline = useBrowserOnline();
  const [report, setReport] = useState<SyncReport | null>(null);
  const [isSyncing, setSyncing] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const isOnline = status.isConfigured ? status.isOnline && browserOnline : browserOnline;

  const syncNow = async () => {
    setSyncing(true);
    setReport(null);
    try {
      setReport(await sync.syncNow());
    } finally {
      setSyncing(false);
    }
  };

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={isOnline ? 'online' : 'offline'}>{isOnline ? t('statusBar.online') : t('statusBar.offline')}</span>
      <span>{index.isLoaded ? t('statusBar.count', { count: index.size }) : t('statusBar.loading')}</span>
      <BackupReminder />
      <SetAsideNotice />
      {!status.isConfigured ? (
        <span>
          {t('statusBar.syncNotConfigured')} <a href="#/login">{t('statusBar.login')}</a>
        </span>
      ) : (
        <>
          <span data-testid="sync-waiting">{t('statusBar.waiting', { count: status.waiting })}</span>
          <span data-testid="sync-last">
            {status.lastSyncAt
              ? t('statusBar.lastSync', { time: formatDateTime(status.lastSyncAt, lang) })
              : t('statusBar.neverSynced')}
          </span>
          {status.isActive && <span>{t('statusBar.progress', { sent: status.sent, received: status.received })}</span>}
          {status.download && <DownloadProgress progress={status.download} />}
          {status.uploads.filesWaiting > 0 && (
            <span data-testid="sync-files">
              {t('files.statusBar', {
                percent: status.uploads.bytesTotal ? Math.floor((100 * status.uploads.bytesSent) / status.uploads.bytesTotal) : 0,
                files: status.uploads.filesWaiting,
              })}
            </span>
          )}
          {status.failure && (
            <span className="sync-failure" role="status">
              {FAILURE_TEXT[status.failure.kind][lang]}
              {status.failure.kind === 'login' && (
                <>
                  {' '}
                  <a href="#/login">{t('statusBar.loginAgain')}</a>
                </>
              )}
            </span>
          )}
          {status.rejected.length > 0 && (
            <details className="rejected">
              <summary>{t('statusBar.rejected', { count: status.rejected.length })}</summary>
              <ul>
                {status.rejected.map((r) => (
                  <li key={r.key}>
                    {r.docId}: {r.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" className="sync-now" onClick={() => void syncNow()} disabled={isSyncing}>
            {isSyncing ? t('statusBar.syncing') : t('statusBar.syncNow')}
          </button>
          {report && (
            <span role="status" data-testid="sync-report">
              {report.ok
                ? t('statusBar.reportOk', { sent: report.sent, received: report.received })
                : t('statusBar.reportFailed', { reason: FAILURE_TEXT[report.failure.kind][lang] })}
            </span>
          )}
        </>
      )}
    </footer>
  );
}

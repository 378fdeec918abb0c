import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './app-context';

function useOnline(): boolean {
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
 * The bottom line tells the truth about where the data is: saved on this PC, how many appeals the register holds,
 * and that sending to the council is not set up yet (the sync issue adds it).
 */
export function StatusBar() {
  const { t } = useTranslation();
  const { index } = useApp();
  useSyncExternalStore(index.subscribe, index.getVersion);
  const online = useOnline();
  return (
    <footer className="status-bar">
      <span className={online ? 'online' : 'offline'}>{online ? t('statusBar.online') : t('statusBar.offline')}</span>
      <span>{t('statusBar.savedLocally')}</span>
      <span>{index.isLoaded ? t('statusBar.count', { count: index.size }) : t('statusBar.loading')}</span>
      <span>{t('statusBar.syncNotConfigured')}</span>
    </footer>
  );
}

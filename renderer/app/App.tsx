import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../data/profile.repository';
import { AppealCard } from '../features/appeal/AppealCard';
import { NewAppealScreen } from '../features/appeal/NewAppealScreen';
import { RegisteredScreen } from '../features/appeal/RegisteredScreen';
import { BackupScreen } from '../features/backup/BackupScreen';
import { RestoreFromBackup } from '../features/backup/RestoreFromBackup';
import { OperatorsScreen } from '../features/lock/OperatorsScreen';
import { OverviewScreen } from '../features/overview/OverviewScreen';
import { PrintScreen } from '../features/print/PrintScreen';
import { RegisterScreen } from '../features/register/RegisterScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { LoginScreen } from '../features/sync/LoginScreen';
import { setLanguage } from '../i18n/i18n';
import { platform } from '../platform/platform';
import { AboutDialog } from './AboutDialog';
import { AppContext, type AppServices } from './app-context';
import type { Boot } from './bootstrap';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { StatusBar } from './StatusBar';
import type { Session } from './session';
import { useLock } from './use-lock';
import { navigate, useRoute } from './use-route';

/** The app shell after sign-in: setup on first start, then header, the current screen and the status bar. */
export function App({ boot, session: initialSession }: { boot: Boot; session: Session }) {
  const [profile, setProfileState] = useState<Profile | null>(boot.profile);
  const [session, setSession] = useState(initialSession);
  const [showAbout, setShowAbout] = useState(false);
  useLock(session.keyring.idleMinutes);
  const route = useRoute();
  const { i18n } = useTranslation();

  useEffect(() => {
    // The full in-memory register loads once the first screen is on display (the register starts it as soon as its
    // first page is shown; this covers the other screens).
    const timer = setTimeout(() => {
      void boot.index.load();
      // Rebuilds register rows missing after an interrupted write; their change events reach the index.
      void boot.records.repairRegister().catch((error: unknown) => console.error('register check failed', error));
    }, 1000);
    return () => clearTimeout(timer);
  }, [boot.index, boot.records]);

  useEffect(
    () =>
      platform.onMenuCommand((cmd) => {
        if (cmd === 'new-appeal') navigate({ name: 'new' });
        else if (cmd === 'open-register') navigate({ name: 'register' });
        else if (cmd === 'open-overview') navigate({ name: 'overview' });
        else if (cmd === 'find') document.getElementById('register-search')?.focus();
        else if (cmd === 'set-language-uk' || cmd === 'set-language-en')
          void setLanguage(cmd === 'set-language-uk' ? 'uk' : 'en');
        else if (cmd === 'about') setShowAbout(true);
      }),
    [],
  );

  useEffect(() => {
    void platform.setLanguage(i18n.language === 'en' ? 'en' : 'uk');
  }, [i18n.language]);

  // Whoever is signed in is the operator of every record made now, whatever the profile was saved with.
  const setProfile = useCallback(
    async (next: Profile) => {
      const signed = { ...next, operatorName: session.operator };
      await boot.records.saveProfile(signed);
      setProfileState(signed);
    },
    [boot.records, session.operator],
  );

  const services: AppServices | null = useMemo(
    () =>
      profile ? { records: boot.records, index: boot.index, sync: boot.sync, profile, setProfile, session, setSession } : null,
    [boot.records, boot.index, boot.sync, profile, setProfile, session],
  );

  if (route.name === 'login') {
    return (
      <LoginScreen
        sync={boot.sync}
        profile={profile}
        onLoggedIn={async (p) => {
          if (!profile || p.communityCode !== profile.communityCode) await setProfile(p);
          navigate({ name: 'register' });
        }}
        onCancel={() => navigate({ name: profile ? 'register' : 'setup' })}
      />
    );
  }

  if (!services || route.name === 'setup') {
    return (
      <SetupScreen
        initial={profile}
        onSave={async (p) => {
          await setProfile(p);
          navigate({ name: 'register' });
        }}
        restore={
          <RestoreFromBackup
            records={boot.records}
            profile={null}
            onProfileRestored={async (p) => {
              await setProfile(p);
              navigate({ name: 'register' });
            }}
          />
        }
      />
    );
  }

  // A paper to print stands alone on the page: no header, no status bar.
  if (route.name === 'print') {
    return (
      <AppContext.Provider value={services}>
        <ErrorBoundary resetKey={JSON.stringify(route)}>
          <PrintScreen doc={route.doc} id={route.id} />
        </ErrorBoundary>
      </AppContext.Provider>
    );
  }

  return (
    <AppContext.Provider value={services}>
      <div className="shell">
        <Header route={route} />
        <main className="screen">
          <ErrorBoundary resetKey={JSON.stringify(route)}>
            {route.name === 'register' && <RegisterScreen />}
            {route.name === 'new' && <NewAppealScreen />}
            {route.name === 'overview' && <OverviewScreen />}
            {route.name === 'reports' && <ReportsScreen />}
            {route.name === 'backup' && <BackupScreen />}
            {route.name === 'operators' && <OperatorsScreen />}
            {route.name === 'appeal' && <AppealCard id={route.id} />}
            {route.name === 'registered' && <RegisteredScreen id={route.id} />}
          </ErrorBoundary>
        </main>
        <StatusBar />
        {showAbout && <AboutDialog onClose={() => setShowAbout(false)} />}
      </div>
    </AppContext.Provider>
  );
}

import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWorkstation } from '../../../shared/domain/indexes/reg-index';
import type { Profile } from '../../data/profile.repository';
import type { SyncConfig } from '../../data/sync/sync-config';
import type { SyncService } from '../../data/sync/sync-service';
import { Field } from '../../ui/Field';

interface Props {
  sync: SyncService;
  profile: Profile | null;
  onLoggedIn: (profile: Profile) => Promise<void>;
  onCancel: () => void;
}

const DEFAULT_SERVER = 'http://127.0.0.1:5984';

/** An account the server has locked after failed logins: the same server and name wait until `until`. */
interface Lock {
  serverUrl: string;
  username: string;
  until: number;
  /** The message that said so, taken away when the lock ends. */
  message: string;
}

/**
 * Login to the council's server (checked against CouchDB's `_session`). On a new PC it also sets the workstation up
 * from the account: the village comes from the account's role, so a PC can never be bound to another village's data.
 */
export function LoginScreen({ sync, profile, onLoggedIn, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [serverUrl, setServerUrl] = useState(sync.config?.serverUrl ?? DEFAULT_SERVER);
  const [username, setUsername] = useState(sync.config?.username ?? '');
  const [password, setPassword] = useState('');
  const [workstation, setWorkstation] = useState('1');
  const [villageName, setVillageName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [lock, setLock] = useState<Lock | null>(null);
  // A second submit while one is in flight (Enter pressed twice) must not send a second password: CouchDB counts each.
  const inFlight = useRef(false);
  const isLocked = lock !== null && lock.serverUrl === serverUrl && lock.username === username.trim();
  const lang = i18n.language === 'en' ? 'en' : 'uk';

  // The server's community code fills in a PC that has none; one a PC already has is kept.
  const profileFrom = useCallback(
    (config: SyncConfig, communityCode: string | undefined): Profile => {
      const code = profile?.communityCode ?? communityCode;
      const base: Profile = profile ?? {
        role: config.role,
        villageCode: config.villageId,
        villageName: config.role === 'central' ? t('setup.centralOffice') : villageName.trim() || config.villageId,
        workstation: Number(workstation) || 1,
        // The app replaces it with the signed-in operator (App.setProfile).
        operatorName: '',
      };
      return code ? { ...base, communityCode: code } : base;
    },
    [profile, t, workstation, villageName],
  );

  // The desktop page reloaded to reach a newly saved server: finish that login with the saved credentials.
  useEffect(() => {
    if (!sync.hasPendingLogin()) return;
    setBusy(true);
    void sync.resumeLogin(profile).then(async (result) => {
      setBusy(false);
      if (!result.ok) return setError(result.message[lang]);
      await onLoggedIn(profileFrom(result.config, result.communityCode));
    });
  }, [sync, profile, lang, onLoggedIn, profileFrom]);

  // The lock ends by itself: then the form says so and takes the password again.
  useEffect(() => {
    if (!lock) return;
    const timer = setTimeout(
      () => {
        setLock(null);
        setError((shown) => (shown === lock.message ? null : shown));
        setNotice(t('login.unlocked'));
      },
      Math.max(0, lock.until - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [lock, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current || isLocked) return;
    if (!profile && !isWorkstation(Number(workstation))) return setError(t('setup.errors.workstation'));
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const result = await sync.login({ serverUrl, username: username.trim(), password }, profile);
      if (!result.ok) {
        const message = result.message[lang];
        if (result.lockedUntil) setLock({ serverUrl, username: username.trim(), until: result.lockedUntil, message });
        return setError(message);
      }
      await onLoggedIn(profileFrom(result.config, result.communityCode));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <main className="setup">
      <h1>{t('login.title')}</h1>
      <p>{profile ? t('login.introAgain') : t('login.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="login-server" label={t('login.server')} hint={t('login.serverHint')}>
          <input id="login-server" type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </Field>
        <Field id="login-user" label={t('login.username')}>
          <input
            id="login-user"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoFocus
          />
        </Field>
        <Field id="login-password" label={t('login.password')} hint={t('login.passwordHint')}>
          <input
            id="login-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            aria-describedby="login-password-hint"
          />
        </Field>
        {!profile && (
          <>
            <Field id="login-ws" label={t('setup.workstation')} hint={t('setup.workstationHint')}>
              <input
                id="login-ws"
                type="number"
                min={1}
                max={99}
                value={workstation}
                onChange={(e) => setWorkstation(e.target.value)}
              />
            </Field>
            <Field id="login-village" label={t('login.villageName')} hint={t('login.villageNameHint')}>
              <input id="login-village" value={villageName} onChange={(e) => setVillageName(e.target.value)} />
            </Field>
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={isBusy || isLocked}>
            {t('login.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('login.cancel')}
          </button>
        </div>
      </form>
    </main>
  );
}

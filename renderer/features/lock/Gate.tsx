import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from '../../app/App';
import { type Boot, bootstrap } from '../../app/bootstrap';
import { FatalError } from '../../app/FatalError';
import type { Session } from '../../app/session';
import type { Keyring } from '../../data/keyring/keyring';
import { type KeyringStore, keyringStore, type LoadedKeyring } from '../../data/keyring/keyring-store';
import { deleteSealedRegister, hasSealedRegister } from '../../data/sealed/orphan';
import { platform } from '../../platform/platform';
import { FirstOperatorScreen } from './FirstOperatorScreen';
import { LockScreen } from './LockScreen';
import { RecoveryCodeScreen } from './RecoveryCodeScreen';

type State =
  | { kind: 'loading' }
  /** `orphan`: a sealed register without its keys is on this PC (orphan.ts). */
  | { kind: 'first'; orphan: boolean }
  | { kind: 'recovery-code'; code: string; open: () => void }
  | { kind: 'locked'; loaded: Extract<LoadedKeyring, { keyring: Keyring }> }
  | { kind: 'opening' }
  | { kind: 'open'; boot: Boot; session: Session }
  | { kind: 'failed'; error: unknown };

const store: KeyringStore = keyringStore(platform.keyringBox);

/**
 * The app's front door. Nothing of the register exists in the page until an operator has signed in: the database is
 * opened (and its key unwrapped) only then. First start: the first operator sets a password and is shown the
 * recovery code; every later start, and every lock, shows the lock screen.
 */
export function Gate() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    store
      .load()
      .then(async (loaded) =>
        setState(loaded.state === 'none' ? { kind: 'first', orphan: await hasSealedRegister() } : { kind: 'locked', loaded }),
      )
      .catch((error: unknown) => setState({ kind: 'failed', error }));
  }, []);

  const open = (operator: string, dataKey: CryptoKey, keyring: Keyring) => {
    setState({ kind: 'opening' });
    performance.mark('ov:unlocked');
    bootstrap({ dataKey, operator }).then(
      (boot) => setState({ kind: 'open', boot, session: { operator, keyring, store } }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  };

  switch (state.kind) {
    case 'loading':
      return null;
    case 'opening':
      return <Opening />;
    case 'failed':
      return <FatalError error={state.error} />;
    case 'first':
      return (
        <FirstOperatorScreen
          store={store}
          orphan={state.orphan}
          onCreated={async (c) => {
            if (state.orphan) await deleteSealedRegister();
            setState({ kind: 'recovery-code', code: c.recoveryCode, open: () => open(c.operator, c.dataKey, c.keyring) });
          }}
        />
      );
    case 'recovery-code':
      return <RecoveryCodeScreen code={state.code} onDone={state.open} />;
    case 'locked':
      return <LockScreen store={store} loaded={state.loaded} onUnlocked={(u) => open(u.operator, u.dataKey, u.keyring)} />;
    case 'open':
      return <App boot={state.boot} session={state.session} />;
  }
}

/** Between the password and the first screen (an earlier register may be moving in). */
function Opening() {
  const { t } = useTranslation();
  return (
    <main className="setup lock-screen">
      <p role="status">{t('lock.opening')}</p>
    </main>
  );
}

import { useEffect, useState } from 'react';
import { type Keyring, nextAttemptAt } from '../../data/keyring/keyring';
import type { KeyringStore } from '../../data/keyring/keyring-store';

/**
 * Counts wrong passwords (and recovery codes) in the stored keyring, so a reload does not reset the count, and says
 * how many seconds the next attempt must wait (keyring.ts retryDelayMs).
 */
export function useAttempts(store: KeyringStore, initial: Keyring) {
  const [keyring, setKeyring] = useState(initial);
  const [now, setNow] = useState(() => Date.now());
  const until = nextAttemptAt(keyring);
  const waitSeconds = until !== null && until > now ? Math.ceil((until - now) / 1000) : 0;

  const waiting = waitSeconds > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waiting]);

  return {
    keyring,
    waitSeconds,
    async failed(): Promise<Keyring> {
      const next = { ...keyring, failures: keyring.failures + 1, lastFailureAt: new Date().toISOString() };
      setKeyring(next);
      setNow(Date.now());
      await store.save(next);
      return next;
    },
    /** The keyring to keep after a success: the count starts over. */
    succeeded(current: Keyring): Keyring {
      return { ...current, failures: 0, lastFailureAt: null };
    },
  };
}

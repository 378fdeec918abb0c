import type { Keyring } from '../data/keyring/keyring';
import type { KeyringStore } from '../data/keyring/keyring-store';

/** Who is signed in, and the keyring they unlocked: the operators screen changes it, the lock ends it. */
export interface Session {
  operator: string;
  keyring: Keyring;
  store: KeyringStore;
}

/**
 * Locks the register: the page starts over, so the data key, the open database, the in-memory register and every
 * screen's state go with it, and the lock screen is all there is until someone signs in again. Sync stops while
 * locked (it needs the key). The route stays in the address, so sign-in returns to the same screen.
 */
export function lockNow(): void {
  location.reload();
}

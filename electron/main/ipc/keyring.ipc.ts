/**
 * Handlers of the `keyring:*` channels: the OS key store (safeStorage) as the outer layer of the operators' keyring.
 * The renderer keeps the keyring (in IndexedDB); main only encrypts and decrypts it on request, keeps nothing on disk
 * and never logs the text. A fixed tag inside the encrypted text separates keyrings from every other safeStorage blob
 * (the saved server password in credentials.json): `keyring:open` refuses whatever does not decrypt to a tagged text,
 * so the channel cannot be used to decrypt them.
 */
import { type InvokeChannel, KEYRING_ERROR_CODES } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/lib/result';
import type { SecretBox } from '../credentials-store';
import type { Logger } from '../logger';
import type { MainHandlers } from './invoke-handlers';

/** Prefixed to the keyring text before encryption; `keyring:open` answers only texts that start with it. */
export const KEYRING_TAG = 'open-village/keyring/v1\n';

export interface KeyringIpcDeps {
  /** The OS encryption (safeStorage with `basic_text`/`unknown` Linux backends counted as unavailable). */
  box: SecretBox;
  log: Logger;
}

type KeyringChannel = Extract<InvokeChannel, `keyring:${string}`>;

function unavailable(): Result<never> {
  return err({ code: KEYRING_ERROR_CODES.unavailable, message: 'This system offers no secure storage for the keyring' });
}

function unreadable(): Result<never> {
  return err({ code: KEYRING_ERROR_CODES.unreadable, message: 'The keyring cannot be opened on this computer' });
}

/** Builds the keyring:* part of the handler map. Payloads arrive validated by the guards (length, base64). */
export function createKeyringHandlers(deps: KeyringIpcDeps): Pick<MainHandlers, KeyringChannel> {
  const { box, log } = deps;
  return {
    'keyring:seal': async (_ctx, text) => {
      if (!(await box.isAvailable())) return unavailable();
      const encrypted = await box.encrypt(KEYRING_TAG + text);
      return ok(encrypted.toString('base64'));
    },
    'keyring:open': async (_ctx, sealed) => {
      if (!(await box.isAvailable())) return unavailable();
      let text: string;
      try {
        // shouldReEncrypt is not acted on: main keeps no copy, and the renderer seals afresh whenever it writes.
        ({ text } = await box.decrypt(Buffer.from(sealed, 'base64')));
      } catch (error) {
        log.warn('keyring not opened: cannot decrypt', { reason: error instanceof Error ? error.message : String(error) });
        return unreadable();
      }
      if (!text.startsWith(KEYRING_TAG)) {
        log.warn('keyring not opened: not a sealed keyring');
        return unreadable();
      }
      return ok(text.slice(KEYRING_TAG.length));
    },
  };
}

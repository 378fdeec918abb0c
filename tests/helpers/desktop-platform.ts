/**
 * A stand-in for the desktop platform adapter (renderer/platform/platform.ts) in Node tests of the login and sync
 * session: the Electron binary cannot run here. It keeps the saved credentials in `saved`, which a test reads and sets.
 * Use it as `vi.mock('…/renderer/platform/platform', () => import('…/helpers/desktop-platform'))`; the test's own
 * import of this module is the same instance, so both see one `saved`.
 */
import type { KeyringBox, SavedCredentials } from '../../renderer/platform/platform';

/** What the stand-in's OS key store holds. */
export const saved: { value: SavedCredentials | null } = { value: null };

/** The desktop platform's contract, as far as the login and sync use it. */
export const platform = {
  kind: 'electron',
  canStoreCredentials: true,
  saveCredentials: async (c: SavedCredentials) => {
    saved.value = { ...c };
    return true;
  },
  loadCredentials: async () => saved.value,
  clearCredentials: async () => {
    saved.value = null;
  },
  setLanguage: async () => undefined,
  onMenuCommand: () => () => undefined,
  /** No OS outer layer, as on Linux without a secret service; a test may put a fake box here. */
  keyringBox: null as KeyringBox | null,
};

/** Handlers of the `credentials:*` channels: remember, read back and forget the council server login (issue 3). */
import type { InvokeChannel } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/lib/result';
import type { CredentialsStore } from '../credentials-store';
import type { MainHandlers } from './invoke-handlers';

export interface CredentialsIpcDeps {
  store: CredentialsStore;
  /** Called after every save or clear with the origin now on disk; the CSP's `connect-src` follows it. */
  onServerChange(origin: string | null): void;
}

type CredentialsChannel = Extract<InvokeChannel, `credentials:${string}`>;

/** Builds the credentials:* part of the handler map. Payloads arrive validated and normalised by the guards. */
export function createCredentialsHandlers(deps: CredentialsIpcDeps): Pick<MainHandlers, CredentialsChannel> {
  return {
    'credentials:save': async (_ctx, credentials) => {
      const result = await deps.store.save(credentials);
      // Also after `credentials/unavailable`: the server (not the password) was kept, and the page must reach it.
      deps.onServerChange(deps.store.savedServerOrigin());
      return result;
    },
    'credentials:load': async () => ok(await deps.store.load()),
    'credentials:clear': () => {
      deps.store.clear();
      deps.onServerChange(null);
      return ok(undefined);
    },
  };
}

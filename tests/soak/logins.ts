/**
 * Login expiry: the user's password is changed on the server while the app syncs; the app meets the refusal (the
 * SyncController stops at the first 401) and the user logs in again with the new password.
 *
 * CouchDB locks an account after 5 refused logins in 5 minutes. A change costs a few refusals (the requests the app
 * had under way, and the admin command's own check of the new password), so a PC's password is changed at most once
 * per lockout window; a schedule that draws one sooner skips it (counted as skipped).
 */
import { addUser } from '../../server/admin/provision';
import { PASSWORD } from '../helpers/sync/sync-clients';
import { retried } from './retry';
import type { Run } from './run-schedule';
import { COUNCIL } from './schedule';

const LOCKOUT_WINDOW_MS = 5.5 * 60_000;
const REFUSAL_WAIT_MS = 8_000;
const LOGIN_WATCH_MS = 3_000;

export class LoginKeeper {
  private readonly lastChange = new Map<number, number>();
  private pending: Promise<string[]>[] = [];
  private changes = 0;

  /** Changes PC `index`'s password on the server unless that risks the lockout; false when skipped. */
  expire(run: Run, index: number): boolean {
    const last = this.lastChange.get(index);
    if (last !== undefined && Date.now() - last < LOCKOUT_WINDOW_MS) return false;
    this.lastChange.set(index, Date.now());
    // A failure of the harness itself is reported by `settled`, not thrown into nowhere.
    const change = this.change(run, index);
    change.catch(() => []);
    this.pending.push(change);
    return true;
  }

  /** Waits until every PC whose password changed has logged in again; returns what went wrong after the new login. */
  async settled(): Promise<string[]> {
    const pending = this.pending;
    this.pending = [];
    return (await Promise.all(pending)).flat();
  }

  private async change(run: Run, index: number): Promise<string[]> {
    const pc = run.pcs[index];
    if (!pc) throw new Error(`no PC ${index}`);
    this.changes++;
    const password = `${PASSWORD} ${this.changes}`;
    const user = run.community.users;
    const spec =
      index === COUNCIL
        ? { name: user.central, password, role: 'central' as const }
        : { name: index === 0 ? user.a : user.b, password, role: 'starosta' as const, village: run.community.villages[index] };
    // The server may be killed in the middle of the change (a restart in the same schedule): it is done again once up.
    await retried(async () => {
      await run.serverUp;
      await addUser(run.couch.conn, run.community.code, spec);
    }, 8);
    pc.password = password;
    // The app meets the refusal at its next request; "sync now" makes one at once instead of waiting for the poll.
    await pc.ask({ op: 'syncNow', timeoutMs: REFUSAL_WAIT_MS });
    const deadline = Date.now() + REFUSAL_WAIT_MS;
    for (;;) {
      const status = await pc.ask({ op: 'status' });
      if (status.failure?.kind === 'login' || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await pc.ask({ op: 'login', password });
    // The new login must hold: a refusal now can only be an answer to a request made with the old password.
    const watchUntil = Date.now() + LOGIN_WATCH_MS;
    while (Date.now() < watchUntil) {
      const status = await pc.ask({ op: 'status' });
      if (!status.isRunning && status.failure?.kind === 'login') {
        return [
          `PC ${index}: logged in again with the new password, then sync stopped with a login refusal ` +
            `(${status.failure.detail ?? ''}): a refused request of the previous login stopped the new one?`,
        ];
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return [];
  }
}

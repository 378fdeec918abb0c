/**
 * Clients for sync tests: an app database per user (RxDB, as in the renderer) with its SyncController logged in to a
 * test CouchDB. A community is provisioned with the admin command's own functions, as `ov-admin` would do it.
 */

import type { AppDatabase } from '../../../renderer/data/database';
import type { Profile } from '../../../renderer/data/profile.repository';
import type { SyncConfig } from '../../../renderer/data/sync/sync-config';
import { SyncController } from '../../../renderer/data/sync/sync-controller';
import type { SyncStatus } from '../../../renderer/data/sync/sync-status';
import { addUser, addVillage } from '../../../server/admin/provision';
import { communityNames } from '../../../shared/couch/names';
import type { TestCouch } from '../couch/test-couch';
import { eventually, uniqueCode } from '../couch/test-couch';

export const PASSWORD = 'correct horse battery';

export interface Community {
  /** The community's code (the test file's own, see test-couch.ts). */
  code: string;
  villages: [string, string];
  users: { a: string; b: string; central: string };
}

/** Two villages with a starosta each and one central user, on a fresh set of databases. */
export async function provisionCommunity(couch: TestCouch): Promise<Community> {
  await couch.setup();
  const code = couch.community;
  const a = uniqueCode('va');
  const b = uniqueCode('vb');
  await addVillage(couch.conn, code, a, 'Глибоке');
  await addVillage(couch.conn, code, b, 'Зарічне');
  const users = { a: `st_${a}`, b: `st_${b}`, central: `c_${a}` };
  await addUser(couch.conn, code, { name: users.a, password: PASSWORD, role: 'starosta', village: a });
  await addUser(couch.conn, code, { name: users.b, password: PASSWORD, role: 'starosta', village: b });
  await addUser(couch.conn, code, { name: users.central, password: PASSWORD, role: 'central' });
  return { code, villages: [a, b], users };
}

/** The profile and sync settings of a user. */
export function clientSetup(
  serverUrl: string,
  username: string,
  role: 'starosta' | 'central',
  villageId: string,
  community: string,
) {
  const profile: Profile = {
    role,
    villageCode: villageId,
    villageName: villageId,
    workstation: 1,
    operatorName: username,
  };
  const names = communityNames(community);
  const dbName = role === 'central' ? names.centralDb : names.villageDb(villageId);
  const config: SyncConfig = { serverUrl, username, community, dbName, role, villageId };
  return { profile, config };
}

/** Starts live sync of a database as a user. */
export function startSync(db: AppDatabase, config: SyncConfig, password = PASSWORD): SyncController {
  const controller = new SyncController(db, config, 'test');
  controller.start({ kind: 'basic', username: config.username, password });
  return controller;
}

/** Waits until the status satisfies a condition. */
export function statusWhere(controller: SyncController, what: string, check: (s: SyncStatus) => boolean, timeoutMs = 30_000) {
  return eventually(what, async () => (check(controller.current) ? controller.current : undefined), timeoutMs);
}

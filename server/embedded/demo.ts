import type { CouchConnection } from '../admin/couch-client';
import { addUser, addVillage, listVillages, setup } from '../admin/provision';

/**
 * The demo community seeded by `npm run server` on an empty server. The passwords are public (printed, in the README)
 * and exist only for demonstrations and tests: never create these users on a real server.
 */

/** Three villages, each with its starosta's login. */
export const DEMO_VILLAGES = [
  { code: 'hlyboke', name: 'Глибоке', user: 'starosta.hlyboke', password: 'demo-hlyboke' },
  { code: 'zarichne', name: 'Зарічне', user: 'starosta.zarichne', password: 'demo-zarichne' },
  { code: 'kalynivka', name: 'Калинівка', user: 'starosta.kalynivka', password: 'demo-kalynivka' },
] as const;

/** The council's central office (the town office) and its user. */
export const DEMO_CENTRAL_USER = { office: 'Виконком громади', user: 'rada', password: 'demo-central' } as const;

/** The demo community's code (named in transfer files; the app takes it from the server at login). */
export const DEMO_COMMUNITY = { code: 'demo_hromada', name: 'Демонстраційна громада' } as const;

/**
 * Sets up the demo community (re-runnable) and, on a server without its villages, creates them and their users.
 * Returns true when it seeded them now.
 */
export async function seedDemo(conn: CouchConnection): Promise<boolean> {
  const community = DEMO_COMMUNITY.code;
  await setup(conn, { community, communityName: DEMO_COMMUNITY.name });
  if ((await listVillages(conn, community)).length > 0) return false;
  for (const v of DEMO_VILLAGES) {
    await addVillage(conn, community, v.code, v.name);
    await addUser(conn, community, { name: v.user, password: v.password, role: 'starosta', village: v.code });
  }
  await addUser(conn, community, { name: DEMO_CENTRAL_USER.user, password: DEMO_CENTRAL_USER.password, role: 'central' });
  return true;
}

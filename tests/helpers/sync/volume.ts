/**
 * Volume for sync tests and the sync benchmark: appeals with events registered through the app's own data layer, and
 * a check of what the central database holds against what the villages registered (every document once, no extras).
 */

import { registerAppeal } from '../../../renderer/data/appeals.repository';
import type { AppDatabase } from '../../../renderer/data/database';
import { recordEvent } from '../../../renderer/data/events.repository';
import type { Profile } from '../../../renderer/data/profile.repository';
import { type CouchConnection, request } from '../../../server/admin/couch-client';
import type { IsoDate } from '../../../shared/lib/dates';
import { draftOf } from '../data/fixtures';

const SURNAMES = ['Мельник', 'Коваль', 'Шевченко', 'Бондар', 'Ткаченко', 'Кравець', 'Олійник', 'Гончар'];

/** Ids of what a village registered: appeals and events. */
export interface Registered {
  appeals: string[];
  events: string[];
}

/**
 * Registers `count` appeals, each followed by `eventsPer(i)` events (a forwarding and a comment), as a starosta
 * would type them: every one validated, indexed and put in the outbox by the app's repositories.
 */
export async function registerMany(
  db: AppDatabase,
  profile: Profile,
  count: number,
  eventsPer: (i: number) => number,
  into: Registered = { appeals: [], events: [] },
): Promise<Registered> {
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  const clock = { now: new Date(), today };
  for (let i = 0; i < count; i++) {
    const draft = draftOf({
      receivedOn: today,
      surname: SURNAMES[i % SURNAMES.length] ?? 'Мельник',
      address: `с. ${profile.villageName}, вул. Садова, ${i + 1}`,
      issues: [{ topicCode: '090', text: `Не працює вуличне освітлення біля будинку ${i + 1}, просимо полагодити` }],
    });
    const registered = await registerAppeal(db, profile, draft, clock);
    if (!registered.ok) throw new Error(`not registered: ${JSON.stringify(registered.problems)}`);
    into.appeals.push(registered.appeal.id);
    const kinds = [
      () => recordEvent(db, profile, registered.appeal, 'forwarded', { note: 'Передано до ради' }, clock),
      () => recordEvent(db, profile, registered.appeal, 'comment', { text: `Заявник телефонував ${i + 1}` }, clock),
    ];
    for (const record of kinds.slice(0, eventsPer(i))) {
      const recorded = await record();
      if (!recorded.ok) throw new Error(`event not recorded: ${JSON.stringify(recorded.problems)}`);
      into.events.push(recorded.event.id);
    }
  }
  return into;
}

/** Appeal and event documents of the given villages in the central database: `_id` → `_rev`. */
export async function centralDocsOf(
  conn: CouchConnection,
  centralDb: string,
  villages: readonly string[],
): Promise<Map<string, string>> {
  const res = await request<{ rows: { id: string; value: { rev: string }; doc?: { villageId?: string } }[] }>(
    conn,
    'GET',
    `/${centralDb}/_all_docs?include_docs=true`,
  );
  if (res.status !== 200) throw new Error(`_all_docs of ${centralDb}: HTTP ${res.status}`);
  const docs = new Map<string, string>();
  for (const row of res.body.rows) {
    const kind = row.id.startsWith('appeal:') || row.id.startsWith('event:');
    if (kind && villages.includes(String(row.doc?.villageId))) docs.set(row.id, row.value.rev);
  }
  return docs;
}

/** The central `_id`s of what villages registered. */
export function centralIdsOf(...registered: Registered[]): string[] {
  return registered.flatMap((r) => [...r.appeals.map((id) => `appeal:${id}`), ...r.events.map((id) => `event:${id}`)]).sort();
}

/** Waits until the central database holds at least `ids.length` documents of the villages; returns what it holds. */
export async function waitForCentral(
  conn: CouchConnection,
  centralDb: string,
  villages: readonly string[],
  ids: readonly string[],
  timeoutMs: number,
  progress?: (held: number) => void,
): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  let docs = new Map<string, string>();
  for (;;) {
    // The test's own look at the server may meet a keep-alive socket closed under it: that is no verdict, look again.
    docs = await centralDocsOf(conn, centralDb, villages).catch(() => docs);
    progress?.(docs.size);
    if (docs.size >= ids.length) return docs;
    if (Date.now() > deadline) {
      const missing = ids.filter((id) => !docs.has(id));
      throw new Error(
        `timed out: ${missing.length} of ${ids.length} not in ${centralDb}, e.g. ${missing.slice(0, 3).join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

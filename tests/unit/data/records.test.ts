/**
 * The screens' facade (renderer/data/records.ts) on memory RxDB: its commands write through the repositories, and so
 * through ingest, with the identity and clock it was made with; its queries see what they wrote; the council's
 * documents are read by id prefix inside the data layer, and only by the council's PC.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../renderer/data/database';
import { sha256Hex } from '../../../renderer/data/files/prepare-file';
import { insertPulledFiles } from '../../../renderer/data/files.repository';
import { addSetAside } from '../../../renderer/data/ingest/set-aside';
import { loadProfile, type Profile } from '../../../renderer/data/profile.repository';
import { createRecords, type FileListItem, type Records, type RecordsSync } from '../../../renderer/data/records';
import { saveSyncConfig } from '../../../renderer/data/sync/sync-config';
import { ID_PREFIX } from '../../../shared/couch/names';
import { periodContaining } from '../../../shared/reports/period';
import { decodeFacts } from '../../../shared/reports/report-facts';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { CLOCK, draftOf, profileOf, TODAY } from '../../helpers/data/fixtures';
import { settled, TestDatabases } from '../../helpers/data/test-db';
import { pickedFile } from '../../helpers/data/transfer-files';

/** The passphrase the test's files are made and opened with. */
const PASSPHRASE = 'Глибоке-2026 весна';

const VERSION = '0.1.0';
const COMMUNITY = 'hlybotska';
const village: Profile = profileOf({ communityCode: COMMUNITY });

/** What the appeal card's query hands over. */
type Card = Parameters<Parameters<Records['observeAppeal']>[1]>[0];

const dbs = new TestDatabases();
afterEach(() => dbs.removeAll());

/** A PC that never logged in: no server documents, no file fetch. */
const offline: RecordsSync = {
  config: null,
  controller: null,
  serverDocs: () => Promise.reject(new Error('not logged in')),
  serverConflicts: () => Promise.reject(new Error('not logged in')),
};

async function pc(
  options: { profile?: Profile | null; sync?: RecordsSync } = {},
): Promise<{ db: AppDatabase; records: Records }> {
  const db = await dbs.create('memory');
  const profile = options.profile === undefined ? village : options.profile;
  return { db, records: createRecords({ db, profile, clock: () => CLOCK, sync: options.sync ?? offline, appVersion: VERSION }) };
}

/** The first value a live query hands over that passes `test` (it unsubscribes then). */
function seen<T>(observe: (onChange: (value: T) => void) => () => void, test: (value: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    let isDone = false;
    let stop: (() => void) | undefined;
    const timer = setTimeout(() => {
      stop?.();
      reject(new Error('the query never showed the expected value'));
    }, 5_000);
    stop = observe((value) => {
      if (isDone || !test(value)) return;
      isDone = true;
      clearTimeout(timer);
      setTimeout(() => stop?.());
      resolve(value);
    });
  });
}

describe('createRecords', () => {
  it('registers an appeal and records an event as this PC, at the clock’s time; the queries see both', async () => {
    const { db, records } = await pc();
    const registered = await records.registerAppeal(draftOf());
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    expect(registered.appeal).toMatchObject({
      villageId: 'hlyboke',
      deviceTag: '1',
      registeredAt: CLOCK.now.toISOString(),
      registeredBy: village.operatorName,
      registeredRole: 'starosta',
    });
    expect(registered.appeal.regIndex.startsWith(records.indexPrefix())).toBe(true);

    const recorded = await records.recordEvent(registered.appeal, 'comment', { text: 'Дзвонив' });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.problems));
    expect(recorded.event).toMatchObject({ kind: 'comment', at: CLOCK.now.toISOString(), by: village.operatorName });

    const card = await seen<Card>(
      (onChange) => records.observeAppeal(registered.appeal.id, onChange),
      (v) => v?.events.length === 1,
    );
    expect(card?.appeal).toEqual(registered.appeal);
    expect(card?.events.map((e) => e.id)).toEqual([recorded.event.id]);
    expect(card?.state.current.surname).toBe('Мельник');
    expect(await seen(records.observeAppealCount, (n) => n === 1)).toBe(1);

    // The register rows as the database holds them once the projection wrote them (in the app: the register in memory).
    await settled(db);
    const rows = (await db.register.find().exec()).map((d) => d.toMutableJSON() as RegisterRow);
    const facts = await records.reportFacts(() => rows, periodContaining('quarter', TODAY), { kind: 'community' });
    expect(facts.map((f) => [decodeFacts(f)?.villageId, decodeFacts(f)?.steps.at(-1)?.status])).toEqual([
      ['hlyboke', 'registered'],
    ]);
  });

  it('an appeal registered through it passes ingest: one the server’s rules refuse is set aside, not written', async () => {
    const { db, records } = await pc();
    // The server confirmed at login that this PC belongs to another village than its profile says.
    await saveSyncConfig(db, {
      serverUrl: 'http://127.0.0.1:5984',
      username: 'starosta.zarichne',
      community: COMMUNITY,
      dbName: `ov-${COMMUNITY}-v-zarichne`,
      role: 'starosta',
      villageId: 'zarichne',
    });
    const registered = await records.registerAppeal(draftOf());
    expect(registered.ok ? null : registered.problems.map((p) => p.code)).toEqual(['refused']);
    const entries = await seen(records.observeSetAside, (list) => list.length > 0);
    expect(entries).toEqual([
      expect.objectContaining({
        collection: 'appeals',
        source: 'registration',
        isTamper: false,
        record: expect.objectContaining({ villageId: 'hlyboke', surname: 'Мельник' }),
      }),
    ]);
    expect(await db.appeals.count().exec()).toBe(0);
    expect(await db.outbox.count().exec()).toBe(0);
  });

  it('a draft with problems writes nothing', async () => {
    const { db, records } = await pc();
    const result = await records.registerAppeal(draftOf({ surname: '' }));
    expect(result.ok).toBe(false);
    expect(await db.appeals.count().exec()).toBe(0);
  });

  it('attaches files to an appeal; the files query lists them waiting to be sent, and they open from this PC', async () => {
    const { records } = await pc();
    const registered = await records.registerAppeal(draftOf());
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const bytes = new TextEncoder().encode('%PDF-1.4 скан заяви');
    const sha256 = await sha256Hex(bytes);
    const stored = await records.attachFiles(registered.appeal, [{ name: 'заява.pdf', mime: 'application/pdf', bytes, sha256 }]);
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    const [file] = stored.files;
    if (!file) throw new Error('no file stored');
    const files = await seen<FileListItem[]>(
      (onChange) => records.observeFilesOf(registered.appeal.id, onChange),
      (list) => list.length === 1,
    );
    expect(files[0]).toMatchObject({ name: 'заява.pdf', hasBytes: true, isWaiting: true, addedAt: CLOCK.now.toISOString() });
    const opened = await records.openFile(file);
    expect(opened.ok && !opened.fromServer && new Uint8Array(await opened.blob.arrayBuffer())).toEqual(bytes);
  });

  it('opens a file this PC lacks with the sync session of the moment: none while logged out, fetched once logged in', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 відповідь ради');
    const session: { config: RecordsSync['config']; controller: RecordsSync['controller'] } = { config: null, controller: null };
    const sync: RecordsSync = {
      get config() {
        return session.config;
      },
      get controller() {
        return session.controller;
      },
      serverDocs: () => Promise.reject(new Error('not used')),
      serverConflicts: () => Promise.reject(new Error('not used')),
    };
    const { db, records } = await pc({ sync });
    const registered = await records.registerAppeal(draftOf());
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const file = {
      id: 'F1',
      appealId: registered.appeal.id,
      villageId: 'hlyboke',
      name: 'відповідь.pdf',
      mime: 'application/pdf' as const,
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes),
      addedAt: CLOCK.now.toISOString(),
      by: 'Рада',
      role: 'central' as const,
      chunkSize: 65536,
      chunkCount: 1,
    };
    // The council's file arrived by the pull: its metadata only, the bytes stay on the server until asked for.
    await insertPulledFiles(db, [file]);
    const loggedOut = await records.openFile(file);
    expect(loggedOut.ok ? null : loggedOut.message.en).toContain('log in');

    session.controller = { fetchFile: async () => bytes };
    const fetched = await records.openFile(file);
    expect(fetched.ok && fetched.fromServer && new Uint8Array(await fetched.blob.arrayBuffer())).toEqual(bytes);
  });

  it('acts as the saved profile from then on', async () => {
    const { db, records } = await pc();
    const next = profileOf({ communityCode: COMMUNITY, workstation: 2, operatorName: 'Олена Бойко' });
    await records.saveProfile(next);
    expect(await loadProfile(db)).toEqual(next);
    const registered = await records.registerAppeal(draftOf());
    expect(registered.ok && registered.appeal).toMatchObject({ deviceTag: '2', registeredBy: 'Олена Бойко' });
  });

  it('on a fresh PC needs a profile to register; a restored backup brings it, with the records', async () => {
    const old = await pc();
    const registered = await old.records.registerAppeal(draftOf());
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const made = await old.records.makeBackup(PASSPHRASE);
    expect(made.counts).toMatchObject({ appeals: 1 });
    expect(await seen(old.records.observeLastBackupAt, (at) => at !== null)).toBe(CLOCK.now.toISOString());

    const fresh = await pc({ profile: null });
    await expect(fresh.records.registerAppeal(draftOf())).rejects.toThrow('no profile');
    const restored = await fresh.records.restoreBackup(pickedFile(made.fileName, made.bytes), null, PASSPHRASE);
    expect(restored.ok && restored.value).toMatchObject({ inserted: { appeals: 1 }, restoredProfile: village });
    const again = await fresh.records.registerAppeal(draftOf());
    // The index continues where the old PC stopped.
    expect(again.ok && again.appeal.regSeq).toBe(registered.appeal.regSeq + 1);
  });
});

describe('the council’s documents', () => {
  const server = (role: 'central' | 'starosta') => {
    const asked: string[] = [];
    const docs: Record<string, unknown[]> = {
      [ID_PREFIX.status]: [{ _id: 'status:hlyboke', villageId: 'hlyboke', lastSyncAt: CLOCK.now.toISOString(), pending: 2 }],
      [ID_PREFIX.village]: [{ _id: 'village:hlyboke', type: 'village', code: 'hlyboke', name: 'Глибоке' }],
    };
    const sync: RecordsSync = {
      config: { role },
      controller: null,
      serverDocs: async <T>(prefix: string) => {
        asked.push(prefix);
        return (docs[prefix] ?? []) as T[];
      },
      serverConflicts: async () => {
        asked.push('conflicts');
        return [
          { id: 'status:hlyboke', conflicts: ['1-aaa'], doc: { villageId: 'hlyboke' } },
          { id: 'appeal:01FORGED', conflicts: ['1-fff'], doc: { villageId: 'hlyboke' } },
        ];
      },
    };
    return { asked, sync };
  };

  it('the council’s PC reads the villages’ statuses and the register of villages by their id prefixes', async () => {
    const { asked, sync } = server('central');
    const { records } = await pc({ profile: profileOf({ villageCode: 'central', role: 'central' }), sync });
    expect(await records.villageStatuses()).toEqual([expect.objectContaining({ villageId: 'hlyboke', pending: 2 })]);
    expect(await records.villageRegistry()).toEqual([{ code: 'hlyboke', name: 'Глибоке' }]);
    expect(asked).toEqual([ID_PREFIX.status, ID_PREFIX.village]);
  });

  it('the council’s possible forgeries: write-once records conflicted on the server, then this PC’s tamper alarms', async () => {
    const { sync } = server('central');
    const { db, records } = await pc({ profile: profileOf({ villageCode: 'central', role: 'central' }), sync });
    await addSetAside(db, [
      {
        key: 'events:E1',
        collection: 'events',
        id: 'E1',
        source: 'pull',
        reason: { uk: 'інший зміст', en: 'other content' },
        isTamper: true,
        at: CLOCK.now.toISOString(),
        record: { id: 'E1', villageId: 'hlyboke' },
      },
      {
        key: 'appeals:A2',
        collection: 'appeals',
        id: 'A2',
        source: 'pull',
        reason: { uk: 'не та структура', en: 'bad structure' },
        isTamper: false,
        at: CLOCK.now.toISOString(),
        record: { id: 'A2', villageId: 'hlyboke' },
      },
    ]);
    // The village's status document may conflict harmlessly; a record that is not a tamper alarm is not a forgery.
    expect(await records.serverConflicts()).toEqual([
      { source: 'server', villageId: 'hlyboke', id: 'appeal:01FORGED' },
      { source: 'this-pc', villageId: 'hlyboke', id: 'event:E1' },
    ]);
  });

  it('a village PC has none to read and does not ask', async () => {
    const { asked, sync } = server('starosta');
    const { records } = await pc({ sync });
    expect(await records.villageStatuses()).toBeNull();
    expect(await records.villageRegistry()).toBeNull();
    expect(await records.serverConflicts()).toBeNull();
    expect(asked).toEqual([]);
  });
});
